import Foundation
import Testing
import TestSupport

/// What a translator's file must not do to the English pages, through the real binary: a file that cannot be read is
/// refused with nothing written.
@Suite(.serialized) struct TranslationSafetyTests {
    typealias CLI = CommandLineTests
    typealias Workflow = ReleaseWorkflowTests

    static let exportAgain = "ask the translator to export the file again from their translation tool (a file edited by hand or cut off on its way is not read at all)"

    /// The 1-based line of the first line of `text` that `matches`.
    static func line(in text: String, where matches: (Substring) -> Bool) throws -> Int {
        let index = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { matches($0) }
        return try #require(index) + 1
    }

    /// The draft's export with every unit translated, as a CAT tool saves it.
    static func translatedXLIFF(_ content: String, to path: String) throws -> String {
        #expect(try CLI.run(["translations", "export", "--out", path, "--content", content]).status == 0)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (japanese, english) in [(Workflow.marker, "Within 4 hours (target)"), ("96時間", "96 hours"), ("有。TLS 1.3", "Yes. TLS 1.3")] {
            let source = "<source xml:lang=\"ja\">\(japanese)</source>"
            text = text.replacingOccurrences(of: source, with: source + "<target xml:lang=\"en\" state=\"translated\">\(english)</target>")
        }
        return text
    }

    /// A missing end tag and a file cut off in transfer were read as far as the XML parser recovered: "Wrote 0 fields",
    /// exit 0, the translations lost without a word. Now an error at the parser's line and column, and nothing written;
    /// so for a CSV whose quote never closes, and one cut off mid-row.
    @Test func aTranslatedFileThatCannotBeReadIsAnErrorAndWritesNothing() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Workflow.contentWithDraft(work)
        let text = try Self.translatedXLIFF(content, to: work + "/translations.xlf")
        let before = FileTree.read(content)

        let missing = try #require(text.range(of: "      </trans-unit>\n"))
        let broken = text.replacingCharacters(in: missing, with: "")
        try Workflow.write(broken, to: work + "/broken.xlf")
        let unit = try Self.line(in: broken) { $0.contains("<trans-unit id=\"mttr/answer\"") }
        let body = try Self.line(in: broken) { $0 == "    </body>" }
        let refused = try CLI.run(["translations", "import", work + "/broken.xlf", "--content", content])
        #expect(refused.status == 1)
        #expect(refused.output == "")
        #expect(refused.errors == """
            \(work)/broken.xlf:\(body):12: error: the file is not well-formed XML: this end tag comes while <trans-unit> of line \(unit) is still open: an end tag is missing or misspelt
              hint: \(Self.exportAgain)
            1 error
            Nothing was written.

            """)

        let cutAt = try #require(text.range(of: ">96 hou"))
        let cut = String(text[..<cutAt.upperBound])
        try Workflow.write(cut, to: work + "/cut.xlf")
        let lastLine = cut.split(separator: "\n", omittingEmptySubsequences: false)
        let truncated = try CLI.run(["translations", "import", work + "/cut.xlf", "--content", content])
        #expect(truncated.status == 1)
        #expect(truncated.errors == """
            \(work)/cut.xlf:\(lastLine.count):\(lastLine.last!.unicodeScalars.count + 1): error: the file is not well-formed XML: the file ends inside <target> of line \(lastLine.count), before its end tag: it looks cut off
              hint: \(Self.exportAgain)
            1 error
            Nothing was written.

            """)

        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", work + "/translations.csv", "--content", content]).status == 0)
        let csv = try String(contentsOfFile: work + "/translations.csv", encoding: .utf8)
        let row = "mttr/answer,10,平均復旧時間(MTTR),answer,\(Workflow.marker),非公開,Not disclosed,"
        try Workflow.write(csv.replacingOccurrences(of: row, with: row + "\"Within 4 hours (target)"), to: work + "/open.csv")
        let open = try CLI.run(["translations", "import", work + "/open.csv", "--content", content])
        #expect(open.status == 1)
        #expect(open.errors == """
            \(work)/open.csv:2:\(row.unicodeScalars.count + 1): error: the file cannot be read as CSV: the quoted cell opened here is never closed
              hint: the rest of the file was read as this one cell: close it with " (write a quote inside it as ""); or ask the translator to save the sheet again as “CSV UTF-8”
            1 error
            Nothing was written.

            """)
        let filled = csv.replacingOccurrences(of: row, with: row + "Within 4 hours (target)")
        try Workflow.write(String(filled[..<(try #require(filled.range(of: "backup-retention/answer,30,")).upperBound)]), to: work + "/cut.csv")
        let cutCSV = try CLI.run(["translations", "import", work + "/cut.csv", "--content", content])
        #expect(cutCSV.status == 1)
        #expect(cutCSV.errors == """
            \(work)/cut.csv:3:1: error: the file ends in this row, after 3 of its 8 columns: it looks cut off
              hint: ask the translator to save the sheet again as “CSV UTF-8” and send the whole file
            1 error
            Nothing was written.

            """)
        #expect(FileTree.read(content) == before)

        // The same translations, whole, are written.
        try Workflow.write(text, to: work + "/translations.xlf")
        let imported = try CLI.run(["translations", "import", work + "/translations.xlf", "--content", content])
        #expect(imported.status == 0 && imported.errors == "", "\(imported.errors)")
        #expect(imported.output.hasPrefix("Wrote 3 fields into 3 English pages of 2025-09-01:\n"))
    }
}
