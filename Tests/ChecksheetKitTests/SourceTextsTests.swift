import Foundation
import Testing
import TestSupport
@testable import ChecksheetKit

/// The pages an earlier build read, by stamp: a read takes a page's text from them only while its stamp is the one it
/// had, and their cache file reads back exactly or not at all.
@Suite struct SourceTextsTests {
    @Test func aPageIsTakenOnlyWhileItsStampIsTheOneItHad() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        let content = work + "/Content", folder = content + "/revisions/2025-03-07/"
        Thread.sleep(forTimeInterval: Double(SourceStamps.settling) / 1e9 + 0.05)
        let walked = try #require(SourceStamps.take([content]))
        let read = ContentSource.read(from: content)
        var known = SourceTexts(read, walked: walked)
        // Every page, none of the other files.
        #expect(known.pages.count == 98 && known.pages.keys.allSatisfy { $0.hasSuffix(".md") })
        // A text the stamp vouches for is taken without opening the page: one put in its place shows it.
        let hours = folder + "ja/01-service-hours.md", backups = folder + "en/13-system-monitoring.md"
        #expect(known.pages[backups] != nil)
        known.pages[hours]?.text = "taken, not read"
        let taken = ContentSource.read(from: content, known: known, walked: walked)
        #expect(taken.revisions[0].pages[.ja]?.first { $0.path == hours }?.text == "taken, not read")
        var expected = read
        expected.revisions[0].pages[.ja] = expected.revisions[0].pages[.ja]?.map { $0.path == hours ? SourceFile(path: hours, text: "taken, not read") : $0 }
        // Compared whole, but reported by page: two contents differing print as thousands of lines.
        let takenAsExpected = taken == expected
        #expect(takenAsExpected)
        // Edited in place to bytes of the same length, its modification time put back: only the change time tells, and
        // the page is read.
        let text = try String(contentsOfFile: hours, encoding: .utf8)
        #expect(try SameStampEdit.rewrite(hours, with: Data(text.replacingOccurrences(of: "365日", with: "366日").utf8)))
        Thread.sleep(forTimeInterval: Double(SourceStamps.settling) / 1e9 + 0.05)
        let after = try #require(SourceStamps.take([content]))
        #expect(after.settledFiles[hours] != nil && after.settledFiles[hours] != walked.settledFiles[hours])
        let reread = ContentSource.read(from: content, known: known, walked: after)
        #expect(reread.revisions[0].pages[.ja]?.first { $0.path == hours }?.text.contains("24時間366日") == true)
        let rereadAsOpened = reread == ContentSource.read(from: content)
        #expect(rereadAsOpened)
        // A page changed a moment ago has no settled stamp: read, whatever was known of it.
        try Data("changed".utf8).write(to: URL(fileURLWithPath: backups))
        let young = try #require(SourceStamps.take([content]))
        known.pages[backups]?.stamp = try #require(OutputStamps.stamp(of: backups))
        known.pages[backups]?.text = "stale"
        #expect(young.settledFiles[backups] == nil)
        #expect(ContentSource.read(from: content, known: known, walked: young).revisions[0].pages[.en]?.first { $0.path == backups }?.text == "changed")
    }

    @Test func keptPagesSurviveTheirCacheFile() throws {
        let stamp = FileStamp(inode: .max, size: 12, seconds: 1_796_361_117, nanoseconds: 242_479_601, changeSeconds: 1_796_361_118, changeNanoseconds: 0)
        // The same text in two revisions is written once; two texts equal only as Strings (canonically equivalent) are two.
        let texts = SourceTexts(pages: ["c/revisions/2025-03-07/ja/01-a.md": (stamp, "---\nno: 1\n---\n有。24時間"), "c/x.md": (stamp, ""),
                                        "c/revisions/2025-06-07/ja/01-a.md": (stamp, "---\nno: 1\n---\n有。24時間"),
                                        "c/y.md": (stamp, "caf\u{e9}"), "c/z.md": (stamp, "cafe\u{301}")])
        let bytes = texts.encoded()
        var distinct = texts
        distinct.pages["c/revisions/2025-06-07/ja/01-a.md"]?.text = "---\nno: 1\n---\n有。25時間"
        #expect(distinct.encoded().count == bytes.count + 8 + "---\nno: 1\n---\n有。25時間".utf8.count)
        let decoded = try #require(SourceTexts.decode(bytes))
        #expect(decoded.pages.mapValues(\.text) == texts.pages.mapValues(\.text) && decoded.pages.mapValues(\.stamp) == texts.pages.mapValues(\.stamp))
        #expect(decoded.pages["c/y.md"]?.text.utf8.elementsEqual("caf\u{e9}".utf8) == true && decoded.pages["c/z.md"]?.text.utf8.elementsEqual("cafe\u{301}".utf8) == true)
        #expect(decoded.same(as: texts) && texts.same(as: decoded) && !texts.same(as: nil))
        var other = texts
        other.pages["c/x.md"]?.stamp.changeNanoseconds += 1
        #expect(!other.same(as: texts))
        #expect(SourceTexts.decode(bytes + Data([0])) == nil)
        #expect(SourceTexts.decode(Data("checksheet".utf8)) == nil)
        for length in 0..<bytes.count { #expect(SourceTexts.decode(bytes.prefix(length)) == nil) }
    }
}
