import Foundation

/// A build's files as the preview serves them: each HTML page gets the live-reload script tag before `</body>` when
/// it is asked for, not when the build is swapped in, since a tag naming the new build would otherwise mean copying
/// every page of the site after every edit.
public struct ServedFiles: Sendable, Equatable {
    /// The files as the build made them, and the reload script, by site path.
    let built: [String: Data]
    /// The script tag pages get.
    let tag: Data

    /// Whether the build has a file at a site path.
    public func contains(_ path: String) -> Bool { built[path] != nil }

    /// The served size of the file at a site path, without making its bytes: a page gains exactly the tag.
    public func size(_ path: String) -> Int? {
        built[path].map { $0.count + (path.hasSuffix(".html") ? tag.count : 0) }
    }

    /// The file at a site path as served; nil when the build has none.
    public subscript(path: String) -> Data? {
        guard let contents = built[path] else { return nil }
        return path.hasSuffix(".html") ? PreviewSite.inject(tag, into: contents) : contents
    }
}
