import ChecksheetKit
import Foundation
import Testing

/// What a translator's file holds, as `translations import` reads it.
struct TranslatedFileTests {
    static func xliff(_ targets: [String]) -> Data {
        let units = targets.enumerated().map { index, target in
            """
                  <trans-unit id="item-\(index)/answer">
                    <source xml:lang="ja">7日間</source>
                    <target xml:lang="en" state="translated">\(target)</target>
                  </trans-unit>
            """
        }
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="Content/revisions/2025-09-01" source-language="ja" target-language="en" datatype="plaintext" product-version="2025-09-01">
                <body>
            \(units.joined(separator: "\n"))
                </body>
              </file>
            </xliff>

            """.utf8)
    }

    /// The translators' CSV opens in Excel: an answer that is a Markdown list (`- `), or begins with `=`, `+` or `@`,
    /// was read as a formula there (#NAME?). The export makes such cells text with a `'`, and the import takes it off
    /// again, from the Japanese (compared with the content's) and from the English the translator wrote.
    @Test func cellsThatExcelWouldReadAsFormulasComeBackAsTheyWere() throws {
        let sources = ["- 日次\n- 週次", "=社内規程による", "+81-3-1234-5678", "'引用'", "@サポート窓口"]
        let request = TranslationRequest(date: "2025-09-01", units: sources.enumerated().map { index, source in
            TranslationUnit(slug: "item-\(index)", field: .answer, no: index + 1, itemName: "項目", source: source)
        })
        let exported = String(decoding: request.csv(), as: UTF8.self)
        #expect(exported.contains("\"'- 日次\r\n- 週次\"") && exported.contains(",'=社内規程による,") && exported.contains(",'+81-3-1234-5678,")
            && exported.contains(",'引用',") && exported.contains(",'@サポート窓口,"))
        // The translator fills the English column in Excel and saves the file as CSV again.
        let englishes = ["'- Daily\n- Weekly", "'=Per internal rules", "+81-3-1234-5678", "'Quoted'", "'@Support desk"]
        let rows = DelimitedText.parse(exported, delimiter: ",").rows.filter { !$0.isBlank }.map(\.values)
        let filled = rows.enumerated().map { index, cells in
            index == 0 ? cells : Array(cells.prefix(7)) + [englishes[index - 1]]
        }
        let file = try TranslatedFile.parse(CSV.data(filled.map { $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } }), path: "t.csv").get()
        #expect(file.units.map(\.source) == sources)
        #expect(file.units.map(\.target) == ["- Daily\n- Weekly", "=Per internal rules", "+81-3-1234-5678", "'Quoted'", "@Support desk"])
    }

    /// CAT tools write text that holds `<` or `&` as CDATA; it was dropped, cutting a translation short without a word.
    @Test func cdataInATargetIsTextLikeAnyOther() throws {
        let file = try TranslatedFile.parse(Self.xliff([
            "7 <![CDATA[days (weekly backups: 4 weeks)]]>",
            "<![CDATA[<7 days & 4 weeks>]]>",
            "plain &amp; escaped",
        ]), path: "t.xlf").get()
        #expect(file.units.map(\.target) == ["7 days (weekly backups: 4 weeks)", "<7 days & 4 weeks>", "plain & escaped"])
        #expect(file.units.map(\.source) == ["7日間", "7日間", "7日間"])
        #expect(file.units.map(\.line) == [5, 9, 13])
        // The export names its revision, so that an import without --revision writes into that one.
        #expect(file.revision == "2025-09-01")
        #expect(try TranslatedFile.parse(Data("id,japanese,english\n".utf8), path: "t.csv").get().revision == nil)
    }
}
