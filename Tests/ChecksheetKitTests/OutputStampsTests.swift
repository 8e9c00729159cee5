import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import ChecksheetKit

/// The stamps a build keeps of its output folder.
@Suite struct OutputStampsTests {
    /// An output folder `out` in `work`.
    static func output(in work: String) -> SiteOutput {
        SiteOutput(path: work + "/out", content: work + "/content", theme: work + "/theme")
    }

    /// `count` item pages, `items/item-N/index.html` reading `item N`, made from inputs `fN`.
    static func items(_ count: Int) -> [OutputFile] {
        (0..<count).map { OutputFile(path: "items/item-\($0)/index.html", contents: Data("item \($0)".utf8), fingerprint: "f\($0)") }
    }

    /// The files are stat'ed once, while the content is read: a file edited in place since the stamps were taken is
    /// found then, and neither taken as written nor given a size; stamps of another marker confirm nothing.
    @Test func confirmingTheFilesFindsOneEditedInPlace() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let output = Self.output(in: work)
        _ = try output.write(Self.items(20)).get()
        var stamps = try #require(OutputStamps.record(work + "/out"))
        let handle = try #require(FileHandle(forWritingAtPath: work + "/out/items/item-5/index.html"))
        handle.seekToEndOfFile()
        handle.write(Data(", edited".utf8))
        handle.closeFile()
        stamps.confirmFiles(in: work + "/out")
        #expect(stamps.confirmed?.paths.count == 19 && stamps.confirmed?.paths.contains("items/item-5/index.html") == false)
        #expect(!stamps.unchanged("items/item-5/index.html", in: work + "/out"))
        #expect(stamps.size("items/item-5/index.html", in: work + "/out") == nil)
        #expect(stamps.size("items/item-6/index.html", in: work + "/out") == "item 6".utf8.count)
        var other = stamps
        other.confirmed = nil
        other.marker = "0-0-0.0-="
        other.confirmFiles(in: work + "/out")
        #expect(other.confirmed == nil)
    }

    /// A file rewritten in place to the same size with its modification time put back, as `touch -r` or `cp -p` over it
    /// leave it (same inode, same size, same modification time to the nanosecond), is still told apart by its change
    /// time: not confirmed, not taken as written (fails when the stamps leave the change time out).
    @Test func aFileRewrittenToTheSameSizeWithItsTimesPutBackIsNotTrusted() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        _ = try Self.output(in: work).write(Self.items(20)).get()
        var stamps = try #require(OutputStamps.record(work + "/out"))
        let page = work + "/out/items/item-7/index.html"
        #expect(try SameStampEdit.rewrite(page, with: Data("ITEM 7".utf8)))
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "ITEM 7")
        stamps.confirmFiles(in: work + "/out")
        #expect(stamps.confirmed?.paths.count == 19 && stamps.confirmed?.paths.contains("items/item-7/index.html") == false)
        #expect(!stamps.unchanged("items/item-7/index.html", in: work + "/out"))
        #expect(stamps.size("items/item-7/index.html", in: work + "/out") == nil)
    }

    /// Files whose stamps changed but not their bytes (a mode changed, a hard link made to one, as a backup tool makes
    /// them) are read by the next build and found as written, then stamped as they were found: the build after trusts
    /// them again, whether the first found nothing to do or rewrote other pages (fails when they keep their stamps).
    @Test func filesReadAndFoundAsWrittenAreStampedAsFound() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        let files = Self.items(20)
        _ = try output.write(files, inputs: "in").get()
        let written = try #require(OutputStamps.record(work + "/out"))
        usleep(20_000)
        #expect(chmod(work + "/out/items/item-4/index.html", 0o600) == 0)
        #expect(link(work + "/out/items/item-9/index.html", work + "/backup-9.html") == 0)
        #expect(chmod(work + "/out/items/item-15/index.html", 0o600) == 0)

        // Nothing to do: the three files are read, found as written, and their stamps as found are the ones to keep.
        var stamps = written
        stamps.confirmFiles(in: work + "/out")
        #expect(stamps.confirmed?.paths.count == 17)
        output.stamps = stamps
        #expect(output.upToDate(inputs: "in") != nil)
        let refreshed = try #require(stamps.refreshed)
        let now = try #require(OutputStamps.record(work + "/out"))
        #expect(refreshed.stamps == now.stamps && refreshed.stamps != written.stamps)
        var next = refreshed
        next.confirmFiles(in: work + "/out")
        #expect(next.confirmed?.paths.count == 20 && next.refreshed == nil)

        // A rebuild that changes another page: the write compares the untrusted files with their new bytes, the same.
        stamps = written
        stamps.confirmFiles(in: work + "/out")
        output.stamps = stamps
        var changed = files
        changed[2] = OutputFile(path: changed[2].path, contents: Data("item 2, changed".utf8), fingerprint: "f2 changed")
        let touched = try #require(try output.write(changed, inputs: "in 2").get().touched)
        #expect(touched == ["items/item-2/index.html"])
        let after = try #require(OutputStamps.record(work + "/out", after: stamps, touched: touched))
        #expect(after.stamps == OutputStamps.record(work + "/out")?.stamps)
    }

    /// A marker whose stamp changed but not its contents (its mode changed, as `chmod -R` over the site leaves it) is
    /// taken with the stamp it was found with: the stamps describe the folder again and are recorded so. Another build's
    /// marker is not taken (fails when a marker with a new stamp is never taken).
    @Test func aMarkerFoundWithAnotherStampButTheSameContentsIsTaken() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        let files = Self.items(10)
        _ = try output.write(files, inputs: "in").get()
        var stamps = try #require(OutputStamps.record(work + "/out"))
        usleep(20_000)
        #expect(chmod(work + "/out/" + OutputManifest.fileName, 0o600) == 0)
        #expect(!stamps.describe(work + "/out"))
        stamps.takeMarker(in: work + "/out")
        #expect(stamps.describe(work + "/out"))
        #expect(stamps.refreshed?.marker == OutputStamps.record(work + "/out")?.marker)

        var earlier = try #require(OutputStamps.record(work + "/out"))
        var changed = files
        changed[1] = OutputFile(path: changed[1].path, contents: Data("item 1, changed".utf8), fingerprint: "f1 changed")
        output.stamps = nil
        _ = try output.write(changed, inputs: "in 2").get()
        earlier.takeMarker(in: work + "/out")
        #expect(!earlier.describe(work + "/out") && earlier.refreshed == nil)
    }

    /// Folders whose stamps changed (a file put in and taken out again, a mode changed) but that a walk finds holding
    /// nothing but the build's files are stamped as they were found before the walk: the next build does not walk the
    /// folder again. A folder found holding another file is refused, and nothing is stamped anew (fails when found
    /// folders keep their stamps).
    @Test func foldersWalkedAndFoundHoldingNothingElseAreStampedAsFound() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        _ = try output.write(Self.items(20), inputs: "in").get()
        let written = try #require(OutputStamps.record(work + "/out"))
        usleep(20_000)
        let scratch = work + "/out/items/item-3/scratch.txt"
        try "x".write(toFile: scratch, atomically: false, encoding: .utf8)
        #expect(unlink(scratch) == 0)
        #expect(chmod(work + "/out/items/item-8", 0o700) == 0)

        var stamps = written
        #expect(!stamps.holdsNothingElse(work + "/out"))
        output.stamps = stamps
        #expect(throws: Never.self) { try output.check().get() }
        let refreshed = try #require(stamps.refreshed)
        #expect(refreshed.folders == OutputStamps.record(work + "/out")?.folders && refreshed.folders != written.folders)
        #expect(refreshed.stamps == written.stamps && refreshed.holdsNothingElse(work + "/out"))

        // A file put in that no build wrote: refused, and no folder's stamp is taken as the build's.
        stamps = try #require(OutputStamps.record(work + "/out"))
        usleep(20_000)
        try "mine".write(toFile: work + "/out/items/item-5/notes.txt", atomically: false, encoding: .utf8)
        output.stamps = stamps
        #expect(throws: DiagnosticsError.self) { try output.check().get() }
        #expect(stamps.refreshed == nil)
    }

    /// After a write that updated a few files in place, stamping only those (and their folders and the marker) gives
    /// exactly the stamps of taking every file and folder anew, files removed and a new folder included.
    @Test func stampingWhatAWriteTouchedEqualsStampingEverything() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        var files = Self.items(80)
        files += [OutputFile(path: "index.html", text: "home"), OutputFile(path: "assets/style.css", text: "body {}")]
        _ = try output.write(files).get()
        let before = try #require(OutputStamps.record(work + "/out"))
        // Two pages changed, one removed (its folder goes), one added in a new folder.
        var next = files.filter { $0.path != "items/item-7/index.html" }
        // A page made from other inputs has another fingerprint: one of the same is taken as unchanged by its stamp.
        next[3] = OutputFile(path: next[3].path, contents: Data("item 3, changed".utf8), fingerprint: "f3 changed")
        next[50] = OutputFile(path: next[50].path, contents: Data("item 51, changed".utf8), fingerprint: "f51 changed")
        next.append(OutputFile(path: "items/new/deeper/index.html", text: "new"))
        output.stamps = before
        let report = try output.write(next).get()
        let touched = try #require(report.touched)
        #expect(Set(touched) == ["items/item-3/index.html", "items/item-51/index.html", "items/item-7/index.html", "items/new/deeper/index.html"])
        let after = try #require(OutputStamps.record(work + "/out", after: before, touched: touched))
        #expect(after == OutputStamps.record(work + "/out"))
        #expect(after.folders["items/item-7"] == nil && after.folders["items/new/deeper"] != nil)
    }

    /// A build written into a new folder batch by batch stamps its files as it writes them: its stamps are exactly
    /// those of taking every file and folder anew, though later batches write into folders earlier ones made.
    @Test func aStreamedWriteStampsAsItWritesWhatStampingAnewGives() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let output = Self.output(in: work)
        let files = Self.items(30) + [OutputFile(path: "index.html", text: "home"), OutputFile(path: "items/index.html", text: "list"),
                                      OutputFile(path: "assets/style.css", text: "body {}"), OutputFile(path: "assets/site.js", text: "")]
        let report = try output.writeStreaming { write in
            // Three batches: the last adds files to folders the first two made.
            try write(Array(files[0..<12]))
            try write(Array(files[12..<31]))
            try write(Array(files[31...]))
            return []
        }.get()
        let written = try #require(report.stamped)
        #expect(written.files.count == files.count && written.folders.contains("") && written.folders.contains("items/item-29"))
        let stamped = try #require(OutputStamps.record(work + "/out", after: report, before: nil))
        #expect(stamped == OutputStamps.record(work + "/out"))
        #expect(stamped.manifest != nil && stamped.folders.count == 33)
        // The files are not stat'ed again: one edited since its write keeps the stamp it was written with, which no
        // longer matches it, so the next build reads it rather than trusting it.
        let handle = try #require(FileHandle(forWritingAtPath: work + "/out/items/item-3/index.html"))
        handle.seekToEndOfFile()
        handle.write(Data(", edited".utf8))
        handle.closeFile()
        let later = try #require(OutputStamps.record(work + "/out", after: report, before: nil))
        #expect(later.stamps["items/item-3/index.html"] == written.files["items/item-3/index.html"])
        #expect(later.stamps["items/item-3/index.html"] != OutputStamps.record(work + "/out")?.stamps["items/item-3/index.html"])
        #expect(!later.unchanged("items/item-3/index.html", in: work + "/out"))
    }

    /// The usual edit, the same files with a few changed: the earlier stamps are taken over and only the touched files
    /// and their folders stamped anew, which gives exactly the stamps of taking everything anew.
    @Test func anEditOfTheSameFilesRestampsOnlyWhatItTouched() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        let files = Self.items(80) + [OutputFile(path: "index.html", text: "home")]
        _ = try output.write(files).get()
        let before = try #require(OutputStamps.record(work + "/out"))
        var next = files
        next[12] = OutputFile(path: next[12].path, contents: Data("item 12, a longer answer".utf8), fingerprint: "f12 changed")
        next[80] = OutputFile(path: "index.html", contents: Data("home, changed".utf8), fingerprint: "home changed")
        output.stamps = before
        let touched = try #require(try output.write(next).get().touched)
        #expect(Set(touched) == ["items/item-12/index.html", "index.html"])
        let after = try #require(OutputStamps.record(work + "/out", after: before, touched: touched))
        #expect(after == OutputStamps.record(work + "/out"))
        #expect(after.stamps["items/item-12/index.html"] != before.stamps["items/item-12/index.html"])
        #expect(after.stamps["items/item-13/index.html"] == before.stamps["items/item-13/index.html"])
    }

    /// A build reads the inputs the last one recorded from the stamps' first lines alone, to start reading what a build
    /// will need; decoded whole, the stamps are the ones encoded, sizes and folders included.
    @Test func theRecordedInputsAreReadFromTheFirstLinesAndTheStampsRoundTrip() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let output = Self.output(in: work)
        let files = Self.items(70) + [OutputFile(path: "index.html", text: "home")]
        _ = try output.write(files, inputs: "0123abcd", warnings: ["a warning\nover two lines"]).get()
        let stamps = try #require(OutputStamps.record(work + "/out"))
        let encoded = stamps.encoded
        #expect(OutputStamps.recordedInputs(encoded) == "0123abcd")
        let decoded = try #require(OutputStamps.decode(encoded))
        #expect(decoded == stamps)
        #expect(decoded.manifest?.warnings == ["a warning\nover two lines"])
        #expect(decoded.size("items/item-12/index.html", in: work + "/out") == "item 12".utf8.count)
        #expect(decoded.size("index.html", in: work + "/out") == 4)
        // Stamps with no marker's contents, or bytes that are no stamps, record no inputs.
        var bare = stamps
        bare.manifest = nil
        #expect(OutputStamps.recordedInputs(bare.encoded) == nil)
        #expect(OutputStamps.recordedInputs(Data("checksheet-stamps 2\n1-2-3.4\nmarker\n0123abcd\n".utf8)) == nil)
        #expect(OutputStamps.recordedInputs(Data()) == nil)
        // A path that cannot stand on a line is not kept at all.
        var tabbed = stamps
        tabbed.folders["items/a\tb"] = "1-2-3.4-="
        #expect(tabbed.encoded.isEmpty)
    }

    /// A folder checked before the build is taken as checked by a write that updates a few files, which touches only
    /// the build's own files: a file put in meanwhile is left where it is. A write that would swap the whole folder
    /// checks it again and refuses, so that file is not lost with the old folder.
    @Test func aFileAddedDuringTheBuildIsNeverLost() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = Self.output(in: work)
        let files = Self.items(80)
        _ = try output.write(files).get()
        output.checked = try output.check().get()
        try Data("mine".utf8).write(to: URL(fileURLWithPath: work + "/out/items/notes.txt"))
        // A few files changed: updated in place, the added file left be.
        var few = files
        few[4] = OutputFile(path: few[4].path, contents: Data("item 4, changed".utf8), fingerprint: "f4 changed")
        let report = try output.write(few).get()
        #expect(report.touched == ["items/item-4/index.html"])
        #expect(FileManager.default.contents(atPath: work + "/out/items/notes.txt") == Data("mine".utf8))
        #expect(FileManager.default.contents(atPath: work + "/out/items/item-4/index.html") == Data("item 4, changed".utf8))
        // Every file changed: the swap is refused, and the folder is as it was.
        let every = files.map { OutputFile(path: $0.path, contents: Data("new \($0.path)".utf8), fingerprint: "new") }
        guard case let .failure(refusal) = output.write(every) else {
            Issue.record("a swap over a file the last build did not write was not refused")
            return
        }
        #expect(refusal.diagnostics.map(\.message) == ["'\(work)/out' holds files that the last build did not write ('items/notes.txt')"])
        #expect(FileManager.default.contents(atPath: work + "/out/items/notes.txt") == Data("mine".utf8))
        #expect(FileManager.default.contents(atPath: work + "/out/items/item-9/index.html") == Data("item 9".utf8))
    }
}
