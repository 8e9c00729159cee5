import Foundation
import Testing
@testable import ChecksheetKit

@Suite struct ExportTests {
    static let item = Item(no: 7, slug: "tricky", section: "セキュリティ", category: "セキュリティ", item: "Quotes \"and\", commas",
                           definition: "two\nlines", unit: "有無", answer: "plain")

    @Test func csvIsWhatJapaneseExcelOpens() {
        let table = SheetTable(language: .ja, date: "2025-03-07", title: "t", items: [Self.item])
        let expected = "\u{FEFF}No.,区分,種別,サービスレベル項目,規定内容,測定単位,設定等\r\n7,セキュリティ,セキュリティ,\"Quotes \"\"and\"\", commas\",\"two\r\nlines\",有無,plain\r\n"
        #expect(table.csv() == Data(expected.utf8))
        #expect([UInt8](table.csv().prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func theRealSheetDownloadsWithTheSitesText() throws {
        let outcome = Repository.buildRealSite()
        let files = Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, $0.contents) })
        let csv = String(decoding: try #require(files["ja/downloads/checksheet-2025-03-07.csv"]), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "\u{FEFF}No.,区分,種別,サービスレベル項目,規定内容,測定単位,設定等")
        #expect(lines[1] == "1,アプリケーション運用,可用性,サービス時間,サービスを提供する時間帯（設備やネットワーク等の点検／保守のための計画停止時間の記述を含む）,時間帯,24時間365日（計画停止／定期保守を除く）")
        #expect(lines[42] == "42,セキュリティ,セキュリティ,通信の暗号化レベル,システムとやりとりされる通信の暗号化強度,有無,有。TLS 1.2")
        #expect(lines[50] == "")

        let jsonData = try #require(files["en/downloads/checksheet-2025-03-07.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        #expect(json["date"] as? String == "2025-03-07")
        #expect(json["$schema"] as? String == "checksheet.schema.json")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 49)
        #expect(items[10]["slug"] as? String == "rto")
        #expect(items[10]["answer"] as? String == "Not disclosed")
        #expect(Set(items[10].keys) == Set(Field.allCases.map(\.rawValue)))
        #expect(files["en/downloads/checksheet.schema.json"] != nil)

        let workbook = try #require(files["ja/downloads/checksheet-2025-03-07.xlsx"])
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(Repository.buildRealSite().files?.first { $0.path == "ja/downloads/checksheet-2025-03-07.xlsx" }?.contents == workbook)
    }

    @Test func workbookPartsAreWellFormed() throws {
        let table = SheetTable(language: .en, date: "2025-03-07", title: "t", items: [Self.item])
        let parts = Dictionary(uniqueKeysWithValues: table.workbookParts())
        #expect(parts.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A2\" s=\"1\"><v>7</v></c>"))
        #expect(sheet.contains("<c r=\"D2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Quotes &quot;and&quot;, commas</t></is></c>"))
        #expect(SheetTable.columnName(0) == "A" && SheetTable.columnName(25) == "Z" && SheetTable.columnName(26) == "AA")
        #expect(SheetTable.xmlEscaped("a\u{0}b\u{1F}c<") == "abc&lt;")
    }

    @Test func changesDownloadAsCSV() throws {
        let sheet = ContentLoader.load(ContentSource.read(from: Repository.fixtures + "/history")).sheet!
        let history = SheetHistory(sheet)
        let csv = String(decoding: history.entries[1].changes!.ja.csv(), as: UTF8.self)
        #expect(csv == "\u{FEFF}slug,no,field,before,after\r\nbackup-method,2,item,,バックアップの方法\r\nplanned-outage-notice,2,item,計画停止予定通知,\r\navailability-rate,3,answer,99.9%以上,99.95%以上\r\nrto,5,no,4,5\r\nrto,5,answer,非公開,4時間以内\r\nencryption-in-transit,4,no,5,4\r\n")
    }
}
