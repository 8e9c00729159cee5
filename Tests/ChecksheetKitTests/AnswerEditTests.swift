import Testing
@testable import ChecksheetKit
import TestSupport

/// An answer with a link, a list or emphasis, downloaded as plain text, edited in a sheet and imported again: the edit
/// goes into the Markdown and the formatting stays, or the import says that it could not.
@Suite struct AnswerEditTests {
    static let formatted = "24時間365日（計画停止を除く）\n\n詳細は[稼働状況ページ](https://status.example.com/)を参照。\n\n- 計画停止: 月1回\n- 緊急保守: *随時*"

    func edited(_ change: (String) -> String) -> String? {
        let plain = Markdown.plainText(Self.formatted)
        return AnswerEdit.carried(into: Self.formatted, before: plain, after: change(plain))
    }

    @Test func anEditOfTextIsMadeInTheMarkdown() throws {
        #expect(try #require(edited { $0.replacingOccurrences(of: "月1回", with: "月2回") })
            == "24時間365日（計画停止を除く）\n\n詳細は[稼働状況ページ](https://status.example.com/)を参照。\n\n- 計画停止: 月2回\n- 緊急保守: *随時*")
        // Inside a link's text, inside emphasis, and the link's address as the download shows it.
        #expect(try #require(edited { $0.replacingOccurrences(of: "稼働状況", with: "ステータス") }).contains("詳細は[ステータスページ](https://status.example.com/)を参照。"))
        #expect(try #require(edited { $0.replacingOccurrences(of: "随時", with: "24時間以内") }).hasSuffix("- 緊急保守: *24時間以内*"))
        #expect(try #require(edited { $0.replacingOccurrences(of: "status.example.com", with: "status.example.jp") }).contains("(https://status.example.jp/)"))
        // Text added and text taken away.
        #expect(try #require(edited { $0.replacingOccurrences(of: "を参照。", with: "を参照してください。") }).contains(")を参照してください。\n"))
        #expect(try #require(edited { $0.replacingOccurrences(of: "（計画停止を除く）", with: "") }).hasPrefix("24時間365日\n\n詳細は["))
    }

    @Test func whatTheCellTypesIsTextNotMarkup() throws {
        // An asterisk typed in the sheet is an asterisk on the page.
        let carried = try #require(edited { $0.replacingOccurrences(of: "月1回", with: "月1回*") })
        #expect(carried.contains("- 計画停止: 月1回\\*\n"))
        #expect(Markdown.plainText(carried).contains("月1回*"))
    }

    @Test func anEditInSeveralPlacesIsMadeInEach() throws {
        let both = try #require(edited { $0.replacingOccurrences(of: "月1回", with: "月2回").replacingOccurrences(of: "稼働状況", with: "ステータス") })
        #expect(both == "24時間365日（計画停止を除く）\n\n詳細は[ステータスページ](https://status.example.com/)を参照。\n\n- 計画停止: 月2回\n- 緊急保守: *随時*")
        let three = try #require(edited { $0.replacingOccurrences(of: "365日", with: "365日体制").replacingOccurrences(of: "1回", with: "1回程度")
            .replacingOccurrences(of: "随時", with: "常時") })
        #expect(three.hasPrefix("24時間365日体制（") && three.contains("月1回程度\n") && three.hasSuffix("*常時*"))
        #expect(AnswerEdit.stretches(from: "a1b2c", to: "a9b8c") == ["a1b8c", "a9b8c"])
    }

    @Test func anEditAcrossTheFormattingIsNotPlaced() {
        // The bullet and the address in brackets are the download's, not the Markdown's.
        #expect(edited { $0.replacingOccurrences(of: "• 計画停止", with: "計画停止") } == nil)
        #expect(edited { $0.replacingOccurrences(of: "• ", with: "") } == nil)
        #expect(edited { $0.replacingOccurrences(of: "ページ (https://status.example.com/)を", with: "ページを") } == nil)
        // A text that stands twice goes where the result reads as the cell; where either place would, neither is taken.
        let twice = "[A](https://a.example/) 有\n\n- 有"
        let carried = AnswerEdit.carried(into: twice, before: Markdown.plainText(twice), after: Markdown.plainText(twice).replacingOccurrences(of: "• 有", with: "• 無"))
        #expect(carried == "[A](https://a.example/) 有\n\n- 無")
        let same = "*有* 有"
        // Text put between two stretches goes between them, inside no formatting.
        #expect(AnswerEdit.carried(into: same, before: "有 有", after: "有 無 有") == "*有* 無 有")
        #expect(AnswerEdit.carried(into: "*有* *有*", before: "有 有", after: "有 無") == "*有* *無*")
        #expect(AnswerEdit.carried(into: "有 *有*", before: "有 有", after: "無 無") == "無 *無*")
        #expect(AnswerEdit.carried(into: same, before: "有 有", after: "有 有。") == "*有* 有。")
    }

    @Test func formattingIsWhatACellCannotHold() {
        #expect(AnswerEdit.isFormatted(Self.formatted))
        #expect(AnswerEdit.isFormatted("**有**"))
        #expect(!AnswerEdit.isFormatted("有。TLS 1.2\\\n以上"))
        #expect(!AnswerEdit.isFormatted("24時間 \\< 48時間"))
    }

    /// Through the import: the real sheet with one answer formatted in the earlier revision, its text edited in the sheet.
    @Test func theImportKeepsTheFormattingOrSaysItCannot() throws {
        let content = ContentLoader.load(ContentSource.read(from: Repository.content))
        var previous = try #require(content.sheet?.current)
        let index = try #require(previous.items.ja.firstIndex { $0.slug == "service-hours" })
        previous.items.ja[index].answer = Self.formatted
        // The sheet as the site's CSV download gives it.
        let table = SheetTable(language: .ja, date: previous.date, title: "t", items: previous.items.ja, baseURL: "https://example.com/")
        let csv = String(decoding: table.csv(), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
        var sheet = try ImportedSheet.read(DelimitedText.parse(csv, delimiter: ","), file: "sheet.csv").get()
        let row = try #require(sheet.rows.firstIndex { $0.item == "サービス時間" })
        let page = "ja/01-service-hours.md"

        sheet.rows[row].answer = sheet.rows[row].answer.replacingOccurrences(of: "月1回", with: "月2回")
        var outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil)
        var written = String(decoding: try #require(outcome.files.first { $0.path == page }).contents, as: UTF8.self)
        #expect(written.hasSuffix("---\n" + Self.formatted.replacingOccurrences(of: "月1回", with: "月2回") + "\n"))
        #expect(!outcome.warnings.contains { $0.message.contains("formatting") })

        sheet.rows[row].answer = sheet.rows[row].answer.replacingOccurrences(of: "• ", with: "")
        outcome = RevisionImport.make(sheet, date: "2025-09-01", previous: previous, glossary: nil)
        written = String(decoding: try #require(outcome.files.first { $0.path == page }).contents, as: UTF8.self)
        #expect(!written.contains("](https://"))
        let warning = try #require(outcome.warnings.first { $0.message.contains("formatting") })
        let column = try #require(sheet.rows[row].columns[.answer])
        #expect(warning.formatted.hasPrefix("sheet.csv:\(sheet.rows[row].line):\(column): warning: the answer of 'service-hours' had formatting a cell cannot hold"))
        #expect(warning.hint?.hasPrefix("put the formatting back in the imported page ja/01-service-hours.md") == true)
    }
}
