import Foundation
import Testing
@testable import ChecksheetKit

@Suite struct ImportTests {
    static let formats = ["checksheet-2025-03-07.tsv", "checksheet-2025-03-07-excel.csv", "checksheet-2025-03-07-sjis.csv"]

    func importSeed(_ name: String) throws -> (ImportedSheet, SheetEncoding, Character) {
        let (text, encoding) = try #require(SheetEncoding.decode(Repository.fixture("import/" + name)))
        let table = DelimitedText.parse(text)
        let sheet = try ImportedSheet.read(table, file: name).get()
        return (sheet, encoding, table.delimiter)
    }

    @Test func detectsEncodingAndDelimiter() throws {
        #expect(try importSeed(Self.formats[0]).1 == .utf8)
        #expect(try importSeed(Self.formats[0]).2 == "\t")
        #expect(try importSeed(Self.formats[1]).1 == .utf8WithBOM)
        #expect(try importSeed(Self.formats[1]).2 == ",")
        #expect(try importSeed(Self.formats[2]).1 == .cp932)
        #expect(try importSeed(Self.formats[2]).2 == ",")
    }

    @Test(arguments: formats) func readsAll49Items(format: String) throws {
        let (sheet, _, _) = try importSeed(format)
        #expect(sheet.title == "クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート")
        #expect(sheet.edition == "2025年3月7日版")
        #expect(sheet.rows.map(\.no) == Array(1...49))
        #expect(sheet.rows.filter { $0.section == "アプリケーション運用" }.count == 25)
        #expect(sheet.rows.filter { $0.section == "サポート" }.map(\.no) == [26, 27])
        #expect(sheet.rows.filter { $0.section == "データ管理" }.map(\.no) == Array(28...38))
        #expect(sheet.rows.filter { $0.section == "セキュリティ" }.map(\.no) == Array(39...49))
    }

    @Test(arguments: formats) func formatsGiveIdenticalSheets(format: String) throws {
        let reference = try importSeed(Self.formats[0]).0
        let sheet = try importSeed(format).0
        #expect(sheet.rows.map { [$0.section, $0.category, $0.item, $0.definition, $0.unit, $0.answer] }
            == reference.rows.map { [$0.section, $0.category, $0.item, $0.definition, $0.unit, $0.answer] })
    }

    @Test func irregularRowsReadAsThePersonMeantThem() throws {
        let rows = try importSeed(Self.formats[0]).0.rows
        // A blank category means "as above".
        #expect(rows[1].category == "可用性")
        #expect(rows[20].category == "性能")
        // Item 38: its category cell is missing and the row ends with an empty cell.
        #expect(rows[37] == ImportedSheet.Row(no: 38, section: "データ管理", category: "データ管理", item: "入力データ形式の制限機能",
                                              definition: "入力データ形式の制限機能の有無", unit: "有無", answer: "有", line: 49))
        // Items 40–49 have five cells: the category column is missing altogether.
        #expect(rows[41] == ImportedSheet.Row(no: 42, section: "セキュリティ", category: "セキュリティ", item: "通信の暗号化レベル",
                                              definition: "システムとやりとりされる通信の暗号化強度", unit: "有無", answer: "有。TLS 1.2", line: 55))
        #expect(rows[48].item == "データの外部保存方針")
        #expect(rows[48].answer == "データの保存地ならびに法制度等による制約条件は適切に把握")
        // Verbatim, including full-width signs that Shift_JIS without CP932's extensions would change.
        #expect(rows[4].definition == "サービスを利用できる確率 (計画サービス時間－停止時間) ÷ 計画サービス時間")
        #expect(rows[4].unit == "稼働率 (%)")
        #expect(rows[38].answer == "有。ISMS（JIS Q 27001:2023）")
    }

    @Test func sjisKeepsMicrosoftCharacters() throws {
        // 0x817C is U+FF0D in CP932 but U+2212 in JIS Shift_JIS; 0x8160 is U+FF5E; 0x8740 is ①.
        let bytes: [UInt8] = [0x81, 0x7C, 0x81, 0x60, 0x87, 0x40, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]
        let decoded = try #require(SheetEncoding.decode(Data(bytes)))
        #expect(decoded.text == "－～①テスト")
        #expect(decoded.encoding == .cp932)
    }

    @Test func csvQuotingAsExcelWritesIt() {
        let text = "No.,a,b\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",plain\r\n"
        let table = DelimitedText.parse(text)
        #expect(table.delimiter == ",")
        #expect(table.rows.map(\.values) == [["No.", "a", "b"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "plain"]])
        #expect(table.rows.map(\.line) == [1, 2, 3])
        #expect(table.rows[2].cells[1].column == 3)
        // The cell after a line break inside quotes starts at column 8 of the physical line `lines",plain`.
        #expect(table.rows[2].cells[2].column == 8)
    }

    @Test func theJapanesePagesInContentAreWhatImportMakes() throws {
        let sheet = try importSeed(Self.formats[0]).0
        let glossaryText = String(decoding: Repository.fixture("import/glossary.tsv"), as: UTF8.self)
        let glossary = try SlugGlossary.parse(glossaryText, file: "glossary.tsv").get()
        let outcome = RevisionImport.make(sheet, date: "2025-03-07", previous: nil, glossary: glossary)
        let pages = outcome.files.filter { $0.path.hasPrefix("ja/") }
        #expect(pages.count == 49)
        for page in pages {
            // The docs team added `keywords` for search after the import; everything else is as imported.
            let existing = FileManager.default.contents(atPath: Repository.content + "/revisions/2025-03-07/" + page.path).map {
                Data(String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("keywords: ") }.joined(separator: "\n").utf8)
            }
            #expect(existing == page.contents, "\(page.path) differs from what import makes")
        }
        #expect(outcome.needsEnglish.count == 49)
        #expect(outcome.provisionalSlugs.isEmpty)
        let metadata = try #require(outcome.files.first { $0.path == "revision.yml" })
        #expect(String(decoding: metadata.contents, as: UTF8.self) == "date: '2025-03-07'\ntitle:\n  ja: 2025年3月7日版\n  en: Version dated March 7, 2025\n")
    }

    @Test func slugsAndEnglishCarryOverFromTheEarlierRevision() throws {
        let content = ContentLoader.load(ContentSource.read(from: Repository.content))
        let previous = try #require(content.sheet?.current)
        var sheet = try importSeed(Self.formats[0]).0
        // A new item inserted at 3 shifts the rest; item 42's answer changes.
        sheet.rows.insert(ImportedSheet.Row(no: 3, section: "アプリケーション運用", category: "可用性", item: "新しい項目", definition: "定義", unit: "有無", answer: "有", line: 0), at: 2)
        for index in sheet.rows.indices { sheet.rows[index].no = index + 1 }
        let tls = try #require(sheet.rows.firstIndex { $0.item == "通信の暗号化レベル" })
        sheet.rows[tls].answer = "有。TLS 1.3"
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil)
        #expect(outcome.provisionalSlugs.map(\.slug) == ["item-3"])
        #expect(outcome.needsEnglish.map(\.slug) == ["item-3", "encryption-in-transit"])
        #expect(outcome.files.contains { $0.path == "ja/04-end-of-service-notice.md" })
        let english = try #require(outcome.files.first { $0.path == "en/04-end-of-service-notice.md" })
        let page = try ItemPage.parse(String(decoding: english.contents, as: UTF8.self), file: "x", language: .en).get()
        #expect(page.item.no == 4)
        #expect(page.item.item == "Advance notice of service termination")
        // A changed item keeps its earlier English, which the history marks as pending translation.
        let tlsEnglish = try #require(outcome.files.first { $0.path == "en/43-encryption-in-transit.md" })
        #expect(String(decoding: tlsEnglish.contents, as: UTF8.self).hasSuffix("---\nYes. TLS 1.2\n"))
        #expect(!outcome.files.contains { $0.path == "en/03-item-3.md" })
    }

    @Test func badSheetsAreDiagnosedWithTheirLines() {
        let text = "No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等\n1\t可用性\tサービス時間\t定義\t時間帯\t24時間\nアプリケーション運用\t\t\t\t\t\n2\t\t\t定義\t有無\t有\nx\t\ty\t\t\t\n"
        let result = ImportedSheet.read(DelimitedText.parse(text), file: "bad.tsv")
        guard case let .failure(error) = result else {
            Issue.record("expected diagnostics")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == [
            "bad.tsv:2:1: error: item 1 comes before any section header row\n  hint: add a row holding only the section's name (for example アプリケーション運用) above it",
            "bad.tsv:4:1: error: item 2 has no サービスレベル項目\n  hint: fill in every column of the item's row",
            "bad.tsv:4:3: error: item 2 has no category and none stands above it in section 'アプリケーション運用'\n  hint: write the category (種別) in the first item row of each section",
            "bad.tsv:5:1: error: 'x' is neither an item number nor a section header\n  hint: item rows start with their number (No.); a section header row holds only the section's name",
        ])
    }
}
