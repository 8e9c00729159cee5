import Foundation
import Testing
import TestSupport

/// `build` keeps the texts it analysed (plain texts, search tokens, inline diffs) and the pages it read, by stamp,
/// between runs: a rebuild that takes them writes the files a clean build writes, an edit no stamp but the change time
/// tells is still seen, and a damaged cache file is passed over.
@Suite(.serialized) struct KeptTextsBuildTests {
    typealias CLI = CommandLineTests

    @Test func rebuildsTakingKeptTextsWriteWhatACleanBuildWrites() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        let cache = ["XDG_CACHE_HOME": work + "/cache"]
        let build = ["build", "--content", work + "/Content", "--output", work + "/public"]
        func texts(_ kind: String = "texts-") throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: work + "/cache/checksheet").filter { $0.hasPrefix(kind) }
        }
        func edit(_ page: String, _ old: String, _ new: String) throws {
            let path = work + "/Content/revisions/2025-03-07/" + page
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(page)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        func matchesACleanBuild() throws {
            try? FileManager.default.removeItem(atPath: work + "/clean")
            #expect(try CLI.run(["build", "--clean", "--content", work + "/Content", "--output", work + "/clean"], environment: cache).status == 0)
            let built = FileTree.read(work + "/public").filter { $0.key != ".checksheet-build.json" }
            let clean = FileTree.read(work + "/clean").filter { $0.key != ".checksheet-build.json" }
            #expect(built.count == 285 && built == clean, "\(built.count) files, \(clean.count) in the clean build")
        }

        #expect(try CLI.run(build, environment: cache).status == 0)
        // The first build into a folder keeps them: the first edit after it takes them.
        #expect(try texts().count == 1 && texts("source-texts-").count == 1)
        try edit("ja/01-service-hours.md", "\n24時間365日（", "\n24時間365日、年中無休（")
        #expect(try CLI.run(build, environment: cache).output.hasPrefix("Wrote "))
        let file = work + "/cache/checksheet/" + (try #require(try texts().first))
        let first = try Data(contentsOf: URL(fileURLWithPath: file))
        try matchesACleanBuild()

        // The next edit takes the texts the last one kept, and keeps its own.
        try edit("en/01-service-hours.md", "\n24/7 (", "\n24/7, every day of the year (")
        #expect(try CLI.run(build, environment: cache).output.hasPrefix("Wrote "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) != first)
        try matchesACleanBuild()

        // A page edited in place to bytes of the same length, its modification time put back, after the stamps settled:
        // the pages kept by stamp do not hide it.
        let answer = work + "/Content/revisions/2025-03-07/ja/01-service-hours.md"
        let text = try String(contentsOfFile: answer, encoding: .utf8)
        #expect(try SameStampEdit.rewrite(answer, with: Data(text.replacingOccurrences(of: "年中無休", with: "年中無給").utf8)))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try CLI.run(build, environment: cache).output.hasPrefix("Wrote "))
        #expect(try String(contentsOfFile: work + "/public/ja/items/service-hours/index.html", encoding: .utf8).contains("年中無給"))
        try matchesACleanBuild()
        try edit("ja/01-service-hours.md", "年中無給", "年中無休")

        // A cache file cut short, or of another format, is passed over.
        for (damaged, word) in [(first.prefix(first.count / 2), "年中休まず"), (Data("checksheet-texts 1\nnot this tool".utf8), "毎日")] {
            try damaged.write(to: URL(fileURLWithPath: file))
            try edit("ja/01-service-hours.md", "年中無休", word)
            #expect(try CLI.run(build, environment: cache).output.hasPrefix("Wrote "))
            try matchesACleanBuild()
            try edit("ja/01-service-hours.md", word, "年中無休")
        }
    }
}
