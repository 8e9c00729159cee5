import Foundation

/// One language's search index as the site publishes it: JSON for `fetch()`, and the same JSON as a script for pages
/// opened from disk.
struct SearchIndexFiles: Sendable {
    var json: Data
    var script: Data
}
