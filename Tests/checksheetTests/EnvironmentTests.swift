import Foundation
import Testing
import TestSupport

/// The same input gives the same bytes on any machine: time zone and locale change nothing; permissions and bad
/// options get one line each.
@Suite(.serialized) struct EnvironmentTests {
    typealias CLI = CommandLineTests

    @Test func theSiteIsByteIdenticalUnderAnyTimeZoneAndLocale() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try CLI.run(["build", "--output", work + "/utc"], environment: ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]).status == 0)
        #expect(try CLI.run(["build", "--output", work + "/tokyo"], environment: ["TZ": "Asia/Tokyo", "LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"]).status == 0)
        #expect(try CLI.run(["build", "--output", work + "/honolulu"], environment: ["TZ": "Pacific/Honolulu", "LANG": "en_US.UTF-8"]).status == 0)
        let utc = FileTree.read(work + "/utc")
        #expect(utc.keys.contains { $0.hasSuffix(".xlsx") })
        #expect(FileTree.read(work + "/tokyo") == utc)
        #expect(FileTree.read(work + "/honolulu") == utc)
    }

    @Test(arguments: ["build", "serve"])
    func aBaseURLThatIsNotAWebAddressIsRefused(command: String) throws {
        let run = try CLI.run([command, "--base-url", "javascript:alert(1)", "--output", Repository.temporaryFolder() + "/out"])
        #expect(run.status == 64)
        #expect(run.errors.hasPrefix("Error: --base-url 'javascript:alert(1)' is not an absolute http(s) URL: write it in full, for example `https://example.com/checksheet/`\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0))
    func unreadableFilesAndFoldersAreNamedWithTheCause() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: work + "/Content/revisions/2025-03-07/ja").sorted().first)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: work + "/Content/revisions/2025-03-07/ja/" + page)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: work + "/Content/revisions/2025-03-07/en")
        // The folders above must be passable for another user.
        var folder = work
        while folder != "/" {
            _ = chmod(folder, 0o755)
            folder = (folder as NSString).deletingLastPathComponent
        }
        let run = try CLI.run(["check"], in: work, as: "nobody")
        #expect(run.status == 1)
        let lines = run.errors.components(separatedBy: "\n")
        #expect(lines.contains("Content/revisions/2025-03-07/ja/\(page): error: cannot read the file: permission denied"), "\(run.errors)")
        #expect(lines.contains("Content/revisions/2025-03-07/en: error: cannot read the folder: permission denied"), "\(run.errors)")
        #expect(!run.errors.contains("Error Domain"))
    }

    /// An item page that is a link to a file that is gone (a share not mounted) stops the build: it took the item off
    /// the site with "No errors" before.
    @Test func aPageLinkedToAMissingFileStopsTheBuild() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        let folder = "Content/revisions/2025-03-07/ja"
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: work + "/" + folder).sorted().first)
        try FileManager.default.removeItem(atPath: work + "/\(folder)/\(page)")
        try FileManager.default.createSymbolicLink(atPath: work + "/\(folder)/\(page)", withDestinationPath: "/mnt/share/\(page)")
        for command in [["check"], ["build", "--output", work + "/out"]] {
            let run = try CLI.run(command, in: work)
            #expect(run.status == 1)
            #expect(run.errors == """
                \(folder)/\(page): error: cannot read the item page: it is a symbolic link to '/mnt/share/\(page)', which does not exist
                  hint: mount or restore the file it links to, or replace the link with the page itself; the build stops rather than publish the sheet without this item
                1 error

                """, "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: work + "/out"))
    }

    /// Whether strace can stop a process here (a container may forbid tracing).
    static let canTrace: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-o", "/dev/null", "/bin/true"]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// A project built into `public/`, then one Japanese answer (MTTR) edited: the next build rewrites a few pages.
    static func builtThenEdited() throws -> String {
        let work = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        #expect(try CLI.run(["build"], in: work).status == 0)
        let page = work + "/Content/revisions/2025-03-07/ja/10-mttr.md"
        try (try String(contentsOfFile: page, encoding: .utf8) + "\n（改定）\n").write(toFile: page, atomically: true, encoding: .utf8)
        return work
    }

    /// A rebuild that changes a few pages writes them beside the site first: killed as it puts the first one in place,
    /// it leaves the site as it was, with no temporary file inside (an upload would send it), and the next build
    /// completes the update.
    @Test(.enabled(if: canTrace)) func aRebuildKilledMidwayLeavesNoTemporaryFileInTheSite() throws {
        let work = try Self.builtThenEdited()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let before = FileTree.read(work + "/public")
        // Killed at its first rename: every changed page is written by then, and none is in place.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-o", "/dev/null", "-e", "trace=rename,renameat,renameat2", "-e", "inject=rename,renameat,renameat2:signal=KILL:when=1",
                             BuiltProduct.checksheet, "build"]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        let left = (FileManager.default.subpaths(atPath: work + "/public") ?? []).filter { $0.split(separator: "/").last!.hasPrefix(".checksheet-") && !$0.hasSuffix(".checksheet-build.json") }
        #expect(left == [])
        #expect(FileTree.read(work + "/public") == before)
        #expect(try CLI.run(["build"], in: work).status == 0)
        #expect(try CLI.run(["build", "--output", work + "/clean"], in: work).status == 0)
        #expect(FileTree.read(work + "/public").filter { $0.key != ".checksheet-build.json" } == FileTree.read(work + "/clean").filter { $0.key != ".checksheet-build.json" })
    }

    /// A rebuild of a few pages exchanges each page with the old one (no flush to the disk per page), but renames the
    /// marker over the old marker, last: ext4 writes a file renamed over another out before the rename shows, so a
    /// crash leaves the old marker or the new one whole, never an empty one that would make the next build refuse the
    /// folder as not its own.
    @Test(.enabled(if: canTrace)) func aRebuildExchangesItsPagesAndRenamesItsMarkerLast() throws {
        let work = try Self.builtThenEdited()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-f", "-o", work + "/trace", "-e", "trace=rename,renameat,renameat2", BuiltProduct.checksheet, "build"]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // One line per call, as `PID renameat2(AT_FDCWD, "from", AT_FDCWD, "to", FLAGS) = 0`; the cache's own files aside.
        let calls = try String(contentsOfFile: work + "/trace", encoding: .utf8).split(separator: "\n").filter { $0.contains("rename") && $0.contains("public/") }
        let marker = "public/.checksheet-build.json\""
        let exchanged = calls.filter { $0.contains("RENAME_EXCHANGE") }
        #expect(exchanged.contains { $0.contains("public/ja/items/mttr/index.html\"") }, "\(calls)")
        #expect(!exchanged.contains { $0.contains(marker) }, "\(calls)")
        #expect(calls.last.map { $0.contains(marker) && !$0.contains("RENAME_EXCHANGE") && $0.hasSuffix(" = 0") } == true, "\(calls)")
        #expect(try CLI.run(["build", "--output", work + "/clean"], in: work).status == 0)
        #expect(FileTree.read(work + "/public").filter { $0.key != ".checksheet-build.json" } == FileTree.read(work + "/clean").filter { $0.key != ".checksheet-build.json" })
    }
}
