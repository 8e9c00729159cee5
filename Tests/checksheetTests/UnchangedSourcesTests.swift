import Foundation
import Testing
import TestSupport

/// A build that finds every entry of the content and theme folders as the last build recorded them (`SourceStamps`)
/// does not read them: it must still see every change, report what a run with nothing to do reports, and read
/// everything the moment the output is not as written.
@Suite(.serialized) struct UnchangedSourcesTests {
    typealias CLI = CommandLineTests

    static let fastPath: Set<String> = ["main start of main", "other sources unchanged", "main stamps read", "main output checked",
                                        "main files confirmed", "main waited for the content", "main found up to date"]

    @Test func sourcesAsRecordedAreNotReadAndEveryChangeIsSeen() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        let quiet = ["XDG_CACHE_HOME": work + "/cache"], stages = quiet.merging(["CHECKSHEET_STAGES": "1"]) { $1 }
        let build = ["build", "--content", work + "/Content", "--output", work + "/public"]
        // A draft revision: what `build` says of it on a run with nothing to do comes from its revision.yml alone.
        #expect(try CLI.run(["new-revision", "2025-10-01", "--content", work + "/Content"]).status == 0)
        let note = "Left out the draft revision 2025-10-01 (not published): preview with `checksheet serve`, or build with `--drafts` into another folder.\n"
        #expect(try CLI.run(build, environment: quiet).status == 0)

        // Files changed a moment before a build are not recorded (`SourceStampsTests`): the first build after this
        // pause reads everything and records, the next reads nothing.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try CLI.run(build, environment: quiet).output.hasPrefix("Up to date: "))

        let unchanged = try CLI.run(build, environment: stages)
        #expect(Set(try StageClockTests.stages(unchanged.errors)) == Self.fastPath, "\(unchanged.errors)")
        #expect(unchanged.output.hasPrefix("Up to date: nothing in \(work)/Content/ or Site/ changed since the build of the "), "\(unchanged.output)")
        #expect(unchanged.output.hasSuffix(note))

        // The output edited by hand while the sources are as recorded: they are read whole and the page put back.
        let built = work + "/public/ja/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: built))
        try Data("edited".utf8).write(to: URL(fileURLWithPath: built))
        let repaired = try CLI.run(build, environment: stages)
        #expect(repaired.output.hasPrefix("Wrote "), "\(repaired.output)")
        #expect(try StageClockTests.stages(repaired.errors).contains("main content read"), "\(repaired.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: built)) == original)
        #expect(Set(try StageClockTests.stages(try CLI.run(build, environment: stages).errors)) == Self.fastPath)

        // An answer edited in place to one of the same size, its modification time set back as it was: the change time
        // still tells, and the page shows the new answer.
        let answer = work + "/Content/revisions/2025-03-07/ja/01-service-hours.md"
        let text = try String(contentsOfFile: answer, encoding: .utf8)
        #expect(text.contains("\n24時間365日"))
        #expect(try SameStampEdit.rewrite(answer, with: Data(text.replacingOccurrences(of: "\n24時間365日", with: "\n24時間366日").utf8)))
        let edited = try CLI.run(build, environment: quiet)
        #expect(edited.output.hasPrefix("Wrote "), "\(edited.output)")
        #expect(try String(contentsOfFile: work + "/public/ja/items/service-hours/index.html", encoding: .utf8).contains("24時間366日"))

        // A file added where no page is read still means reading everything: the build finds nothing else changed.
        try "notes".write(toFile: work + "/Content/notes.txt", atomically: true, encoding: .utf8)
        let added = try CLI.run(build, environment: stages)
        #expect(added.output.hasPrefix("Up to date: "), "\(added.output)")
        #expect(try StageClockTests.stages(added.errors).contains("other content read"), "\(added.errors)")
    }
}
