import Foundation
@testable import ChecksheetKit

/// Paths of the real project, so that tests run on the real Content/ and Site/.
enum Repository {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let content = root + "/Content"
    static let theme = root + "/Site"
    static let fixtures = root + "/Tests/ChecksheetKitTests/Fixtures"

    static func fixture(_ path: String) -> Data {
        FileManager.default.contents(atPath: fixtures + "/" + path)!
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "checksheet-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The real site built in memory.
    static func buildRealSite() -> Pipeline.Outcome {
        Pipeline.build(content: ContentSource.read(from: content), theme: Theme.read(from: theme))
    }
}
