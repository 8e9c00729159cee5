import Foundation

/// Paths of the real project, so that tests run on the real Content/, Site/ and fixtures.
public enum Repository {
    /// The repository's root folder, found from this file's place in it (Tests/TestSupport/).
    public static let root: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// The real sheet.
    public static let content = root + "/Content"
    /// The real theme.
    public static let theme = root + "/Site"
    /// The fixture sheets and files (invalid content, import sheets, questionnaires).
    public static let fixtures = root + "/Tests/ChecksheetKitTests/Fixtures"

    /// A fixture file's bytes, by its path below `fixtures`.
    public static func fixture(_ path: String) -> Data {
        FileManager.default.contents(atPath: fixtures + "/" + path)!
    }

    /// A file of the project as text, by its path below the root.
    public static func text(_ path: String) -> String {
        try! String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// A file of the project as bytes, by its path below the root.
    public static func data(_ path: String) -> Data {
        FileManager.default.contents(atPath: root + "/" + path)!
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "checksheet-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
