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

    static let exportAgain = "ask the translator to export the file again from their translation tool (a file edited by hand or cut off on its way is not read at all)"

    /// A unit is placed where its `<trans-unit` tag starts, line and column, though the parser reads the tag to its `>`
    /// (on a later line when its attributes span lines); a held-back target where its `<target` starts.
    @Test func unitsArePlacedAtTheStartOfTheirTags() throws {
        let text = String(decoding: Self.xliff(["7 days"]), as: UTF8.self)
            .replacingOccurrences(of: "      <trans-unit id=\"item-0/answer\">", with: "      <trans-unit\n          id=\"item-0/answer\">")
        let file = try TranslatedFile.parse(Data(text.utf8), path: "t.xlf").get()
        #expect(file.units.map { "\($0.line):\($0.column)" } == ["5:7"])
        #expect(try TranslatedFile.parse(Self.xliff(["7 days", "8 days"]), path: "t.xlf").get().units.map { "\($0.line):\($0.column)" } == ["5:7", "9:7"])
    }

    /// A file that is not well-formed XML was read as far as libxml2 could recover (Foundation on Linux's `parse()`
    /// says true): a missing end tag or a file cut off said "Wrote 0 fields" and exited 0. It is refused at the
    /// parser's first error, line and column, saying what is wrong in words.
    @Test func xliffThatIsNotWellFormedIsRefusedAtTheParsersFirstError() throws {
        let text = String(decoding: Self.xliff(["7 days", "8 days"]), as: UTF8.self)
        func refusal(_ broken: String) -> [String] { TranslatedFile.parse(Data(broken.utf8), path: "t.xlf").failureMessages }
        let missing = try #require(text.range(of: "      </trans-unit>\n"))
        #expect(refusal(text.replacingCharacters(in: missing, with: "")) == [
            "t.xlf:12:12: error: the file is not well-formed XML: this end tag comes while <trans-unit> of line 5 is still open: an end tag is missing or misspelt\n"
                + "  hint: \(Self.exportAgain)",
        ])
        // Cut off inside the second translation, as a transfer that stopped two thirds of the way.
        let cut = try #require(text.range(of: "8 da"))
        #expect(refusal(String(text[..<cut.upperBound])) == [
            "t.xlf:11:54: error: the file is not well-formed XML: the file ends inside <target> of line 11, before its end tag: it looks cut off\n"
                + "  hint: \(Self.exportAgain)",
        ])
        #expect(refusal(text.replacingOccurrences(of: "8 days", with: "8&nbsp;days")) == [
            "t.xlf:11:57: error: the file is not well-formed XML: an entity XML does not define (XML knows only &amp; &lt; &gt; &quot; &apos; and &#…; numbers)\n"
                + "  hint: \(Self.exportAgain)",
        ])
        #expect(refusal(text.replacingOccurrences(of: "8 days", with: "8 days < 9 days")) == [
            "t.xlf:11:58: error: the file is not well-formed XML: a '<' or '&' that is text must be written &lt; or &amp;\n"
                + "  hint: \(Self.exportAgain)",
        ])
        #expect(refusal(text + "<xliff/>\n") == [
            "t.xlf:16:1: error: the file is not well-formed XML: there is more after the end of the document's last element\n"
                + "  hint: \(Self.exportAgain)",
        ])
    }

    /// A CSV with a quote that never closes read the rest of the file as one cell, and one cut off mid-row imported
    /// what was left of its last translation: both are refused, nothing read.
    @Test func aCSVThatCannotBeReadIsRefused() throws {
        let header = "id,no,item,field,japanese,previous_japanese,previous_english,english\r\n"
        let open = header + "mttr/answer,10,平均復旧時間,answer,4時間以内,非公開,Not disclosed,\"Within 4 hours\r\nrto/answer,11,目標復旧時間,answer,非公開,,,Not disclosed\r\n"
        #expect(TranslatedFile.parse(Data(open.utf8), path: "t.csv").failureMessages == [
            "t.csv:2:54: error: the file cannot be read as CSV: the quoted cell opened here is never closed\n"
                + "  hint: the rest of the file was read as this one cell: close it with \" (write a quote inside it as \"\"); or ask the translator to save the sheet again as “CSV UTF-8”",
        ])
        let whole = header + "mttr/answer,10,平均復旧時間,answer,4時間以内,非公開,Not disclosed,Within 4 hours\r\nrto/answer,11,目標復旧時間,answer,非公開,,,Not disclosed\r\n"
        let cut = String(whole[..<whole.range(of: "rto/answer,11,目標")!.upperBound])
        #expect(TranslatedFile.parse(Data(cut.utf8), path: "t.csv").failureMessages == [
            "t.csv:3:1: error: the file ends in this row, after 3 of its 8 columns: it looks cut off\n"
                + "  hint: ask the translator to save the sheet again as “CSV UTF-8” and send the whole file",
        ])
        // Cut at a line break, or saved without the last line break (as Google Sheets does), the rows are whole.
        #expect(try TranslatedFile.parse(Data(whole.utf8), path: "t.csv").get().read == ["mttr/answer 2: 4時間以内 → Within 4 hours", "rto/answer 3: 非公開 → Not disclosed"])
        #expect(try TranslatedFile.parse(Data(whole.dropLast().utf8), path: "t.csv").get().read == ["mttr/answer 2: 4時間以内 → Within 4 hours", "rto/answer 3: 非公開 → Not disclosed"])
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
            .init(reason: "its target's state is 'needs-review-translation'", line: 15, column: 9),
            .init(reason: "its target has no state and its trans-unit says approved=\"no\"", line: 19, column: 9),
            nil,
            nil, // an empty target is no translation to hold back
            .init(reason: "its target's state is 'x-draft'", line: 31, column: 9),
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
            "t.xlf:9:11: error: the file is not well-formed XML: this end tag comes while <body> of line 4 is still open: an end tag is missing or misspelt\n"
                + "  hint: \(Self.exportAgain)",
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
