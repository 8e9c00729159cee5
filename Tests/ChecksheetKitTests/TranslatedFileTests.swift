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
    /// XLIFF 1.2 says what counts as translated: a state of translated, final or signed-off, or approved="yes" (the
    /// reviewer's word, whatever the state). A bare `<target>` is how many tools write a finished translation, so it
    /// counts unless its trans-unit says approved="no". A filled target that does not count says why, at its line.
    @Test func whatCountsAsTranslatedFollowsXLIFFAndTheRestSaysWhy() throws {
        let units = [
            (#"<trans-unit id="a/answer">"#, #"<target xml:lang="en">No state</target>"#),
            (#"<trans-unit id="b/answer" approved="yes">"#, #"<target xml:lang="en" state="needs-review-translation">Approved</target>"#),
            (#"<trans-unit id="c/answer">"#, #"<target xml:lang="en" state="needs-review-translation">Under review</target>"#),
            (#"<trans-unit id="d/answer" approved="no">"#, #"<target xml:lang="en">Not approved</target>"#),
            (#"<trans-unit id="e/answer">"#, #"<target xml:lang="en" state="final">Final</target>"#),
            (#"<trans-unit id="f/answer">"#, #"<target xml:lang="en" state="new"> </target>"#),
            (#"<trans-unit id="g/answer">"#, #"<target xml:lang="en" state="x-draft">Draft</target>"#),
        ].map { "      \($0.0)\n        <source xml:lang=\"ja\">日本語</source>\n        \($0.1)\n      </trans-unit>" }
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n  <file original=\"x\" source-language=\"ja\" target-language=\"en\" datatype=\"plaintext\">\n    <body>\n"
            + units.joined(separator: "\n") + "\n    </body>\n  </file>\n</xliff>\n"
        let file = try TranslatedFile.parse(Data(text.utf8), path: "t.xlf").get()
        #expect(file.units.map(\.target) == ["No state", "Approved", nil, nil, "Final", nil, nil])
        #expect(file.units.map(\.heldBack) == [
            nil, nil,
            .init(reason: "its target's state is 'needs-review-translation'", line: 15),
            .init(reason: "its target has no state and its trans-unit says approved=\"no\"", line: 19),
            nil,
            nil, // an empty target is no translation to hold back
            .init(reason: "its target's state is 'x-draft'", line: 31),
        ])
    }

    /// A CR reaches a target only as `&#13;` (XML reads a written line break as LF); the pages hold LF alone, as the
    /// CSV import makes them.
    @Test func aCarriageReturnInATargetBecomesALineFeed() throws {
        let file = try TranslatedFile.parse(Self.xliff(["A&#13;\nB", "A&#13;B", "A&#13;&#10;B", "A\r\nB"]), path: "t.xlf").get()
        #expect(file.units.map(\.target) == ["A\nB", "A\nB", "A\nB", "A\nB"])
        #expect(file.units.allSatisfy { !($0.target ?? "").utf8.contains(13) })
        let csv = try TranslatedFile.parse(Data("id,japanese,english\nx/answer,\"日\r本\",\"A\rB\"\n".utf8), path: "t.csv").get()
        #expect(csv.units.map(\.target) == ["A\nB"])
        #expect(csv.units.map(\.source) == ["日\n本"])
    }

    /// Excel with European settings saves CSV with semicolons, and as Unicode Text with tabs: the header says which.
    /// The semicolon file was refused as "the first row does not name the columns id, japanese and english".
    @Test func semicolonsAndTabsAreReadByTheHeader() throws {
        let expected = ["backup-retention/answer 2: 96時間 → 96 hours; 4 weeks, offsite"]
        for text in [
            "\u{FEFF}id;no;item;field;japanese;previous_japanese;previous_english;english\r\nbackup-retention/answer;30;バックアップ;answer;96時間;72時間;72 hours;\"96 hours; 4 weeks, offsite\"\r\n",
            "id\tno\tjapanese\tenglish\nbackup-retention/answer\t30\t96時間\t96 hours; 4 weeks, offsite\n",
            "\"id\",\"japanese\",\"english\"\nbackup-retention/answer,96時間,\"96 hours; 4 weeks, offsite\"\n",
        ] {
            #expect(try TranslatedFile.parse(Data(text.utf8), path: "t.csv").get().read == expected, "\(text)")
        }
        // UTF-16 with tabs, as Excel's Unicode Text.
        let unicodeText = Data([0xFF, 0xFE]) + "id\tjapanese\tenglish\r\nbackup-retention/answer\t96時間\t96 hours; 4 weeks, offsite\r\n".data(using: .utf16LittleEndian)!
        #expect(try TranslatedFile.parse(unicodeText, path: "t.txt").get().read == expected)
    }

    /// Japanese Excel's plain "CSV" is Shift_JIS (CP932), which the sheet import reads: so does the translations import.
    @Test func aShiftJISCSVIsRead() throws {
        // 有。TLS 1.3① in CP932: ① is one of Microsoft's extensions to Shift_JIS.
        let japanese: [UInt8] = [0x97, 0x4C, 0x81, 0x42] + Array("TLS 1.3".utf8) + [0x87, 0x40]
        let data = Data("id,japanese,english\r\nencryption-in-transit/answer,".utf8) + japanese + Data(",Yes. TLS 1.3 (1)\r\n".utf8)
        let file = try TranslatedFile.parse(data, path: "t.csv").get()
        #expect(file.read == ["encryption-in-transit/answer 2: 有。TLS 1.3① → Yes. TLS 1.3 (1)"])
    }

    /// A CAT tool may save XLIFF as UTF-16, with its byte order mark and `encoding="UTF-16"`: valid XML, which was
    /// refused as "not UTF-8 … save the CSV as CSV UTF-8". Errors in an XLIFF file speak of XLIFF.
    @Test func aUTF16XLIFFFileIsReadAndXLIFFErrorsSayXLIFF() throws {
        let text = String(decoding: Self.xliff(["7 days &amp; &lt;weekly&gt;"]), as: UTF8.self).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        for data in [Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!] {
            let file = try TranslatedFile.parse(data, path: "t.xlf").get()
            #expect(file.read == ["item-0/answer 5: 7日間 → 7 days & <weekly>"])
            #expect(file.revision == "2025-09-01")
        }
        let broken = Data(text.replacingOccurrences(of: "</body>", with: "</bdy>").replacingOccurrences(of: "encoding=\"UTF-16\"", with: "encoding=\"UTF-8\"").utf8)
        #expect(TranslatedFile.parse(broken, path: "t.xlf").failureMessages == [
            "t.xlf:12:1: error: the XLIFF file is not well-formed XML, or not in the encoding it declares\n  hint: send back the XLIFF file as the translation tool saved it",
        ])
        #expect(TranslatedFile.parse(Data([0x69, 0x64, 0x2C, 0x00, 0x41, 0x0A]), path: "t.csv").failureMessages == [
            "t.csv: error: the file is neither XLIFF nor CSV text: the file holds a NUL byte on line 1: it is binary data or text in an encoding other than UTF-8, UTF-16 or Shift_JIS\n"
                + "  hint: save the CSV as “CSV UTF-8”, or send back the XLIFF file as the translation tool saved it",
        ])
    }
}

extension TranslatedFile {
    /// Each unit as `id line: source → target`.
    var read: [String] { units.map { "\($0.id) \($0.line): \($0.source) → \($0.target ?? "-")" } }
}

extension Result where Success == TranslatedFile, Failure == DiagnosticsError {
    /// The diagnostics of a refusal as printed; empty when the file was read.
    var failureMessages: [String] {
        guard case let .failure(error) = self else { return [] }
        return error.diagnostics.map(\.formatted)
    }
}
