import Foundation

/// Paths of the real project: the fuzzers start from its real content and import fixtures.
enum Repository {
    static let root: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let content = root + "/Content"

    /// A file of the project as text.
    static func text(_ path: String) -> String {
        try! String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// A file of the project as bytes.
    static func data(_ path: String) -> Data {
        FileManager.default.contents(atPath: root + "/" + path)!
    }
}
