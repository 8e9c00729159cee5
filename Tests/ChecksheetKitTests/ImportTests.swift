import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

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
                                              definition: "入力データ形式の制限機能の有無", unit: "有無", answer: "有", line: 49,
                                              columns: [.item: 4, .definition: 17, .unit: 33, .answer: 36]))
        // Items 40–49 have five cells: the category column is missing altogether.
        #expect(rows[41] == ImportedSheet.Row(no: 42, section: "セキュリティ", category: "セキュリティ", item: "通信の暗号化レベル",
                                              definition: "システムとやりとりされる通信の暗号化強度", unit: "有無", answer: "有。TLS 1.2", line: 55,
                                              columns: [.item: 4, .definition: 14, .unit: 35, .answer: 38]))
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
        #expect(String(decoding: metadata.contents, as: UTF8.self) == "date: '2025-03-07'\ntitle:\n  ja: 2025年3月7日版\n  en: Version dated March 7, 2025\ndraft: true\n")
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
            "bad.tsv:4:3: error: item 2 has no category and none stands above it in section 'アプリケーション運用'\n  hint: write the category (種別) in the first item row of each section",
            "bad.tsv:4:4: error: item 2 has no サービスレベル項目\n  hint: fill in every column of the item's row",
            "bad.tsv:5:1: error: 'x' is neither an item number nor a section header\n  hint: item rows start with their number (No.); a section header row holds only the section's name",
        ])
    }

    // MARK: The importer reads exactly what the sheet says, or refuses (issue 10, part 2)

    static let seedText = String(decoding: Repository.fixture("import/checksheet-2025-03-07.tsv"), as: UTF8.self)

    func read(_ text: String, file: String = "sheet.tsv", knownCategories: Set<String> = []) -> Result<ImportedSheet, DiagnosticsError> {
        ImportedSheet.read(DelimitedText.parse(text), file: file, knownCategories: knownCategories)
    }

    func fields(_ sheet: ImportedSheet) -> [[String]] {
        sheet.rows.map { [String($0.no), $0.section, $0.category, $0.item, $0.definition, $0.unit, $0.answer] }
    }

    func errors(_ result: Result<ImportedSheet, DiagnosticsError>) -> [String] {
        guard case let .failure(error) = result else { return ["no error"] }
        return error.diagnostics.map(\.formatted)
    }

    @Test func columnsAreFoundByTheirHeaderNames() throws {
        let reference = try importSeed(Self.formats[0]).0
        let swapped = try read(String(decoding: Repository.fixture("import/definition-and-unit-swapped.tsv"), as: UTF8.self)).get()
        #expect(fields(swapped) == fields(reference))
        #expect(swapped.rows[4].definition == "サービスを利用できる確率 (計画サービス時間－停止時間) ÷ 計画サービス時間")
        #expect(swapped.rows[41].unit == "有無")

        let file = "english-headers-reordered.csv"
        let (text, _) = try #require(SheetEncoding.decode(Repository.fixture("import/" + file)))
        let english = try ImportedSheet.read(DelimitedText.parse(text), file: file).get()
        #expect(fields(english) == fields(reference))
        #expect(english.edition == "2025年3月7日版")
        #expect(english.warnings.map(\.formatted) == [
            "english-headers-reordered.csv:7:10: warning: column '備考' is not imported\n  hint: the importer reads the columns No., 種別, サービスレベル項目, 規定内容, 測定単位, 設定等; this column's cells are left out",
        ])
    }

    @Test func aMissingOrRepeatedColumnIsAnErrorNamingIt() {
        let body = "アプリケーション運用\n1\t可用性\tサービス時間\t定義\t時間帯\t24時間\n"
        #expect(errors(read("No.\t種別\tサービスレベル項目\t測定単位\t設定等\n" + body)) == [
            "sheet.tsv:1:1: error: the header row has no column '規定内容'\n  hint: the sheet needs the columns No., 種別, サービスレベル項目, 規定内容, 測定単位, 設定等 (or their English names: No., Category, Item, Definition, Unit, Answer), in any order",
        ])
        #expect(errors(read("No.\t種別\tサービスレベル項目\t規定内容\t測定単位\tDefinition\t設定等\n" + body)) == [
            "sheet.tsv:1:28: error: column 'Definition' names 規定内容 again (as column 4 does)\n  hint: keep one column per field; rename or delete the other",
        ])
        #expect(errors(read("タイトル\n\n" + body)).first?.hasPrefix("sheet.tsv:1:1: error: no header row naming the sheet's columns was found") == true)
    }

    @Test func cellsBeyondTheHeaderAndCellsUnderNoHeaderAreNotDroppedSilently() throws {
        let header = "No.,種別,サービスレベル項目,規定内容,測定単位,設定等\nアプリケーション運用\n"
        // An unquoted comma splits a cell in two: the row is longer than the header.
        #expect(errors(read(header + "1,可用性,サービス時間,定義,時間帯,24時間, 365日\n", file: "x.csv")) == [
            "x.csv:3:26: error: the row has more cells than the header names ('365日' in cell 7)\n  hint: a cell holding the delimiter must be quoted; the header row names every column",
        ])
        let unnamed = try read("No.\t\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等\nアプリケーション運用\n1\tメモ\t可用性\tサービス時間\t定義\t時間帯\t24時間\n").get()
        #expect(unnamed.rows.map(\.category) == ["可用性"])
        #expect(unnamed.warnings.map(\.formatted) == ["sheet.tsv:3:3: warning: cell 2 is under no header and is not imported\n  hint: name the column in the header row, or leave it empty"])
    }

    @Test func aQuoteStillOpenAtTheEndIsAnErrorAtItsLine() {
        // Item 3's answer opens a quote that never closes: the rest of the sheet would become one cell.
        let text = Self.seedText.replacingOccurrences(of: "\t有。1年以上前", with: "\t\"有。1年以上前")
        #expect(errors(read(text)) == [
            "sheet.tsv:11:64: error: the quoted cell opened here is never closed\n  hint: the rest of the file was read as this one cell: close it with \" (write a quote inside it as \"\")",
        ])
        let csv = "No.,種別,サービスレベル項目,規定内容,測定単位,設定等\r\nアプリケーション運用\r\n1,可用性,サービス時間,定義,時間帯,\"24時間\r\n2,,計画停止予定通知,定義,有無,有\r\n"
        #expect(errors(read(csv, file: "x.csv")) == [
            "x.csv:3:21: error: the quoted cell opened here is never closed\n  hint: the rest of the file was read as this one cell: close it with \" (write a quote inside it as \"\")",
        ])
    }

    @Test func aQuoteInsideAnUnquotedCellIsText() throws {
        let text = Self.seedText.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t\"有\"。TLS 1.2 \"推奨\"")
        let sheet = try read(text).get()
        #expect(sheet.rows.count == 49)
        #expect(sheet.rows[41].answer == "\"有\"。TLS 1.2 \"推奨\"")
        // Quoted as Excel quotes, the same cell reads the same.
        let csv = "No.,種別,サービスレベル項目,規定内容,測定単位,設定等\nアプリケーション運用\n1,可用性,サービス時間,定義,時間帯,\"\"\"有\"\"。\"\n2,,計画停止,定義,有無,\"有\"。a,b\n"
        let table = DelimitedText.parse(csv)
        #expect(table.rows[2].values.last == "\"有\"。")
        #expect(table.rows[3].values.suffix(2) == ["\"有\"。a", "b"])
        // Quotes that close on a later line and are followed by text make the line breaks ambiguous: refused.
        #expect(DelimitedText.parse("a\t\"b\nc\"d\te\n").problems.map(\.message) == ["the quoted cell opened here closes on line 2 and text follows its closing quote"])
    }

    @Test func rowsPaddedWithEmptyCellsReadAsTheSheet() throws {
        let reference = try importSeed(Self.formats[0]).0
        let padded = Self.seedText.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\t\t\t" }.joined(separator: "\n")
        #expect(fields(try read(padded).get()) == fields(reference))
        let csv = String(decoding: Repository.fixture("import/checksheet-2025-03-07-excel.csv"), as: UTF8.self).replacingOccurrences(of: "\r\n", with: ",,\r\n")
        #expect(fields(try read(csv).get()) == fields(reference))
    }

    @Test func itemNumbersMayHaveGapsButIncreaseAndAreUnique() throws {
        // Item 43 retired: 44 … 49 keep their numbers.
        let gapped = Self.seedText.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("43\t") }.joined(separator: "\n")
        let sheet = try read(gapped).get()
        #expect(sheet.rows.map(\.no) == Array(1...42) + Array(44...49))
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current, glossary: nil)
        #expect(outcome.files.contains { $0.path == "ja/44-multi-tenant-security.md" })
        #expect(outcome.needsEnglish.isEmpty)

        let swapped = Self.seedText.replacingOccurrences(of: "\n44\t", with: "\n4x\t").replacingOccurrences(of: "\n45\t", with: "\n44\t").replacingOccurrences(of: "\n4x\t", with: "\n45\t")
        #expect(errors(read(swapped)) == ["sheet.tsv:58:1: error: item number 44 comes after 45\n  hint: numbers increase down the sheet (gaps are fine): put the row in its place or correct its number"])
        let twice = Self.seedText.replacingOccurrences(of: "\n45\t", with: "\n44\t")
        #expect(errors(read(twice)) == ["sheet.tsv:58:1: error: item number 44 is also used on line 57\n  hint: each item has its own number; numbers increase down the sheet and may skip retired items"])
    }

    /// Excel writes a number column's cells as `5.0`, `6.00`, `7E+00` or `2.`: whole ones are the item's number; any
    /// other number is named for what it is.
    @Test func itemNumbersAsExcelFormatsThemAreTakenWhenWhole() throws {
        let excel = Self.seedText.replacingOccurrences(of: "\n5\t", with: "\n5.0\t").replacingOccurrences(of: "\n6\t", with: "\n6.00\t")
            .replacingOccurrences(of: "\n7\t", with: "\n7E+00\t").replacingOccurrences(of: "\n2\t", with: "\n2.\t").replacingOccurrences(of: "\n3\t", with: "\n３\t")
        #expect(excel != Self.seedText)
        #expect(fields(try read(excel).get()) == fields(try read(Self.seedText).get()))
        let fraction = Self.seedText.replacingOccurrences(of: "\n5\t", with: "\n5.5\t").replacingOccurrences(of: "\n6\t", with: "\n0\t")
        #expect(errors(read(fraction)) == [
            "sheet.tsv:13:1: error: '5.5' is not a whole number: an item number is a whole number from 1\n"
                + "  hint: write the item's number as the sheet has it; if Excel changed it, format the No. column as text (文字列) and export again",
            "sheet.tsv:14:1: error: '0' is not an item number: item numbers start from 1\n"
                + "  hint: item rows start with their number (No.); a section header row holds only the section's name",
        ])
        #expect(ImportedSheet.excelNumber("1.50E+01") == .whole(15))
        #expect(ImportedSheet.excelNumber("1.55E+01") == .fraction)
        #expect(ImportedSheet.excelNumber("1.0.0") == nil)
    }

    /// A cell Excel reformatted (99.9% as 0.999, an answer as the date serial 45658) would publish as a change: it is
    /// imported, with a warning at the cell naming what it was.
    @Test func aCellThatBecameABareNumberIsImportedWithAWarningAtTheCell() throws {
        let reformatted = Self.seedText.replacingOccurrences(of: "\t稼働率 (%)\t99.9%以上\n", with: "\t稼働率 (%)\t0.999\n")
            .replacingOccurrences(of: "\t時間帯\t24時間365日（計画停止／定期保守を除く）\n", with: "\t時間帯\t45658\n")
        #expect(reformatted != Self.seedText)
        let sheet = try read(reformatted).get()
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current, glossary: nil)
        let hint = "  hint: Excel reformats a cell whose format is a number: 99.9% becomes 0.999, a date its serial number (45658); "
            + "format the column as text (文字列), write the cell again and export again, unless the number is what the sheet says"
        #expect(outcome.warnings.map(\.formatted) == [
            "sheet.tsv:5:1: warning: the export's edition line says '2025年3月7日版', not the date of the import, 2025-09-01\n"
                + "  hint: the revision is titled '2025年9月1日版'; check that this is the export of 2025-09-01, or import it with the date its edition line names",
            "sheet.tsv:9:65: warning: item 1's 設定等 is the bare number '45658', where the revision of 2025-03-07 has '24時間365日（計画停止／定期保守を除く）'\n" + hint,
            "sheet.tsv:13:60: warning: item 5's 設定等 is the bare number '0.999', where the revision of 2025-03-07 has '99.9%以上'\n" + hint,
        ])
        #expect(outcome.files.first { $0.path == "ja/05-availability-rate.md" }.map { String(decoding: $0.contents, as: UTF8.self).hasSuffix("---\n0.999\n") } == true)
    }

    @Test func contentWithGapsInItsNumbersLoads() throws {
        var source = ContentSource.read(from: Repository.content)
        for language in Language.allCases {
            source.revisions[0].pages[language]?.removeAll { $0.path.hasSuffix("/43-audit-reports.md") }
        }
        let outcome = ContentLoader.load(source)
        #expect(outcome.diagnostics.map(\.formatted) == [])
        let numbers = try #require(outcome.sheet?.current?.items.ja.map(\.no))
        #expect(numbers == Array(1...42) + Array(44...49))
    }

    @Test func backFillingKeepsTheSlugsOfTheNeighbouringRevisions() throws {
        let current = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        let sheet = try importSeed(Self.formats[0]).0
        let existing = Set(try FileManager.default.contentsOfDirectory(atPath: Repository.content + "/revisions/2025-03-07/ja").map { "ja/" + $0 })
        // Only a later revision: every slug comes from it, and so does the English of the unchanged items.
        let before = RevisionImport.make(sheet, date: "2024-10-01", previous: nil, glossary: nil, later: current)
        #expect(Set(before.files.map(\.path).filter { $0.hasPrefix("ja/") }) == existing)
        #expect(before.provisionalSlugs.isEmpty)
        #expect(before.needsEnglish.isEmpty)
        #expect(before.files.filter { $0.path.hasPrefix("en/") }.count == 49)
        // An earlier revision that knows items 1–30 and a later one that knows 20–49: together they name all 49.
        var earlier = current, later = current
        earlier.date = "2024-01-01"
        earlier.items = Localized(ja: Array(current.items.ja.prefix(30)), en: Array(current.items.en.prefix(30)))
        later.date = "2025-12-01"
        later.items = Localized(ja: Array(current.items.ja.suffix(30)), en: Array(current.items.en.suffix(30)))
        let between = RevisionImport.make(sheet, date: "2025-06-01", previous: earlier, glossary: nil, later: later)
        #expect(Set(between.files.map(\.path).filter { $0.hasPrefix("ja/") }) == existing)
        #expect(between.provisionalSlugs.isEmpty)
        // A later revision's English is taken only where it translates this very Japanese.
        var changed = sheet
        changed.rows[41].answer = "有。TLS 1.0"
        let older = RevisionImport.make(changed, date: "2024-10-01", previous: nil, glossary: nil, later: current)
        #expect(older.needsEnglish.map(\.slug) == ["encryption-in-transit"])
        #expect(!older.files.contains { $0.path == "en/42-encryption-in-transit.md" })
    }

    @Test func forcedReimportKeepsTheReplacedRevisionsEnglish() throws {
        let content = ContentSource.read(from: Repository.content)
        let files = (try FileManager.default.subpathsOfDirectory(atPath: Repository.content + "/revisions/2025-03-07")).filter { !$0.hasSuffix("/ja") && !$0.hasSuffix("/en") && $0 != "ja" && $0 != "en" }
        let neighbours = RevisionImport.Neighbours(of: "2025-03-07", in: content, replacedFiles: files)
        let replacing = try #require(neighbours.replacing)
        #expect(replacing.revision.items.en.count == 49)
        var sheet = try importSeed(Self.formats[0]).0
        sheet.rows[41].answer = "有。TLS 1.3"
        sheet.rows.remove(at: 46)
        let outcome = RevisionImport.make(sheet, date: "2025-03-07", previous: nil, glossary: nil, sections: neighbours.sections, replacing: replacing)
        #expect(outcome.provisionalSlugs.isEmpty)
        #expect(outcome.needsEnglish.map(\.slug) == ["encryption-in-transit"])
        // The changed item's English says what the Japanese no longer says, and no earlier revision has English that
        // the history could mark as pending: it stays, and translations.yml records which Japanese it translates, so
        // that the field is pending. No English page is ever deleted: every one is kept byte for byte.
        let tls = try #require(replacing.revision.item("encryption-in-transit", .ja)), english = try #require(replacing.revision.item("encryption-in-transit", .en))
        #expect(outcome.replaced.map(\.item.slug) == ["encryption-in-transit"])
        #expect(outcome.replaced.first?.fields == [.answer])
        #expect(outcome.replaced.first?.pendingEnglish == [.answer])
        let records = TranslationRecords(["encryption-in-transit/answer": .init(translating: tls.answer, as: english.answer)])
        #expect(outcome.files.first { $0.path == "translations.yml" }?.contents == Data(records.source.utf8))
        #expect(outcome.keptFiles == files.filter { $0.hasPrefix("en/") }.sorted() + ["revision.yml"])
        #expect(outcome.orphanedEnglish == ["en/47-virus-scanning.md"])
        #expect(!outcome.files.contains { $0.path == "revision.yml" || $0.path.hasPrefix("en/") })

        // Renumbered, the replaced revision's English moves with its item.
        sheet.rows[46].no = 47
        let renumbered = RevisionImport.make(sheet, date: "2025-03-07", previous: nil, glossary: nil, sections: neighbours.sections, replacing: replacing)
        let moved = try #require(renumbered.files.first { $0.path == "en/47-storage-media-security.md" })
        #expect(String(decoding: moved.contents, as: UTF8.self).hasPrefix("---\nno: 47\nslug: storage-media-security\n"))
        #expect(!renumbered.keptFiles.contains("en/48-storage-media-security.md"))
        #expect(renumbered.orphanedEnglish == ["en/47-virus-scanning.md"])
    }

    /// A draft whose retention was translated ("7 days" for 7日間), then imported again with 30日間: the translator's
    /// English stays (it is never set back to older text), and translations.yml records that it translates 7日間, so
    /// the history marks it pending; the draft's other English (its reworded definition) stays as it is.
    @Test func forcedReimportKeepsTheTranslatorsEnglishAndRecordsWhatItTranslates() throws {
        let previous = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        var draft = previous
        draft.date = "2025-09-01"
        var items = draft.items
        let ja = try #require(items.ja.firstIndex { $0.slug == "backup-retention" }), en = try #require(items.en.firstIndex { $0.slug == "backup-retention" })
        items.ja[ja].answer = "7日間"
        items.en[en].answer = "7 days"
        items.en[en].definition = "How long backed-up media are kept (reworded in the draft)"
        draft.items = items
        let englishPages = Dictionary(uniqueKeysWithValues: draft.items.en.map { ($0.slug, "en/" + Item.pageName($0)) })
        let files = (draft.items.ja.map { "ja/" + Item.pageName($0) } + englishPages.values + ["revision.yml"]).sorted()
        let replacing = RevisionImport.Replaced(revision: draft, files: files, englishPages: englishPages)

        var sheet = try importSeed(Self.formats[0]).0
        let row = try #require(sheet.rows.firstIndex { $0.item == "バックアップデータの保存期間" })
        sheet.rows[row].answer = "30日間"
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil, replacing: replacing)
        #expect(outcome.replaced == [RevisionImport.ReplacedItem(item: outcome.replaced[0].item, fields: [.answer], pendingEnglish: [.answer])])
        #expect(outcome.needsEnglish.map(\.slug) == ["backup-retention"])
        #expect(outcome.keptFiles.contains("en/30-backup-retention.md"))
        #expect(!outcome.files.contains { $0.path.hasPrefix("en/") })
        let records = TranslationRecords(["backup-retention/answer": .init(translating: "7日間", as: "7 days")])
        #expect(outcome.files.first { $0.path == "translations.yml" }?.contents == Data(records.source.utf8))
        // The history then marks the answer pending in the draft, and only the answer.
        var imported = draft
        imported.items.ja[ja].answer = "30日間"
        imported.translationRecords = records
        let history = SheetHistory(Sheet(configuration: try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.configuration),
                                         revisions: [previous, imported]))
        #expect(history.staleFields(of: "backup-retention", in: "2025-09-01").map(\.field) == [.answer])

        // Imported again with the draft's own Japanese, its English is the translation of it: kept, nothing pending.
        sheet.rows[row].answer = "7日間"
        let same = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil, replacing: replacing)
        #expect(same.replaced.isEmpty && same.needsEnglish.isEmpty)
        #expect(same.keptFiles.contains("en/30-backup-retention.md"))
        #expect(!same.files.contains { $0.path == "translations.yml" })

        // Set back to the previous revision's Japanese, the draft's English no longer translates it: pending too.
        sheet.rows[row].answer = try #require(previous.item("backup-retention", .ja)).plainAnswer
        let back = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil, replacing: replacing)
        #expect(back.replaced.first?.pendingEnglish == [.answer])
    }

    /// An export's edition line naming another date (last quarter's export, or a line nobody updated) does not title
    /// the new revision; unknown sections and categories are said at import, not first at build.
    @Test func theImportSaysWhatTheExportGotWrong() throws {
        let previous = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        let sections = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.configuration.sections)
        var sheet = try importSeed(Self.formats[0]).0
        sheet.rows[23].category = "接続性"
        sheet.rows[24].category = "接続性"
        sheet.rows[30].section = "コンプライアンス"
        sheet.rows.remove(at: 42)
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil, sections: sections)
        #expect(outcome.warnings.map(\.formatted) == [
            "checksheet-2025-03-07.tsv:5:1: warning: the export's edition line says '2025年3月7日版', not the date of the import, 2025-09-01\n  hint: the revision is titled '2025年9月1日版'; check that this is the export of 2025-09-01, or import it with the date its edition line names",
            "checksheet-2025-03-07.tsv:\(sheet.rows[23].line): warning: category '接続性' is not listed under section '\(sheet.rows[23].section)' in site.yml\n  hint: add it to that section's `categories` in site.yml, with its English name, before building; the revision cannot build until then",
            "checksheet-2025-03-07.tsv:\(sheet.rows[30].line): warning: section 'コンプライアンス' is not in site.yml\n  hint: add it to site.yml's `sections`, with its English name and its categories, before building; the revision cannot build until then",
        ])
        let metadata = try #require(outcome.files.first { $0.path == "revision.yml" })
        #expect(String(decoding: metadata.contents, as: UTF8.self).contains("ja: 2025年9月1日版\n"))
        #expect(outcome.removed.map(\.slug) == [previous.items.ja[42].slug])
        // The export of the day titles it as it says.
        let own = RevisionImport.make(try importSeed(Self.formats[0]).0, date: "2025-03-07", previous: nil, glossary: nil, sections: sections)
        #expect(own.warnings.isEmpty)
        #expect(String(decoding: own.files.first { $0.path == "revision.yml" }!.contents, as: UTF8.self).contains("ja: 2025年3月7日版\n"))
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognised() throws {
        let reference = try importSeed(Self.formats[0]).0
        for (encoding, expected) in [(String.Encoding.utf16LittleEndian, SheetEncoding.utf16LittleEndian), (.utf16BigEndian, .utf16BigEndian)] {
            let data = try #require(Self.seedText.data(using: encoding))
            let decoded = try #require(SheetEncoding.decode(data))
            #expect(decoded.encoding == expected)
            #expect(fields(try read(decoded.text).get()) == fields(reference))
        }
        // What is not text is said to be what it is.
        #expect(SheetEncoding.decoding(Data("No.\t種別\n".utf8) + Data([0, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46])).map { $0.encoding } == .failure(.nul(line: 2)))
        #expect(SheetEncoding.decoding(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])).map { $0.encoding } == .failure(.workbook))
        #expect(SheetEncoding.decoding(try #require("No.\tA\n".data(using: .utf16LittleEndian)).dropLast()).map { $0.encoding } == .failure(.oddUTF16))
    }

    @Test(arguments: [7, 64, 4096]) func readingAFileInPiecesGivesTheWholeSheet(pieceSize: Int) throws {
        let reference = try importSeed(Self.formats[0]).0
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let utf16 = work + "/utf16.txt"
        try #require(Self.seedText.data(using: .utf16LittleEndian)).write(to: URL(fileURLWithPath: utf16))
        let bom = work + "/utf16-bom.txt"
        try #require(Self.seedText.data(using: .utf16)).write(to: URL(fileURLWithPath: bom))
        let expected: [(String, SheetEncoding, Character)] = [
            (Repository.fixtures + "/import/" + Self.formats[0], .utf8, "\t"), (Repository.fixtures + "/import/" + Self.formats[1], .utf8WithBOM, ","),
            (Repository.fixtures + "/import/" + Self.formats[2], .cp932, ","), (utf16, .utf16LittleEndian, "\t"), (bom, .utf16, "\t"),
        ]
        for (path, encoding, delimiter) in expected {
            let export = try ImportedSheet.read(contentsOf: path, pieceSize: pieceSize).get()
            #expect(fields(export.sheet) == fields(reference), "\(path)")
            #expect(export.encoding == encoding)
            #expect(export.delimiter == delimiter)
            #expect(export.sheet.rows.map(\.line) == reference.rows.map(\.line))
        }
    }

    // MARK: A row is read as one that lost its category cell only when its cells say so

    /// The seed as an export whose sheet has a `備考` column after 設定等 (padded on every row, a note on item 5) and
    /// whose item 20 starts a category site.yml does not list.
    static let remarksExport: String = seedText.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        if line.hasPrefix("No.\t") { return line + "\t備考" }
        if line.hasPrefix("5\t") { return line + "\t社内SLAに準拠" }
        if line.hasPrefix("20\t") { return line.replacingOccurrences(of: "20\t\t", with: "20\t性能新\t") + "\t" }
        return line.contains("\t") ? line + "\t" : String(line)
    }.joined(separator: "\n")

    /// Repro A: a trailing empty `備考` cell made every row with a new category look one cell short, so item 20 was
    /// read with its name as category, its definition as name and its unit as answer, and its real answer dropped.
    @Test func anEmptyColumnAfterTheAnswerIsNotAMissingCategoryCell() throws {
        let sheet = try read(Self.remarksExport).get()
        var expected = fields(try importSeed(Self.formats[0]).0)
        expected[19][2] = "性能新"
        expected[20][2] = "性能新"
        #expect(fields(sheet) == expected)
        #expect(fields(sheet)[19] == ["20", "アプリケーション運用", "性能新", "遅延", "処理の応答時間の遅延継続時間", "時間（分）", "非公開"])
        #expect(sheet.rows[19].categoryColumn == 4)
        #expect(sheet.warnings.map(\.formatted) == [
            "sheet.tsv:7:32: warning: column '備考' is not imported\n  hint: the importer reads the columns No., 種別, サービスレベル項目, 規定内容, 測定単位, 設定等; this column's cells are left out",
        ])
        // The import then says the category is new, at its cell.
        let sections = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.configuration.sections)
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: nil, glossary: nil, sections: sections)
        #expect(outcome.warnings.map(\.formatted) == [
            "sheet.tsv:5:1: warning: the export's edition line says '2025年3月7日版', not the date of the import, 2025-09-01\n  hint: the revision is titled '2025年9月1日版'; check that this is the export of 2025-09-01, or import it with the date its edition line names",
            "sheet.tsv:28:4: warning: category '性能新' is not listed under section 'アプリケーション運用' in site.yml\n  hint: add it to that section's `categories` in site.yml, with its English name, before building; the revision cannot build until then",
        ])
    }

    /// Repro B: a new category and an empty answer were read as a row that lost its category cell, answer = the unit.
    /// The unit stands where the sheet's units stand (時間（分） is items 16's and 21's), so the row is read in place.
    @Test func aNewCategoryWithAnEmptyAnswerIsAnEmptyAnswer() {
        let text = Self.seedText.replacingOccurrences(of: "\n20\t\t遅延\t処理の応答時間の遅延継続時間\t時間（分）\t非公開\n",
                                                      with: "\n20\t性能新\t遅延\t処理の応答時間の遅延継続時間\t時間（分）\t\n")
        #expect(text != Self.seedText)
        #expect(errors(read(text)) == [
            "sheet.tsv:28:32: error: item 20 has no 設定等\n  hint: fill in every column of the item's row; if its 種別 cell was deleted and the cells after it moved one to the left, move them back under their headers",
        ])
        // With a category the sheet knows, the same row was always this error, with the plain hint.
        let known = Self.seedText.replacingOccurrences(of: "\t時間（分）\t非公開\n21", with: "\t時間（分）\t\n21")
        #expect(errors(read(known)) == ["sheet.tsv:28:29: error: item 20 has no 設定等\n  hint: fill in every column of the item's row"])
    }

    /// Rows that did lose their category cell still read as meant, in a padded export with a column after the answer
    /// (items 38 and 40–49 of the seed, checked against the seed by the test above), and in the swapped-columns export.
    /// When the cells cannot tell, a row that has a cell under the last column is read in place (and refused), and
    /// one without is taken as short.
    @Test func whenTheCellsCannotTellOnlyARowWithoutItsLastCellIsShort() throws {
        let head = "No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等\nアプリケーション運用\n1\t可用性\tサービス時間\tサービスを提供する時間帯\t時間帯\t24時間\n"
        #expect(errors(read(head + "2\t監視\t監視間隔\t監視\t分\t\n")) == [
            "sheet.tsv:4:16: error: item 2 has no 設定等\n  hint: fill in every column of the item's row; if its 種別 cell was deleted and the cells after it moved one to the left, move them back under their headers",
        ])
        let short = try read(head + "2\t監視\t監視間隔\t監視\t分\n").get()
        #expect(fields(short)[1] == ["2", "アプリケーション運用", "可用性", "監視", "監視間隔", "監視", "分"])
        // A filled cell after the last imported column would fall off: the row is read where it stands.
        let noted = "No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等\t備考\nアプリケーション運用\n1\t可用性\tサービス時間\tサービスを提供する時間帯\t時間帯\t24時間\t\n"
        #expect(errors(read(noted + "2\t監視間隔\t障害を監視する間隔\t分\t1分\t\tメモ\n")) == [
            "sheet.tsv:1:32: warning: column '備考' is not imported\n  hint: the importer reads the columns No., 種別, サービスレベル項目, 規定内容, 測定単位, 設定等; this column's cells are left out",
            "sheet.tsv:4:23: error: item 2 has no 設定等\n  hint: fill in every column of the item's row",
        ])
    }

    @Test func glossarySlugsAreURLNames() {
        let text = "no\titem_ja\tslug\n1\tサービス時間\t../../outside\n2\t計画停止予定通知\tsub/dir\n3\tサービス提供終了時の事前通知\tRTO Bad\n4\t突然の停止\t\n5\tサービス稼働率\tservice-availability\n6\tディザスタリカバリ\tservice-availability\n"
        guard case let .failure(error) = SlugGlossary.parse(text, file: "glossary.tsv") else {
            Issue.record("expected diagnostics")
            return
        }
        let hint = "\n  hint: use lower-case ASCII letters, digits and single hyphens, for example `encryption-in-transit`; a slug never changes once published"
        #expect(error.diagnostics.map(\.formatted) == [
            "glossary.tsv:2:10: error: slug '../../outside' is not a URL name" + hint,
            "glossary.tsv:3:12: error: slug 'sub/dir' is not a URL name" + hint,
            "glossary.tsv:4:18: error: slug 'RTO Bad' is not a URL name" + hint,
            "glossary.tsv:5:9: error: item 4 has an empty slug\n  hint: write the item's URL name, for example `encryption-in-transit`",
            "glossary.tsv:7:13: error: slug 'service-availability' is also given on line 6\n  hint: each item has its own slug",
        ])
    }

    @Test(arguments: ["sub/dir", "RTO Bad", "'../../outside'", "''", "-rto", "rto--x", "ｒｔｏ"])
    func frontMatterSlugsAreURLNames(slug: String) {
        let page = "---\nno: 1\nslug: \(slug)\nsection: a\ncategory: b\nitem: c\ndefinition: d\nunit: e\n---\nf\n"
        guard case let .failure(error) = ItemPage.parse(page, file: "x.md", language: .ja) else {
            Issue.record("slug \(slug) accepted")
            return
        }
        #expect(error.diagnostics.map(\.file) == ["x.md"])
        #expect(error.diagnostics.allSatisfy { $0.line == 3 })
    }

    // MARK: What the docs team's probe found (a new item under an old number, Shift_JIS variants, downloads, cells)

    /// Row 12 replaced by another item (every cell differs): the number alone does not give it 障害発生件数's slug and
    /// English; it is new, with a provisional slug and a warning naming the old item, which is removed.
    @Test func aNewItemUnderAnOldNumberIsNewNotTheOldItem() throws {
        let previous = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        var sheet = try importSeed(Self.formats[0]).0
        sheet.rows[11] = ImportedSheet.Row(no: 12, section: "アプリケーション運用", category: "信頼性", item: "多要素認証",
                                           definition: "管理者のログインに多要素認証を必須とする", unit: "有無", answer: "有", line: 20)
        let outcome = RevisionImport.make(sheet, date: "2025-03-07", previous: previous, glossary: nil)
        #expect(outcome.provisionalSlugs.map(\.slug) == ["item-12"])
        #expect(outcome.needsEnglish.map(\.slug) == ["item-12"])
        #expect(outcome.removed.map(\.slug) == ["failure-count"])
        #expect(outcome.files.contains { $0.path == "ja/12-item-12.md" })
        #expect(!outcome.files.contains { $0.path.hasPrefix("en/12-") })
        #expect(outcome.warnings.map(\.formatted) == [
            "checksheet-2025-03-07.tsv:20: warning: item 12 '多要素認証' has the number of 'failure-count' (障害発生件数) of an earlier revision, but neither its name nor its definition: it is a new item, with the provisional slug 'item-12'\n  hint: if it is that item rewritten, keep its name or its definition in this import and change the rest afterwards, so that it keeps its URL and English; otherwise name its slug before publishing",
        ])
        // Renamed but with the same definition, it is the same item: its slug stays, its English is carried (pending).
        sheet.rows[11].definition = try #require(previous.item("failure-count", .ja)).definition
        let renamed = RevisionImport.make(sheet, date: "2025-03-07", previous: previous, glossary: nil)
        #expect(renamed.provisionalSlugs.isEmpty && renamed.warnings.isEmpty && renamed.removed.isEmpty)
        #expect(renamed.files.contains { $0.path == "en/12-failure-count.md" })
    }

    /// The same workbook saved as Shift_JIS and read through the other table: each of the seven pairs is one character,
    /// so text that differs from the earlier revision's only by them is the earlier text, unchanged, nothing pending.
    @Test func shiftJISVariantCharactersAreNoChange() throws {
        #expect(ShiftJISVariants.pairs.count == 7)
        for pair in ShiftJISVariants.pairs {
            #expect(ShiftJISVariants.same("平日 9:00\(pair.jis)18:00", "平日 9:00\(pair.cp932)18:00"))
            #expect(ShiftJISVariants.same("\(pair.cp932)", "\(pair.jis)"))
        }
        #expect(!ShiftJISVariants.same("9:00〜18:00", "9:00-18:00"))
        #expect(!ShiftJISVariants.same("〜", "〜〜"))

        var previous = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        var items = previous.items
        let hours = try #require(items.ja.firstIndex { $0.slug == "service-hours" })
        items.ja[hours].answer = "平日 9:00～18:00、" + ShiftJISVariants.pairs.map { String($0.cp932) }.joined()
        items.ja[hours].item = "サービス時間～"
        previous.items = items
        var sheet = try importSeed(Self.formats[0]).0
        sheet.rows[0].answer = "平日 9:00〜18:00、" + ShiftJISVariants.pairs.map { String($0.jis) }.joined()
        sheet.rows[0].item = "サービス時間〜"
        // Item 5's definition has － (U+FF0D); the other table reads − (U+2212).
        sheet.rows[4].definition = sheet.rows[4].definition.replacingOccurrences(of: "－", with: "−")
        #expect(sheet.rows[4].definition.contains("−"))
        let outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil)
        #expect(outcome.needsEnglish.isEmpty)
        #expect(outcome.provisionalSlugs.isEmpty)
        let page = try #require(outcome.files.first { $0.path == "ja/01-service-hours.md" })
        #expect(String(decoding: page.contents, as: UTF8.self).contains("\nitem: サービス時間～\n"))
        #expect(String(decoding: page.contents, as: UTF8.self).hasSuffix("---\n平日 9:00～18:00、～－∥￠￡￢―\n"))
        let availability = try #require(outcome.files.first { $0.path == "ja/05-availability-rate.md" })
        #expect(String(decoding: availability.contents, as: UTF8.self).contains("(計画サービス時間－停止時間)"))
        // A new item keeps what the file says.
        sheet.rows.append(ImportedSheet.Row(no: 50, section: "セキュリティ", category: "セキュリティ", item: "受付時間", definition: "問い合わせ受付", unit: "時間帯", answer: "9:00〜18:00", line: 70))
        let added = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil)
        #expect(added.files.first { $0.path == "ja/50-item-50.md" }.map { String(decoding: $0.contents, as: UTF8.self).hasSuffix("---\n9:00〜18:00\n") } == true)
    }

    /// A row without its 種別 cell and with an empty answer names the one empty cell, where it stands, not "no unit".
    @Test func aRowWithoutItsCategoryCellNamesExactlyItsEmptyCells() {
        for ending in ["\t", ""] {
            let text = Self.seedText.replacingOccurrences(of: "\n42\t通信の暗号化レベル\tシステムとやりとりされる通信の暗号化強度\t有無\t有。TLS 1.2\n",
                                                          with: "\n42\t通信の暗号化レベル\tシステムとやりとりされる通信の暗号化強度\t有無\(ending)\n")
            #expect(text != Self.seedText)
            #expect(errors(read(text)) == [
                "sheet.tsv:55:38: error: item 42 has no 設定等\n  hint: fill in every column of the item's row; the row has no 種別 cell, so its cells were read one column to the right of where they stand",
            ])
        }
        // Two empty cells of a row read in place: each at its own column.
        let head = "No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等\nアプリケーション運用\n"
        #expect(errors(read(head + "1\t可用性\tサービス時間\t\t時間帯\t\n")) == [
            "sheet.tsv:3:14: error: item 1 has no 規定内容\n  hint: fill in every column of the item's row",
            "sheet.tsv:3:19: error: item 1 has no 設定等\n  hint: fill in every column of the item's row",
        ])
    }

    /// The site's English download holds English cells: one error says what it is and what to import instead.
    @Test func theEnglishDownloadIsRefusedWithOneError() {
        let table = SheetTable(language: .en, date: "2025-03-07", title: "t", items: [], baseURL: "https://example.com/")
        let text = String(decoding: table.csv(), as: UTF8.self).droppingByteOrderMark()
        #expect(errors(read(text, file: "checksheet-2025-03-07.csv")) == [
            "checksheet-2025-03-07.csv:1:68: error: this is the site's English download (its column 'Provider's response'): the import makes the Japanese pages, from Japanese cells\n  hint: import the Japanese download of the same revision, ja/downloads/checksheet-DATE.csv or .xlsx, or the sheet exported from Excel",
        ])
    }

    /// site.yml gives a category's English name whenever it lists the Japanese one: a renamed English name is not
    /// carried over from the earlier revision's pages.
    @Test func theEnglishCategoryComesFromSiteYml() throws {
        let loaded = ContentLoader.load(ContentSource.read(from: Repository.content))
        let previous = try #require(loaded.sheet?.current)
        var sections = try #require(loaded.sheet?.configuration.sections)
        let section = try #require(sections.firstIndex { $0.name.ja == "アプリケーション運用" })
        let category = try #require(sections[section].categories.firstIndex { $0.ja == "性能" })
        sections[section].categories[category].en = "Performance and capacity"
        let outcome = RevisionImport.make(try importSeed(Self.formats[0]).0, date: "2025-09-01", previous: previous, glossary: nil, sections: sections)
        let pages = outcome.files.filter { $0.path.hasPrefix("en/") && String(decoding: $0.contents, as: UTF8.self).contains("\ncategory: Performance") }
        #expect(pages.map(\.path) == ["en/19-response-time.md", "en/20-response-delay.md", "en/21-batch-processing-time.md"])
        #expect(pages.allSatisfy { String(decoding: $0.contents, as: UTF8.self).contains("\ncategory: Performance and capacity\n") })
    }
}
