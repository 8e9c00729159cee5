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
