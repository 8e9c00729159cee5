import Foundation
import Testing
import TestSupport
@testable import ChecksheetKit

/// `stat` of paths looked up from the folder two levels above them.
@Suite struct StatAnchorsTests {
    /// Each path, looked up from its anchor, gives what `stat` of the whole path gives: the folder itself, files at
    /// every depth, folders, a symbolic link (followed, as `stat` follows it), nothing where nothing is, a missing
    /// anchor, and a file standing where an anchor folder would be.
    @Test func eachPathGivesWhatStatOfTheWholePathGives() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let root = work + "/out"
        let files = ["index.html", "ja/index.html", "ja/items/rto/index.html", "ja/items/sla/index.html",
                     "revisions/2025-03-07/ja/items/rto/index.html", "assets/style.css", "plain/file/as/anchor"]
        for file in files {
            try FileManager.default.createDirectory(atPath: root + "/" + (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/ja/items/link", withDestinationPath: "rto/index.html")
        let anchors = StatAnchors(root: root)
        let paths = ["", "index.html", "ja", "ja/items", "ja/items/rto", "ja/items/rto/index.html", "ja/items/sla/index.html",
                     "revisions/2025-03-07/ja/items/rto/index.html", "revisions/2025-03-07/ja/items/rto", "assets/style.css",
                     "ja/items/link", "ja/items/gone/index.html", "ja/items/rto/gone", "missing/folder/index.html",
                     "plain/file/as/anchor", "plain/file/as/anchor/below", "plain/file/as/anchor/below/further"]
        // Twice, on all cores: the anchors opened by the first round serve the second.
        for _ in 0..<2 {
            let found = paths.parallelMap(spreadingFrom: 1) { anchors.identity(of: $0) }
            for (path, identity) in zip(paths, found) {
                #expect(identity == StatAnchors.identity(atPath: path.isEmpty ? root : root + "/" + path), "\(path)")
            }
        }
        #expect(anchors.identity(of: "ja/items/link")?.stamp.inode == anchors.identity(of: "ja/items/rto/index.html")?.stamp.inode)
        #expect(anchors.identity(of: "ja/items/gone/index.html") == nil)
        #expect(anchors.identity(of: "plain/file/as/anchor/below") == nil)
        #expect(anchors.identity(of: "index.html")?.stamp.size == Int64("index.html".utf8.count))
    }
}
