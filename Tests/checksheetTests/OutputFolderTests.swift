import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// `build` and `serve` replace only a folder that is theirs: absent, empty, or written by an earlier build.
/// Every refusal is checked word for word and against the whole tree, which must not change by a byte.
@Suite(.serialized) struct OutputFolderTests {
    typealias CLI = CommandLineTests

    /// A project folder of its own: a copy of Content/ and Site/, with the command run from inside it.
    static func project() throws -> String {
        let work = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        return work
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Every entry below `folder`, files with their bytes and folders as empty data, so that a new empty folder shows too.
    static func snapshot(_ folder: String) -> [String: Data] {
        var entries: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            entries[path] = FileManager.default.contents(atPath: folder + "/" + path) ?? Data("<folder or link>".utf8)
        }
        return entries
    }

    static func refusal(_ folder: String, _ message: String, hint: String = "choose an empty or new folder for the site with --output, such as 'public'; nothing was changed") -> String {
        "\(folder): error: \(message)\n  hint: \(hint)\n1 error\n"
    }

    @Test(arguments: [
        ("userdir", "'userdir' holds files that no checksheet build wrote ('notes.txt', 'sub/keep.md')", "choose an empty or new folder with --output, or move those files away first; nothing was changed"),
        ("Content", "'Content' is the content folder", nil),
        ("Content/revisions", "'Content/revisions' lies inside the content folder, 'Content'", "the build would write pages among the files it reads; choose an empty or new folder for the site with --output, such as 'public'; nothing was changed"),
        ("Site/assets", "'Site/assets' lies inside the theme folder, 'Site'", "the build would write pages among the files it reads; choose an empty or new folder for the site with --output, such as 'public'; nothing was changed"),
        (".", "'.' holds the content folder, 'Content'", nil),
        ("..", "'..' holds the content folder, 'Content'", nil),
        ("notes.txt", "'notes.txt' is a file, not a folder", nil),
        ("repo", "'repo' is the root of a repository", nil),
        ("/", "'/' is the root folder", nil),
    ] as [(String, String, String?)])
    func refusesAFolderThatIsNotItsOwn(output: String, message: String, hint: String?) throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.write("my notes\n", to: work + "/userdir/notes.txt")
        try Self.write("keep me\n", to: work + "/userdir/sub/keep.md")
        try Self.write("a file\n", to: work + "/notes.txt")
        try Self.write("[core]\n", to: work + "/repo/.git/config")
        let before = Self.snapshot(work)

        for command in [["build"], ["serve", "--port", "0"]] {
            let run = try CLI.run(command + ["--output", output], in: work)
            #expect(run.status == 1)
            #expect(run.errors == Self.refusal(output, message, hint: hint ?? "choose an empty or new folder for the site with --output, such as 'public'; nothing was changed"), "\(command)")
            #expect(run.output == "")
            #expect(Self.snapshot(work) == before, "\(command) \(output) changed the project")
        }
    }

    @Test func refusesTheCurrentDirectoryAndTheRepositoryAboveIt() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Self.write("[core]\n", to: work + "/.git/config")
        try FileManager.default.createDirectory(atPath: work + "/docs", withIntermediateDirectories: true)
        let before = Self.snapshot(work)
        let inside = try CLI.run(["build", "--content", "../Content", "--theme", "../Site", "--output", "."], in: work + "/docs")
        #expect(inside.errors == Self.refusal(".", "'.' is the current directory"))
        let above = try CLI.run(["build", "--content", "../Content", "--theme", "../Site", "--output", ".."], in: work + "/docs")
        #expect(above.errors == Self.refusal("..", "'..' holds the content folder, '../Content'"))
        let elsewhere = try CLI.run(["build", "--content", work + "/Content", "--theme", work + "/Site", "--output", work], in: "/tmp")
        #expect(elsewhere.errors == Self.refusal(work, "'\(work)' holds the content folder, '\(work)/Content'"))
        #expect(Self.snapshot(work) == before)
    }

    @Test func rebuildsItsOwnFolderKeepingUnchangedFilesAndRefusesOnceAFileIsAdded() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let first = try CLI.run(["build"], in: work)
        #expect(first.status == 0, "\(first.errors)")
        let marker = try #require(FileManager.default.contents(atPath: work + "/public/.checksheet-build.json"))
        let listed = try #require(try JSONSerialization.jsonObject(with: marker) as? [String: Any])
        let files = try #require(listed["files"] as? [String])
        #expect(listed["generator"] as? String == "checksheet")
        #expect(Set(files) == Set(FileTree.read(work + "/public").keys).subtracting([".checksheet-build.json"]))
        let page = work + "/public/ja/items/rto/index.html"
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int)

        // One answer edited: one item page changes (and the pages that show the answer), the rest stay the same files.
        let source = work + "/Content/revisions/2025-03-07/ja/42-encryption-in-transit.md"
        try (try String(contentsOfFile: source, encoding: .utf8)).replacingOccurrences(of: "TLS 1.2", with: "TLS 1.3").write(toFile: source, atomically: true, encoding: .utf8)
        let second = try CLI.run(["build"], in: work)
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains(" changed, "), "\(second.output)")
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode)
        #expect(String(decoding: FileManager.default.contents(atPath: work + "/public/ja/items/encryption-in-transit/index.html")!, as: UTF8.self).contains("TLS 1.3"))

        try Self.write("<p>mine</p>\n", to: work + "/public/ja/extra.html")
        let before = Self.snapshot(work)
        let third = try CLI.run(["build"], in: work)
        #expect(third.status == 1)
        #expect(third.errors == Self.refusal("public", "'public' holds files that the last build did not write ('ja/extra.html')",
                                             hint: "move them out of the folder (a build replaces all of it), or choose another folder with --output; nothing was changed"))
        #expect(Self.snapshot(work) == before)
        // Deep in the tree too, where the folder's stamps (not a walk) tell that something was put in.
        try FileManager.default.removeItem(atPath: work + "/public/ja/extra.html")
        #expect(try CLI.run(["build"], in: work).output.hasPrefix("Up to date"))
        #expect(try CLI.run(["build"], in: work).output.hasPrefix("Up to date"))
        try Self.write("mine\n", to: work + "/public/en/items/rto/notes.txt")
        let fourth = try CLI.run(["build"], in: work)
        #expect(fourth.status == 1)
        #expect(fourth.errors.contains("holds files that the last build did not write ('en/items/rto/notes.txt')"), "\(fourth.errors)")
    }

    /// An update in place that was killed leaves a temporary file beside the file it was replacing: the next build
    /// removes it rather than refusing the folder, and refuses anything else that merely looks like one.
    @Test func removesTheTemporaryFileOfAKilledUpdateAndRefusesLookAlikes() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build"], in: work).status == 0)
        // Above the largest process number Linux gives (2^22): that process is gone.
        let leftovers = ["en/items/rto/.checksheet-4194305-index.html.tmp", ".checksheet-4194306.tmp"]
        for leftover in leftovers { try Self.write("half", to: work + "/public/" + leftover) }
        let page = work + "/Content/revisions/2025-03-07/ja/42-encryption-in-transit.md"
        try (try String(contentsOfFile: page, encoding: .utf8)).replacingOccurrences(of: "TLS 1.2", with: "TLS 1.3").write(toFile: page, atomically: true, encoding: .utf8)
        let rebuilt = try CLI.run(["build"], in: work)
        #expect(rebuilt.status == 0, "\(rebuilt.errors)")
        for leftover in leftovers { #expect(!FileManager.default.fileExists(atPath: work + "/public/" + leftover), "\(leftover)") }
        for name in [".checksheet-x.tmp", ".checksheet-12.tmp.bak"] {
            try Self.write("mine", to: work + "/public/en/" + name)
            let refused = try CLI.run(["build"], in: work)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("holds files that the last build did not write ('en/\(name)')"), "\(refused.errors)")
            try FileManager.default.removeItem(atPath: work + "/public/en/" + name)
        }
    }

    @Test func writesIntoTheFolderASymbolicLinkNamesAndKeepsTheLink() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/www", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/site", withDestinationPath: "www")
        for _ in 0..<2 {
            let run = try CLI.run(["build", "--output", "site"], in: work)
            #expect(run.status == 0, "\(run.errors)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: work + "/site") == "www")
            #expect(FileManager.default.fileExists(atPath: work + "/www/ja/index.html"))
        }
        try FileManager.default.createSymbolicLink(atPath: work + "/gone", withDestinationPath: "missing")
        let dangling = try CLI.run(["build", "--output", "gone"], in: work)
        #expect(dangling.errors == Self.refusal("gone", "'gone' is a symbolic link to 'missing', which does not exist", hint: "create the folder it points to, or remove the link"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: work + "/gone") == "missing")
    }

    @Test func removesWhatAKilledBuildLeftBehindAndNothingElse() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        // A process number far above pid_max cannot be running.
        try Self.write("{}", to: work + "/.public.new-99999999/.checksheet-build.json")
        try Self.write("x", to: work + "/.public.new-99999999/ja/index.html")
        try Self.write("x", to: work + "/.public.old-99999998/.checksheet-build.json")
        try Self.write("mine", to: work + "/.public.new-99999997/notes.txt")
        try Self.write("mine", to: work + "/.other.new-99999999/.checksheet-build.json")
        let run = try CLI.run(["build"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix(".") }.sorted()
        #expect(hidden == [".other.new-99999999", ".public.new-99999997"])
    }

    @Test(.enabled(if: OutputFolderTests.canMakeImmutable()))
    func updatesInPlaceWhenTheParentCannotBeWritten() throws {
        let work = try Self.project()
        defer {
            _ = Self.execute("/usr/bin/chattr", ["-i", work + "/out"])
            try? FileManager.default.removeItem(atPath: work)
        }
        #expect(try CLI.run(["build", "--output", "out/site"], in: work).status == 0)
        let kept = work + "/out/site/ja/search-index.json"
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber] as? Int)
        // A theme edit that changes every page: too much to update in place by choice, so the folder would be swapped.
        let layout = work + "/Site/templates/layout.mustache"
        try (try String(contentsOfFile: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<!-- edited --></footer>").write(toFile: layout, atomically: true, encoding: .utf8)
        // An immutable folder: no new entry (no staging folder beside the site) can be made in it, even by root.
        #expect(Self.execute("/usr/bin/chattr", ["+i", work + "/out"]) == 0)
        let run = try CLI.run(["build", "--output", "out/site"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("updated in place because the folder cannot be swapped whole"))
        #expect(try FileManager.default.attributesOfItem(atPath: kept)[.systemFileNumber] as? Int == inode)
        _ = Self.execute("/usr/bin/chattr", ["-i", work + "/out"])
        let fresh = try CLI.run(["build", "--output", work + "/clean"], in: work)
        #expect(fresh.status == 0)
        #expect(FileTree.read(work + "/out/site") == FileTree.read(work + "/clean"))
    }

    @Test(.enabled(if: OutputFolderTests.canMount()))
    func updatesAMountPointInPlace() throws {
        let work = try Self.project()
        try FileManager.default.createDirectory(atPath: work + "/mounted", withIntermediateDirectories: true)
        #expect(Self.execute("/bin/mount", ["-t", "tmpfs", "checksheet-test", work + "/mounted"]) == 0)
        defer {
            _ = Self.execute("/bin/umount", [work + "/mounted"])
            try? FileManager.default.removeItem(atPath: work)
        }
        for _ in 0..<2 {
            let run = try CLI.run(["build", "--output", "mounted"], in: work)
            #expect(run.status == 0, "\(run.errors)")
        }
        #expect(try CLI.run(["build", "--output", "clean"], in: work).status == 0)
        #expect(FileTree.read(work + "/mounted") == FileTree.read(work + "/clean"))
    }

    @Test func serveRefusesAPortInUseBeforeBuildingAnything() throws {
        let work = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                try #require(bind(listener, raw, length) == 0)
                try #require(listen(listener, 1) == 0)
                try #require(getsockname(listener, raw, &length) == 0)
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try CLI.run(["serve", "--port", String(port), "--output", "out"], in: work)
        #expect(run.status == 1)
        #expect(run.errors == "error: port \(port) on 127.0.0.1 is in use by another program\n  hint: stop the program that uses it, or pass another --port (0 picks a free one)\n")
        #expect(!FileManager.default.fileExists(atPath: work + "/out"))
    }

    static func execute(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `chattr +i` needs a file system and privileges that allow it; the test runs wherever they do.
    static func canMakeImmutable() -> Bool {
        let probe = NSTemporaryDirectory() + "checksheet-immutable-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard execute("/usr/bin/chattr", ["+i", probe]) == 0 else { return false }
        return execute("/usr/bin/chattr", ["-i", probe]) == 0
    }

    /// Mounting needs privileges a sandbox may not give; the test runs wherever a tmpfs can be mounted.
    static func canMount() -> Bool {
        let probe = NSTemporaryDirectory() + "checksheet-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard execute("/bin/mount", ["-t", "tmpfs", "checksheet-probe", probe]) == 0 else { return false }
        _ = execute("/bin/umount", [probe])
        return true
    }
}

/// A build whose inputs are those of the build in the folder, with the folder as it was written, does nothing.
@Suite(.serialized) struct UpToDateTests {
    typealias CLI = CommandLineTests

    @Test func sameInputsFindTheFolderUpToDateAndAnyChangeBuildsAgain() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let first = try CLI.run(["build"], in: work)
        #expect(first.status == 0, "\(first.errors)")
        let again = try CLI.run(["build"], in: work)
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("Up to date: nothing in Content/ or Site/ changed since the build of the "))
        // A file of the folder edited by hand: the folder is not as written, so the build runs (and puts it back).
        let page = work + "/public/ja/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        try Data("edited".utf8).write(to: URL(fileURLWithPath: page))
        let repaired = try CLI.run(["build"], in: work)
        #expect(repaired.output.hasPrefix("Wrote "), "\(repaired.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == original)
        // A page the next edit does not reach, edited by hand in place: the rebuild after the edit renders it again too.
        let untouched = try #require(try FileManager.default.contentsOfDirectory(atPath: work + "/public/en/items").sorted().last)
        let untouchedPage = work + "/public/en/items/" + untouched + "/index.html"
        let untouchedOriginal = try Data(contentsOf: URL(fileURLWithPath: untouchedPage))
        try Data("edited".utf8).write(to: URL(fileURLWithPath: untouchedPage))
        let answer = try #require(try FileManager.default.contentsOfDirectory(atPath: work + "/Content/revisions/2025-03-07/ja").sorted().first)
        let handle = try #require(FileHandle(forWritingAtPath: work + "/Content/revisions/2025-03-07/ja/" + answer))
        handle.seekToEndOfFile()
        handle.write(Data("\n追記\n".utf8))
        handle.closeFile()
        let edited = try CLI.run(["build"], in: work)
        #expect(edited.output.hasPrefix("Wrote "), "\(edited.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: untouchedPage)) == untouchedOriginal)
        // Another option is another input.
        let other = try CLI.run(["build", "--base-url", "https://example.org/sheet/"], in: work)
        #expect(other.output.hasPrefix("Wrote "), "\(other.output)")
        // A warning of the build that wrote the folder is printed again.
        let english = try #require(try FileManager.default.contentsOfDirectory(atPath: work + "/Content/revisions/2025-03-07/en").sorted().first)
        try "x".write(toFile: work + "/Content/revisions/2025-03-07/en/" + english.replacingOccurrences(of: ".md", with: ".MD.txt"), atomically: true, encoding: .utf8)
        let warned = try CLI.run(["build"], in: work)
        #expect(warned.output.hasPrefix("Wrote "))
        let unchanged = try CLI.run(["build"], in: work)
        #expect(unchanged.output.hasPrefix("Up to date"))
        #expect(unchanged.errors == warned.errors)
        #expect(unchanged.errors.hasSuffix("1 warning\n"))
    }

    /// Where no folder is yet, pages are written as they are made (the site is never held in memory whole), into a
    /// staging folder that takes the output's place only when the whole build succeeded: the tree is the one a build
    /// into an existing empty folder writes, and a template that fails half-way leaves nothing, not even staging.
    @Test func aBuildWhereNoFolderIsWritesAsItGoesAndLeavesNothingOnError() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/empty", withIntermediateDirectories: true)
        #expect(try CLI.run(["build", "--output", "fresh"], in: work).status == 0)
        #expect(try CLI.run(["build", "--output", "empty"], in: work).status == 0)
        #expect(OutputFolderTests.snapshot(work + "/fresh") == OutputFolderTests.snapshot(work + "/empty"))
        // The item template renders nothing: an error once many pages are already written.
        try "".write(toFile: work + "/Site/templates/item.mustache", atomically: false, encoding: .utf8)
        let failed = try CLI.run(["build", "--output", "never"], in: work)
        #expect(failed.status != 0)
        #expect(failed.errors.contains("error: the template rendered nothing for "), "\(failed.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["Content", "Site", "empty", "fresh"])
    }

    /// A rebuild after an edit takes every unchanged page in place from the folder (its stamp trusted, never read,
    /// never written) and the marker from the stamps; what it leaves is exactly what a clean build writes, and only
    /// the pages the edit reaches have a new inode.
    @Test func aRebuildAfterAnEditEqualsACleanBuildAndLeavesOtherPagesAlone() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build"], in: work).status == 0)
        func inode(_ path: String) throws -> UInt64 { try #require(FileManager.default.attributesOfItem(atPath: work + "/public/" + path)[.systemFileNumber] as? UInt64) }
        let untouched = ["ja/items/availability-rate/index.html", "en/items/availability-rate/index.html", "assets/" + (try #require(
            FileManager.default.contentsOfDirectory(atPath: work + "/public/assets").sorted().first { $0.hasPrefix("style.") }))]
        let before = try untouched.map(inode)
        let pageFolder = work + "/Content/revisions/2025-03-07/ja"
        let page = pageFolder + "/" + (try #require(FileManager.default.contentsOfDirectory(atPath: pageFolder).sorted().first { $0.hasSuffix("-service-hours.md") }))
        try (try String(contentsOfFile: page, encoding: .utf8) + "\n追記の一文。\n").write(toFile: page, atomically: true, encoding: .utf8)
        let rebuilt = try CLI.run(["build"], in: work)
        #expect(rebuilt.status == 0, "\(rebuilt.errors)")
        #expect(rebuilt.output.contains(" changed, ") && rebuilt.output.contains(" unchanged, 0 removed)"), "\(rebuilt.output)")
        #expect(try untouched.map(inode) == before)
        #expect(try String(contentsOfFile: work + "/public/ja/items/service-hours/index.html", encoding: .utf8).contains("追記の一文。"))
        #expect(try CLI.run(["build", "--clean", "--output", "clean"], in: work).status == 0)
        #expect(OutputFolderTests.snapshot(work + "/public") == OutputFolderTests.snapshot(work + "/clean"))
        // The marker touched by hand has another stamp: it is read from the folder again, and still found up to date.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000)], ofItemAtPath: work + "/public/.checksheet-build.json")
        #expect(try CLI.run(["build"], in: work).output.hasPrefix("Up to date"))
    }

    /// A change that reaches more pages than an update in place takes (every English page here) builds the new tree
    /// beside the folder and swaps it in: the pages kept from the folder by their stamps are linked into it, unread,
    /// and the result is what a clean build writes.
    @Test func aRebuildThatSwapsTheFolderLinksTheKeptPages() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build"], in: work).status == 0)
        func inode(_ path: String) throws -> UInt64 { try #require(FileManager.default.attributesOfItem(atPath: work + "/public/" + path)[.systemFileNumber] as? UInt64) }
        let japanese = ["ja/items/availability-rate/index.html", "ja/revisions/2025-03-07/items/rto/index.html"]
        let before = try japanese.map(inode)
        let english = try inode("en/items/availability-rate/index.html")
        let site = work + "/Content/site.yml"
        // The English short title, in the header of every English page.
        let text = try String(contentsOfFile: site, encoding: .utf8)
        #expect(text.contains("\n  en: Security check sheet\n"))
        try text.replacingOccurrences(of: "\n  en: Security check sheet\n", with: "\n  en: Renamed check sheet\n").write(toFile: site, atomically: true, encoding: .utf8)
        let rebuilt = try CLI.run(["build"], in: work)
        #expect(rebuilt.status == 0, "\(rebuilt.errors)")
        let changed = Int(try #require(rebuilt.output.firstMatch(of: #/\((\d+) changed, /#)?.1)) ?? 0
        #expect(changed > 64, "\(rebuilt.output)")
        #expect(try japanese.map(inode) == before)
        #expect(try inode("en/items/availability-rate/index.html") != english)
        #expect(try String(contentsOfFile: work + "/public/en/items/availability-rate/index.html", encoding: .utf8).contains("Renamed check sheet"))
        #expect(try CLI.run(["build", "--clean", "--output", "clean"], in: work).status == 0)
        #expect(OutputFolderTests.snapshot(work + "/public") == OutputFolderTests.snapshot(work + "/clean"))
    }

    /// A theme that passed the check is not checked again while it, site.yml and the tool are the same; any edit of a
    /// template is checked, and its errors are reported as on the first build.
    @Test func aThemeCheckedOnceIsCheckedAgainWhenATemplateChanges() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build"], in: work).status == 0)
        let template = work + "/Site/templates/item.mustache"
        let original = try String(contentsOfFile: template, encoding: .utf8)
        try ("{{answerTypo}}\n" + original).write(toFile: template, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["build"], in: work)
        #expect(failed.status != 0)
        #expect(failed.errors.hasPrefix("Site/templates/item.mustache:1:1: error: unknown name 'answerTypo' in {{answerTypo}}\n"), "\(failed.errors)")
        try original.write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build"], in: work).status == 0)
    }

    /// `build` records each file's stamp in its cache folder, so that an unchanged folder is known without reading
    /// it; a file whose stamp changed is read: the same bytes (touched) are still up to date, other bytes of the same
    /// size are built again. The marker itself carries no stamp: two builds of the same inputs write the same bytes.
    @Test func stampsSpareReadingAndAnEditOfTheSameSizeIsStillFound() throws {
        let work = try OutputFolderTests.project()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build"], in: work).status == 0)
        let marker = try String(contentsOfFile: work + "/public/.checksheet-build.json", encoding: .utf8)
        #expect(!marker.contains("stamp"))
        let page = work + "/public/en/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: page)
        #expect(try CLI.run(["build"], in: work).output.hasPrefix("Up to date"))
        var edited = original
        edited[edited.startIndex] = edited[edited.startIndex] == UInt8(ascii: "<") ? UInt8(ascii: "(") : UInt8(ascii: "<")
        try edited.write(to: URL(fileURLWithPath: page))
        let rebuilt = try CLI.run(["build"], in: work)
        #expect(rebuilt.output.hasPrefix("Wrote "), "\(rebuilt.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == original)
        #expect(try CLI.run(["build"], in: work).output.hasPrefix("Up to date"))
    }
}
