import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import ChecksheetKit

/// The stamps of the content and theme folders that let a build with nothing to do skip reading them: any change to an
/// entry, its name or its place gives other stamps, and what cannot be trusted gives none.
@Suite struct SourceStampsTests {
    static func folders() throws -> (work: String, content: String, theme: String) {
        let work = Repository.temporaryFolder()
        let content = work + "/content", theme = work + "/theme"
        for file in [content + "/site.yml", content + "/revisions/2025-03-07/ja/01-a.md", content + "/revisions/2025-03-07/en/01-a.md", theme + "/page.mustache"] {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: file))
        }
        return (work, content, theme)
    }

    @Test func everyChangeGivesOtherStamps() throws {
        let (work, content, theme) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let first = try #require(SourceStamps.take([content, theme]))
        #expect(first.count == 10)
        #expect(SourceStamps.take([content, theme]) == first)
        // Taken as they stand, not remembered: the theme and content in the other order are other inputs.
        #expect(SourceStamps.take([theme, content]) != first)
        var seen = [first.digest]
        func changed(_ change: () throws -> Void, _ what: String) throws {
            try change()
            let stamps = try #require(SourceStamps.take([content, theme]), "\(what)")
            #expect(!seen.contains(stamps.digest), "\(what)")
            seen.append(stamps.digest)
        }
        let page = content + "/revisions/2025-03-07/ja/01-a.md"
        try changed({ try FileManager.default.moveItem(atPath: page, toPath: content + "/revisions/2025-03-07/ja/01-b.md") }, "renamed")
        try changed({ try FileManager.default.moveItem(atPath: content + "/revisions/2025-03-07/ja/01-b.md", toPath: page) }, "renamed back")
        try changed({ try Data("x".utf8).write(to: URL(fileURLWithPath: theme + "/new.css")) }, "added to the theme")
        try changed({ try FileManager.default.removeItem(atPath: theme + "/new.css") }, "removed")
        try changed({ try FileManager.default.createDirectory(atPath: content + "/revisions/2025-06-07", withIntermediateDirectories: false) }, "empty folder")
        try changed({ try FileManager.default.removeItem(atPath: theme) }, "theme folder gone")
    }

    /// A symbolic link or a fifo could change what a read finds without any stamp here changing.
    @Test func whatCannotBeTrustedGivesNoStamps() throws {
        let (work, content, theme) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createSymbolicLink(atPath: content + "/revisions/2025-03-07/ja/02-b.md", withDestinationPath: "01-a.md")
        #expect(SourceStamps.take([content, theme]) == nil)
        try FileManager.default.removeItem(atPath: content + "/revisions/2025-03-07/ja/02-b.md")
        #expect(mkfifo(theme + "/pipe", 0o600) == 0)
        #expect(SourceStamps.take([content, theme]) == nil)
    }

    /// A record gives its inputs back only to the same stamps under the same key; files changed in the last seconds are
    /// not settled and their record is removed, not written.
    @Test func aRecordAnswersOnlyItsOwnStampsAndKey() throws {
        let (work, content, theme) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var stamps = try #require(SourceStamps.take([content, theme]))
        stamps.settled = false
        let record = stamps.encoded(key: "k1", inputs: "0123abcd")
        #expect(String(decoding: record, as: UTF8.self) == "checksheet-sources 2\nk1\n10 \(stamps.digest.hex)\n0123abcd\n")
        #expect(stamps.recordedInputs(in: record, key: "k1") == "0123abcd")
        #expect(stamps.recordedInputs(in: record, key: "k2") == nil)
        #expect(stamps.recordedInputs(in: record.dropLast(), key: "k1") == nil)
        try Data("y".utf8).write(to: URL(fileURLWithPath: content + "/site.yml"))
        #expect(try #require(SourceStamps.take([content, theme])).recordedInputs(in: record, key: "k1") == nil)

        let file = work + "/record"
        try Data("stale".utf8).write(to: URL(fileURLWithPath: file))
        stamps.write(cacheFile: file, key: "k1", inputs: "0123abcd")
        #expect(!FileManager.default.fileExists(atPath: file))
        var settled = stamps
        settled.settled = true
        #expect(!stamps.settled)
        settled.write(cacheFile: file, key: "k1", inputs: "0123abcd")
        #expect(FileManager.default.contents(atPath: file) == record)
    }

    /// Stamps taken within `settling` of a change are not settled; taken later on this machine's file system (ext4, or
    /// tmpfs, overlayfs… in a container), they are.
    @Test func stampsSettleAFewTicksAfterTheLastChange() throws {
        let (work, content, theme) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let folder = open(content, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        var info = stat()
        #expect(fstat(folder, &info) == 0)
        #expect(SourceStamps.stampsChangesFinely(folder, info), "the file system of \(content) keeps coarse or foreign times: no build here is spared reading")
        // A device the kernel's table of mounts does not hold (a btrfs subvolume's, say) is not trusted.
        var unknown = info
        unknown.st_dev = 0x7FFF_FFFF
        #expect(!SourceStamps.stampsChangesFinely(folder, unknown))
        let start = Date()
        try Data("z".utf8).write(to: URL(fileURLWithPath: theme + "/page.mustache"))
        let young = try #require(SourceStamps.take([content, theme]))
        // Asserted only when the take came soon enough, as a loaded machine may pause the test for longer.
        if Date().timeIntervalSince(start) < Double(SourceStamps.settling) / 1e9 {
            #expect(!young.settled)
            // The file just written has no stamp to take its text by; the others, written before, may.
            #expect(young.settledFiles[theme + "/page.mustache"] == nil)
        }
        Thread.sleep(forTimeInterval: Double(SourceStamps.settling) / 1e9 + 0.05)
        let settled = try #require(SourceStamps.take([content, theme]))
        #expect(settled.settled)
        #expect(settled.digest == young.digest && settled.count == young.count)
        // Every regular file by its path, root as given, and nothing else (no folder).
        #expect(settled.settledFiles.keys.sorted() == [content + "/revisions/2025-03-07/en/01-a.md", content + "/revisions/2025-03-07/ja/01-a.md",
                                                       content + "/site.yml", theme + "/page.mustache"])
        #expect(settled.settledFiles[theme + "/page.mustache"] == OutputStamps.stamp(of: theme + "/page.mustache"))
    }
}
