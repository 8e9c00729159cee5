import Foundation
import Testing
import TestSupport

/// Golden files under Snapshots/; `RECORD_SNAPSHOTS=1 swift test` writes them anew.
enum Snapshot {
    static let folder = Repository.root + "/Tests/ChecksheetKitTests/Snapshots"

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try! actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no snapshot \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}
