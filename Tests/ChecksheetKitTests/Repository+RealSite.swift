@testable import ChecksheetKit
import TestSupport

extension Repository {
    /// The real site built in memory.
    static func buildRealSite() -> Pipeline.Outcome {
        Pipeline.build(content: ContentSource.read(from: content), theme: Theme.read(from: theme))
    }
}
