import Foundation
import Testing
import TestSupport

/// What a translator's file must not do to the English pages, through the real binary: a file that cannot be read is
/// refused with nothing written; changed links are written but warned of, and refused by the release gate; a copy of the
/// Japanese is not written, and Japanese English fields are refused by the gate.
@Suite(.serialized) struct TranslationSafetyTests {
    typealias CLI = CommandLineTests
    typealias Workflow = ReleaseWorkflowTests

    static let exportAgain = "ask the translator to export the file again from their translation tool (a file edited by hand or cut off on its way is not read at all)"
    static let keepLinks = "it was written, but `check --release` refuses it: links are not translated, so keep the Japanese answer's link targets "
        + "and translate only the link text (change the Japanese first if a target should change)"
    static let gateLinks = "an English answer links where its Japanese does: correct the English link targets (links are not translated), or change the Japanese answer first"
    static let copied = "the translation tool may have copied the source into the target: translate the unit and import the file again; until then the field stays pending"
    static let writeEnglish = "write the English here: English readers would see Japanese under lang=\"en\" (a name written in Latin letters may be the same in both languages)"

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

    /// The translator linked the answer elsewhere than the Japanese does (an item changed, a site added): the English
    /// is written, since the translator may have meant it, but the import says so at the unit, and the release gate
    /// refuses it at the English answer until its links are the Japanese answer's again, in any order.
    @Test func linksTheTranslatorChangedAreWarnedOfAndRefusedByTheGate() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("リンクを追加", "Links added."))
        try ReleaseGateTests.edit(revision + "/ja/10-mttr.md", "---\n非公開\n", "---\n4時間以内。詳細は[目標復旧時間](../rto/index.html)と[認証](https://example.com/certs)を参照。\n")
        // Before the import the English is pending: it translates the Japanese before the links came, and the gate says that alone.
        let pending = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(pending.status == 1)
        #expect(pending.errors == """
            \(revision)/en/10-mttr.md:11:1: error: the English 'answer' of 'mttr' is pending: its Japanese changed in 2025-10-01
              hint: translate the change: `checksheet translations export --revision 2025-10-01`
            1 error

            """)
        let csv = work + "/translations.csv"
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--content", content]).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(exported.hasSuffix(",Not disclosed,\r\n"))
        try Workflow.write(String(exported.dropLast(1)) + "\"Within 4 hours. See [Recovery point objective](../rpo/index.html), [site](https://evil.example/) "
                           + "and [certificates](https://example.com/certs).\"\r\n", to: csv)
        let imported = try CLI.run(["translations", "import", csv, "--content", content])
        #expect(imported.status == 0)
        #expect(imported.errors == """
            \(csv):2: warning: the English of 'mttr/answer' links to ../rpo/index.html, https://evil.example/ and https://example.com/certs, the Japanese to ../rto/index.html and https://example.com/certs
              hint: \(Self.keepLinks)
            1 warning

            """)
        #expect(imported.output == """
            Wrote 1 field into 1 English page of 2025-10-01:
              \(revision)/en/10-mttr.md: answer
            No English is missing or pending in 2025-10-01.

            """)
        #expect(try String(contentsOfFile: revision + "/en/10-mttr.md", encoding: .utf8).hasSuffix("(https://example.com/certs).\n"))

        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.errors == """
            \(revision)/en/10-mttr.md:11:1: error: the English 'answer' of 'mttr' links to ../rpo/index.html, https://evil.example/ and https://example.com/certs, the Japanese to ../rto/index.html and https://example.com/certs
              hint: \(Self.gateLinks)
            1 error

            """)
        // The same targets in the order of the English sentence pass.
        try ReleaseGateTests.edit(revision + "/en/10-mttr.md", "See [Recovery point objective](../rpo/index.html), [site](https://evil.example/) and [certificates](https://example.com/certs).",
                                  "See [certificates](https://example.com/certs) and [Recovery time objective](../rto/index.html).")
        let fixed = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(fixed.status == 0 && fixed.errors == "", "\(fixed.errors)")
    }

    /// "Copy source to target" left the Japanese in a target marked translated: it was written as the English and
    /// recorded as translated. Now it is not imported and stays pending. Japanese typed into an English page by hand,
    /// as the text itself or mostly kana and kanji, is refused by the gate at its line; a product's name in Latin
    /// letters, the same in both languages, passes.
    @Test func japaneseIsNotImportedAsTheEnglishAndTheGateRefusesIt() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("TLS 1.3 に対応", "TLS 1.3 supported."))
        try ReleaseGateTests.edit(revision + "/ja/42-encryption-in-transit.md", "---\n有。TLS 1.2\n", "---\n有。TLS 1.3\n")
        let xliff = work + "/translations.xlf"
        #expect(try CLI.run(["translations", "export", "--out", xliff, "--content", content]).status == 0)
        let source = "<source xml:lang=\"ja\">有。TLS 1.3</source>"
        let text = try String(contentsOfFile: xliff, encoding: .utf8)
            .replacingOccurrences(of: source, with: source + "\n        <target xml:lang=\"en\" state=\"translated\">有。TLS 1.3</target>")
        try Workflow.write(text, to: xliff)
        let unit = try Self.line(in: text) { $0.contains("<trans-unit id=\"encryption-in-transit/answer\"") }
        let english = FileTree.read(revision + "/en")
        let imported = try CLI.run(["translations", "import", xliff, "--content", content])
        #expect(imported.status == 0)
        #expect(imported.errors == """
            \(xliff):\(unit):7: warning: the English of 'encryption-in-transit/answer' is the Japanese text, not a translation; it was not imported
              hint: \(Self.copied)
            1 warning

            """)
        #expect(imported.output == """
            Wrote 0 fields into 0 English pages of 2025-10-01.
            Still missing or pending (1):
              encryption-in-transit/answer: not imported: its English is the Japanese text

            """)
        #expect(FileTree.read(revision + "/en") == english)

        // By hand: the item's name left in Japanese, a definition in Japanese words, and a product name in Latin letters
        // that is the same in both languages.
        try ReleaseGateTests.edit(revision + "/en/42-encryption-in-transit.md", "item: Communication encryption level\n", "item: 通信の暗号化レベル\n")
        try ReleaseGateTests.edit(revision + "/en/01-service-hours.md", "definition: Hours during which the service is provided (including a description of planned "
                                  + "outage times for inspection or maintenance of facilities, networks, etc.)\n", "definition: サービスを提供する時間帯 (hours)\n")
        try ReleaseGateTests.edit(revision + "/ja/01-service-hours.md", "---\n24時間365日（計画停止／定期保守を除く）\n", "---\nCloudGuard\n")
        try ReleaseGateTests.edit(revision + "/en/01-service-hours.md", "---\n24/7 (excluding planned outages and scheduled maintenance)\n", "---\nCloudGuard\n")
        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.errors == """
            \(revision)/en/01-service-hours.md:7:1: error: the English 'definition' of 'service-hours' is Japanese text (12 of its 17 letters are kana or kanji), not a translation
              hint: \(Self.writeEnglish)
            \(revision)/en/42-encryption-in-transit.md:6:1: error: the English 'item' of 'encryption-in-transit' is the Japanese text, not a translation
              hint: \(Self.writeEnglish)
            \(revision)/en/42-encryption-in-transit.md:11:1: error: the English 'answer' of 'encryption-in-transit' is pending: its Japanese changed in 2025-10-01
              hint: translate the change: `checksheet translations export --revision 2025-10-01`
            3 errors

            """)
    }
}
