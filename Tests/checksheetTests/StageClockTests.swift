import Foundation
import Testing
import TestSupport

/// `CHECKSHEET_STAGES`, which the benchmarks read: each stage of a build named once, in the order it ended, on the
/// thread that ran it; nothing at all without it.
@Suite(.serialized) struct StageClockTests {
    typealias CLI = CommandLineTests

    /// The stages a run printed, as `thread stage` (numbers as N), after checking each line's shape and that times never go back.
    static func stages(_ errors: String) throws -> [String] {
        var last = -1.0
        return try errors.split(separator: "\n").map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count >= 4 && fields[1] == "ms", "\(line)")
            let milliseconds = try #require(Double(fields[0]), "\(line)")
            #expect(milliseconds >= last, "\(errors)")
            last = milliseconds
            // A batch of pages is named by its size, which the content decides.
            return fields[2...].map { Int($0) == nil ? String($0) : "N" }.joined(separator: " ")
        }
    }

    @Test func aBuildNamesEachStageOnceInTheOrderItEnded() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        let stages = ["CHECKSHEET_STAGES": "1", "XDG_CACHE_HOME": work + "/cache"]
        let build = ["build", "--content", work + "/Content", "--output", work + "/public"]

        let quiet = try CLI.run(build, environment: ["XDG_CACHE_HOME": work + "/cache"])
        #expect(quiet.status == 0)
        #expect(quiet.errors == "")

        // A first build into a new folder, whose pages go to the staging folder as they are made, waits for the caches last too.
        let fresh = try Self.stages(try CLI.run(["build", "--content", work + "/Content", "--output", work + "/fresh"], environment: stages).errors)
        #expect(fresh.first == "main start of main")
        #expect(fresh.last == "main caches kept", "\(fresh)")

        let clean = try Self.stages(try CLI.run(build + ["--clean"], environment: stages).errors)
        #expect(clean.first == "main start of main")
        // The last wait is for the thread that keeps the caches, written while the folder was.
        #expect(clean.last == "main caches kept")
        #expect(Set(clean) == ["main start of main", "other content read", "other theme read", "other inputs hashed", "main stamps read",
                               "main output checked", "main waited for the content", "main content loaded", "main templates compiled",
                               "main history", "main renderer and plan", "main planned", "main N pages made", "main pages made",
                               "main written", "main stamps written", "main caches kept"], "\(clean)")

        // A page written again as it was: a build that finds every source as recorded reads none of them
        // (`UnchangedSourcesTests`); this one reads them all and finds nothing changed.
        let page = work + "/Content/revisions/2025-03-07/ja/01-service-hours.md"
        try Data(contentsOf: URL(fileURLWithPath: page)).write(to: URL(fileURLWithPath: page))
        let unchanged = try Self.stages(try CLI.run(build, environment: stages).errors)
        #expect(Set(unchanged) == ["main start of main", "other content read", "other theme read", "other inputs hashed", "main stamps read",
                                   "main output checked", "main files confirmed", "main waited for the content", "main found up to date"], "\(unchanged)")

        // An answer edited: the pages the last build parsed are read (beside the content) and lent to the build, and the
        // texts the last builds analysed are taken.
        let handle = try #require(FileHandle(forWritingAtPath: page))
        handle.seekToEndOfFile()
        handle.write(Data("\n追記\n".utf8))
        handle.closeFile()
        let edited = try Self.stages(try CLI.run(build, environment: stages).errors)
        #expect(Set(edited) == ["main start of main", "other content read", "other theme read", "other inputs hashed", "other parsed pages read",
                                "main stamps read", "main output checked", "main files confirmed", "main waited for the content",
                                "main texts taken", "main content loaded", "main templates compiled", "main history", "main renderer and plan", "main planned",
                                "main N pages made", "main pages made", "main written", "main stamps written", "main caches kept"], "\(edited)")
        #expect(edited.last == "main caches kept")
    }
}
