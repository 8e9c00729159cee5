import Foundation
import Testing
import TestSupport

/// README's "Publishing a revision", followed to the letter on a copy of Content/ with a new export of the sheet:
/// every `console` block's commands are run and their output compared with the README's.
@Suite(.serialized) struct ReadmePublishingTests {
    typealias CLI = CommandLineTests

    /// One fenced block of the section, in reading order.
    struct Block {
        var language: String
        var text: String
    }

    static func section() throws -> [Block] {
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Publishing a revision\n"))
        let rest = readme[start.upperBound...]
        let text = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return text.matches(of: /\n( *)```(\w+)\n((?:.|\n)*?)\n *```\n/).map { match in
            let indent = match.1.count
            let lines = match.3.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
            return Block(language: String(match.2), text: lines.joined(separator: "\n"))
        }
    }

    @Test func theReadmeStepsPublishANewRevision() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        try ReleaseWorkflowTests.nextExport(to: work + "/checksheet-2025-09-01.tsv")
        let blocks = try Self.section()
        #expect(blocks.map(\.language) == ["console", "yaml", "console", "console", "console", "console", "console", "sh", "console"])

        var commands = 0
        // The file step 5 exports; the import of step 6 names the file the translators send back.
        var exported: String?
        for block in blocks {
            switch block.language {
            case "yaml":
                try (block.text + "\n").write(toFile: work + "/Content/revisions/2025-09-01/revision.yml", atomically: true, encoding: .utf8)
            case "console":
                // `$ command` lines, each followed by what it prints (standard error first, then standard output).
                for part in block.text.components(separatedBy: "$ ").dropFirst() {
                    let lines = part.split(separator: "\n", omittingEmptySubsequences: false)
                    let command = lines[0].split(separator: " ").map(String.init)
                    let expected = lines.dropFirst().joined(separator: "\n")
                    #expect(command.first == "checksheet")
                    if command.starts(with: ["checksheet", "translations", "import"]), let exported {
                        // Step 6's translators, with a real CAT library: they send the file back under the name it is imported from.
                        try String(decoding: try JSONSerialization.data(withJSONObject: ReleaseWorkflowTests.english), as: UTF8.self)
                            .write(toFile: work + "/english.json", atomically: true, encoding: .utf8)
                        let translated = try ReleaseWorkflowTests.tool(Repository.root + "/Tests/Translation/translate_xliff.py",
                                                                       [work + "/" + exported, work + "/english.json", work + "/" + command[3]])
                        #expect(translated.status == 0, "\(translated.errors)")
                    }
                    let run = try CLI.run(Array(command.dropFirst()), in: work)
                    // The size of a build moves with every change to the theme: its bytes are not part of the steps (its files are).
                    func steady(_ text: String) -> String { text.replacing(/\ files \(\d+ bytes\)/, with: " files (N bytes)") }
                    let printed = run.errors + run.output
                    #expect(steady(printed) == steady(expected + (expected.isEmpty ? "" : "\n")), "`\(lines[0])` printed:\n\(printed)")
                    commands += 1
                    if command.starts(with: ["checksheet", "translations", "export"]), let out = command.firstIndex(of: "--out") {
                        exported = command[out + 1]
                    }
                }
            default:
                continue
            }
        }
        #expect(commands == 7)
        let metadata = try String(contentsOfFile: work + "/Content/revisions/2025-09-01/revision.yml", encoding: .utf8)
        #expect(!metadata.contains("draft") && metadata.contains("# What changed, for the changes page and the feed.\n"))
        let site = FileTree.read(work + "/public")
        let page = String(decoding: try #require(site["en/items/mttr/index.html"]), as: UTF8.self)
        #expect(page.contains("<p>Within 4 hours (target)</p>"))
        #expect(site["en/changes/2025-09-01/index.html"] != nil)
        #expect(site["_headers"] != nil && site["nginx-headers.conf"] != nil)
    }
}
