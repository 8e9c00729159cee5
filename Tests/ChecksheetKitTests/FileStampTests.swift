import Foundation
import Testing
@testable import ChecksheetKit

extension FileStamp: ExpressibleByStringLiteral {
    /// A stamp as the stamps file writes it, for tests; a literal that is none stops the test run.
    public init(stringLiteral text: String) {
        self = FileStamp(text.utf8)!
    }
}

/// A stamp is written in the stamps file's text and read back exactly, or not at all.
@Suite struct FileStampTests {
    @Test func stampsReadBackAsWritten() {
        let stamps = [
            FileStamp(inode: 16_475_575, size: 5082, seconds: 1_796_361_117, nanoseconds: 242_479_601, changeSeconds: 1_796_361_117, changeNanoseconds: 242_479_601),
            FileStamp(inode: 1, size: 0, seconds: 0, nanoseconds: 0, changeSeconds: 1_796_361_118, changeNanoseconds: 7),
            FileStamp(inode: .max, size: .max, seconds: Int.max, nanoseconds: 999_999_999, changeSeconds: Int.max, changeNanoseconds: 0),
        ]
        #expect(stamps.map(\.text) == ["16475575-5082-1796361117.242479601-=", "1-0-0.0-1796361118.7",
                                       "18446744073709551615-9223372036854775807-9223372036854775807.999999999-9223372036854775807.0"])
        for stamp in stamps { #expect(FileStamp(stamp.text.utf8) == stamp, "\(stamp.text)") }
        // The stamp of a real file, as `stat` gives it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("checksheet-stamp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        FileManager.default.createFile(atPath: file, contents: Data("page".utf8))
        let stamp = OutputStamps.stamp(of: file)
        #expect(stamp?.size == 4 && stamp.map { FileStamp($0.text.utf8) == $0 } == true)
    }

    @Test func anythingElseIsNoStamp() {
        let before1970 = FileStamp(inode: 5, size: 6, seconds: -86_400, nanoseconds: 0, changeSeconds: -86_400, changeNanoseconds: 0)
        #expect(before1970.text == "5-6--86400.0-=")
        for text in [before1970.text, "", "-", "=", "1-2-3.4", "1-2-3.4-", "1-2-3.4-=x", "1-2-3.4-5", "1-2-3.4-5.", "1-2-3.4-.5", "a-2-3.4-=",
                     "1-2-3-4-=", "1--3.4-=", "1-2-3.4-=\n", " 1-2-3.4-=", "1-2-3.4-5.6.7", "1-2-99999999999999999999.4-=", "18446744073709551616-2-3.4-=",
                     "1-9223372036854775808-3.4-="] {
            #expect(FileStamp(text.utf8) == nil, "\(text)")
        }
    }
}
