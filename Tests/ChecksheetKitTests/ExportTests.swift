import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

@Suite struct ExportTests {
    static let item = Item(no: 7, slug: "tricky", section: "セキュリティ", category: "セキュリティ", item: "Quotes \"and\", commas",
                           definition: "two\nlines", unit: "有無", answer: "plain")

    @Test func csvIsWhatJapaneseExcelOpens() {
        let table = SheetTable(language: .ja, date: "2025-03-07", title: "t", items: [Self.item], baseURL: "https://example.com/sheet/")
        let expected = "\u{FEFF}No.,区分,種別,サービスレベル項目,規定内容,測定単位,設定等,版の日付,固定URL\r\n"
            + "7,セキュリティ,セキュリティ,\"Quotes \"\"and\"\", commas\",\"two\r\nlines\",有無,plain,2025-03-07,https://example.com/sheet/ja/items/tricky/\r\n"
        #expect(table.csv() == Data(expected.utf8))
        #expect([UInt8](table.csv().prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func theRealSheetDownloadsWithTheSitesText() throws {
        let outcome = Repository.buildRealSite()
        let files = Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, $0.contents) })
        let csv = String(decoding: try #require(files["ja/downloads/checksheet-2025-03-07.csv"]), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "\u{FEFF}No.,区分,種別,サービスレベル項目,規定内容,測定単位,設定等,版の日付,固定URL")
        #expect(lines[1] == "1,アプリケーション運用,可用性,サービス時間,サービスを提供する時間帯（設備やネットワーク等の点検／保守のための計画停止時間の記述を含む）,時間帯,24時間365日（計画停止／定期保守を除く）,2025-03-07,https://checksheet.example.com/ja/items/service-hours/")
        #expect(lines[42] == "42,セキュリティ,セキュリティ,通信の暗号化レベル,システムとやりとりされる通信の暗号化強度,有無,有。TLS 1.2,2025-03-07,https://checksheet.example.com/ja/items/encryption-in-transit/")
        #expect(lines[50] == "")

        let jsonData = try #require(files["en/downloads/checksheet-2025-03-07.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        #expect(json["date"] as? String == "2025-03-07")
        #expect(json["$schema"] as? String == "checksheet.schema.json")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 49)
        #expect(items[10]["slug"] as? String == "rto")
        #expect(items[10]["answer"] as? String == "Not disclosed")
        #expect(items[10]["url"] as? String == "https://checksheet.example.com/en/items/rto/")
        #expect(Set(items[10].keys) == Set(Field.allCases.map(\.rawValue) + ["url"]))
        // The real site names no provider, so the JSON has no `provider` key.
        #expect(json["provider"] == nil)
        #expect(files["en/downloads/checksheet.schema.json"] != nil)

        let workbook = try #require(files["ja/downloads/checksheet-2025-03-07.xlsx"])
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(Repository.buildRealSite().files?.first { $0.path == "ja/downloads/checksheet-2025-03-07.xlsx" }?.contents == workbook)
    }

    /// Text that every escaping rule meets: control characters, quotes, backslashes, slashes, line separators,
    /// a comma and a quote carrying a combining mark, a byte order mark, an emoji, U+FFFE and U+FFFF.
    static let awkward: String = {
        var text = ""
        for value in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        return text + "\u{2028}\u{2029}\u{85}\u{FEFF}😀é/,\u{301}\"\u{301}\r\n\r\u{FFFE}\u{FFFF}\u{FFFD}末"
    }()

    /// The sheet's JSON as `JSONSerialization` wrote it before `json(schemaURL:)` wrote it directly.
    static func serializedJSON(_ table: SheetTable, schemaURL: String) throws -> Data {
        var object: [String: Any] = [
            "$schema": schemaURL, "date": table.date, "language": table.language.rawValue, "title": table.title,
            "items": table.items.map { item -> [String: Any] in
                var entry: [String: Any] = ["no": item.no, "url": table.url(of: item)]
                for field in Field.allCases where field != .no {
                    entry[field.rawValue] = field == .answer ? Markdown.plainText(item.answer) : item.value(of: field)
                }
                if let pending = table.pending[item.slug] { entry["pending"] = pending.fields.map(\.rawValue) }
                return entry
            },
        ]
        if let provider = table.provider { object["provider"] = provider }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    @Test func jsonIsByteForByteWhatJSONSerializationWrites() throws {
        var odd = Self.item
        odd.item = Self.awkward
        odd.definition = "\\ \"x\" / \u{2028}"
        odd.answer = "*Yes*, [see](https://example.com/a_b) \\ `code`\n\n- \u{1F}list"
        for items in [[Self.item, odd], []] {
            for provider in [nil, "Example \"Cloud\" / 株式会社"] {
                var table = SheetTable(language: .en, date: "2025-03-07", title: Self.awkward, items: items, baseURL: "https://example.com/s/", provider: provider)
                for pending in [[:], [odd.slug: SheetTable.Pending(fields: [.definition, .answer], note: "pending")]] {
                    table.pending = pending
                    let written = table.json(schemaURL: "checksheet.schema.json")
                    let expected = try Self.serializedJSON(table, schemaURL: "checksheet.schema.json")
                    #expect(written == expected, "\(String(decoding: written, as: UTF8.self))")
                }
            }
        }
    }

    @Test func csvFieldsTakenAsTheyAreNeedNoQuoting() {
        for value in ["plain", "日本語、全角，読点", Self.awkward, "a,b", "\"", ",\u{301}", "\"\u{301}x", "a\r\nb", "a\rb", "a\nb", "x\r", ""] {
            var bytes: [UInt8] = []
            CSV.append(value, to: &bytes)
            #expect(bytes == Array(CSV.field(value).utf8), "\(value.debugDescription)")
        }
    }

    /// Excel reads a cell that begins with = + - @ (or a tab, a carriage return) as a formula: a phone number became a
    /// sum, a HYPERLINK a live link. Such cells start with ' and show as the text they are.
    @Test func csvCellsThatExcelWouldReadAsFormulasAreText() {
        let cells = ["+81-3-1234-5678", "=HYPERLINK(\"http://x\")", "=1+1", "-", "- none", "@SUM(1,2)", "\tx", "\rx", "a-b", "１＋１", "－", ""]
        #expect(String(decoding: CSV.data([cells]), as: UTF8.self) == "\u{FEFF}'+81-3-1234-5678,\"'=HYPERLINK(\"\"http://x\"\")\",'=1+1,'-,'- none,"
            + "\"'@SUM(1,2)\",'\tx,\"'\r\nx\",a-b,１＋１,－,\r\n")
    }

    @Test func xmlTextTakenAsItIsNeedsNoEscape() {
        func slow(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
                default: if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { result.unicodeScalars.append(scalar) }
                }
            }
            return result
        }
        for value in ["plain", "日本語", Self.awkward, "\u{FFFE}", "x\u{FFFF}", "\u{FFFD}\u{FFBF}", "\u{EFBF}", "ｾ", "a\tb\r\n", "\u{7F}"] {
            #expect(SheetTable.xmlEscaped(value) == slow(value), "\(value.debugDescription)")
        }
    }

    @Test func workbookPartsAreWellFormed() throws {
        let table = SheetTable(language: .en, date: "2025-03-07", title: "t", items: [Self.item], baseURL: "https://example.com/", provider: "Example & Co.")
        var japanese = table
        japanese.language = .ja
        let parts = Dictionary(uniqueKeysWithValues: SheetTable.workbookParts([table, japanese]))
        #expect(parts.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
                                        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(parts["xl/workbook.xml"]!.contains("<sheets><sheet name=\"Check sheet 2025-03-07\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"チェックシート 2025-03-07\" sheetId=\"2\" r:id=\"rId2\"/></sheets>"))
        #expect(parts["docProps/core.xml"]!.hasSuffix("<dc:title>t</dc:title><dc:creator>Example &amp; Co.</dc:creator></cp:coreProperties>"))
        #expect(parts["xl/worksheets/sheet2.xml"]!.contains("<c r=\"A1\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">No.</t></is></c>"))
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<c r=\"I2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">https://example.com/en/items/tricky/</t></is></c>"))
        #expect(sheet.contains("<dimension ref=\"A1:I2\"/>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A2\" s=\"1\"><v>7</v></c>"))
        #expect(sheet.contains("<c r=\"D2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Quotes &quot;and&quot;, commas</t></is></c>"))
        #expect(SheetTable.columnName(0) == "A" && SheetTable.columnName(25) == "Z" && SheetTable.columnName(26) == "AA")
        #expect(SheetTable.xmlEscaped("a\u{0}b\u{1F}c<") == "abc&lt;")
    }
}
