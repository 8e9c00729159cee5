import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// Answers written where the customer's form expects them: a header named on two rows (`事業者記入欄` merged over
/// `回答 | 補足`), the written answer beside a はい／いいえ dropdown rather than in it, answers to review marked in the
/// cell that holds them and named in the status column.
@Suite struct QuestionnaireAnswerPlaceTests {
    /// A municipality's form: title, a header whose group `事業者記入欄` (C3:D3) names `回答` (a dropdown) and `補足` on
    /// row 4, the other names merged over both rows; three questions on rows 5 to 7.
    static let folder = Repository.fixtures + "/questionnaires/group-header-workbook"
    static let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!
    static let sheetPath = "xl/worksheets/sheet1.xml"

    /// The form answered in Japanese, the statuses set here rather than by the ranking: row 5 answered by item 33
    /// (`有`), row 6 to review with item 30 (`72時間`), row 7 not covered.
    static func answers(_ package: Data, statuses: [QuestionAnswer.Status] = [.answered, .review, .none]) throws -> QuestionnaireAnswers {
        let questionnaire = try Questionnaire.read(package, file: "form.xlsx").get()
        var answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: .ja))
        let matches = [QuestionAnswer.Match(slug: "data-encryption", no: 33, title: "", score: 5, coverage: 1),
                       QuestionAnswer.Match(slug: "backup-retention", no: 30, title: "", score: 3, coverage: 0.5),
                       QuestionAnswer.Match(slug: "service-hours", no: 1, title: "", score: 1, coverage: 0.2)]
        for (index, status) in statuses.enumerated() { answers.rows[index].answer = QuestionAnswer(status: status, matches: [matches[index]]) }
        return answers
    }

    static func part(_ path: String, of package: Data) throws -> String {
        String(decoding: try #require(try FixtureWorkbook.parts(package).first { $0.path == path }).contents, as: UTF8.self)
    }

    static func cell(_ reference: String, _ text: String, style: String = "") -> String {
        #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c>"#
    }

    /// The group's names on the row under the header are the columns' names: `回答` and `補足` are found, by the
    /// reading and by `--answer-column`, and the row that names them is no question.
    @Test func aHeaderNamedOnTwoRowsNamesTheAnswerColumns() throws {
        let package = try FixtureWorkbook.package(Self.folder)
        let questionnaire = try Questionnaire.read(package, file: "form.xlsx").get()
        #expect(questionnaire.headerRow == 2)
        #expect(questionnaire.namesRow == 3)
        #expect(questionnaire.firstQuestionRow == 4)
        #expect(questionnaire.columnNames == ["項番", "チェック項目", "回答", "補足", "本市確認欄"])
        #expect(questionnaire.questions.map(\.row) == [5, 6, 7])
        #expect(try Questionnaire.read(package, file: "form.xlsx", answerColumn: .name("補足")).get().answerColumn == 3)
        #expect(try Questionnaire.read(package, file: "form.xlsx", answerColumn: .number(4)).get().answerColumn == 3)
        guard case let .failure(error) = Questionnaire.read(package, file: "form.xlsx", answerColumn: .name("Comments")) else {
            Issue.record("a column no header row names was found")
            return
        }
        #expect(error.diagnostics == [Diagnostic(file: "form.xlsx", message: "no column is named 'Comments'",
                                                  hint: "rows 3 and 4 name '項番', 'チェック項目', '回答', '補足', '本市確認欄'")])
        // The same header in a CSV: the group is a name followed by a blank cell.
        let csv = Data("項番,チェック項目,事業者記入欄,,本市確認欄\r\n,,回答,補足,\r\n1-1,保存データは暗号化されているか。,,,\r\n".utf8)
        let text = try Questionnaire.read(csv, file: "form.csv").get()
        #expect((text.headerRow, text.namesRow, text.answerColumn, text.choiceColumn) == (0, 1, 2, nil))
        #expect(text.questions.map(\.row) == [3])
        // A row under the header that is a question or a heading names nothing.
        #expect(Questionnaire.namesRow(under: 0, rows: [["No.", "Question", "Answer", ""], ["1", "Is data encrypted?", "", ""]], merges: []) == nil)
        #expect(Questionnaire.namesRow(under: 0, rows: [["No.", "Question", "Answer", ""], ["Backup", "", "", ""]], merges: []) == nil)
    }

    /// `回答` is a はい／いいえ dropdown: the written answer goes into `補足` beside it, the dropdown is left for the
    /// customer to choose in, and an answer to review is marked with a fill and its status says which item to check.
    @Test func theWrittenAnswerGoesBesideTheDropdownAndAReviewIsMarked() throws {
        let package = try FixtureWorkbook.package(Self.folder)
        let answers = try Self.answers(package)
        #expect((answers.questionnaire.answerColumn, answers.questionnaire.choiceColumn) == (3, 2))
        #expect(answers.reviewRows == [5])
        #expect(answers.answerPlacement == "answers written into column D '補足': column C '回答' is a dropdown, left for the customer to choose in")
        let output = try answers.xlsx()
        let url = "https://checksheet.example.com/ja/items/"
        func cell(_ reference: String, _ text: String, style: String = "") -> String { Self.cell(reference, text, style: style) }
        // The added header cells look like the header cell left of them, E3.
        let header = #" s="2""#
        var expected = try Self.part(Self.sheetPath, of: package)
        for (old, new) in [
            (#"<dimension ref="A1:E7"/>"#, #"<dimension ref="A1:K7"/>"#),
            (#"<row r="3" spans="1:5">"#, #"<row r="3" spans="1:11">"#),
            (#"<c r="E3" s="2" t="s"><v>4</v></c></row>"#, #"<c r="E3" s="2" t="s"><v>4</v></c>"# + cell("F3", "ステータス", style: header)
                + cell("G3", "No.", style: header) + cell("H3", "サービスレベル項目", style: header) + cell("I3", "版", style: header)
                + cell("J3", "URL", style: header) + cell("K3", "確度", style: header) + "</row>"),
            (#"<row r="5" spans="1:5">"#, #"<row r="5" spans="1:11">"#),
            (#"<c r="C5" s="4"/><c r="D5" s="3"/><c r="E5" s="3"/></row>"#, #"<c r="C5" s="4"/>"# + cell("D5", "有", style: #" s="3""#) + #"<c r="E5" s="3"/>"#
                + cell("F5", "answered") + cell("G5", "33") + cell("H5", "データ保護のための暗号化要件") + cell("I5", "2025-03-07")
                + cell("J5", url + "data-encryption/") + cell("K5", "100%") + "</row>"),
            (#"<row r="6" spans="1:5">"#, #"<row r="6" spans="1:11">"#),
            (#"<c r="C6" s="4"/><c r="D6" s="3"/><c r="E6" s="3"/></row>"#, #"<c r="C6" s="4"/>"# + cell("D6", "72時間", style: #" s="5""#) + #"<c r="E6" s="3"/>"#
                + cell("F6", "要確認: 候補の項目 No. 30") + cell("G6", "30") + cell("H6", "バックアップデータの保存期間") + cell("I6", "2025-03-07")
                + cell("J6", url + "backup-retention/") + cell("K6", "50%") + "</row>"),
            (#"<row r="7" spans="1:5">"#, #"<row r="7" spans="1:6">"#),
            (#"<c r="E7" s="3"/></row>"#, #"<c r="E7" s="3"/>"# + cell("F7", "none") + "</row>"),
        ] {
            #expect(expected.contains(old), "\(old)")
            expected = expected.replacingOccurrences(of: old, with: new)
        }
        #expect(try Self.part(Self.sheetPath, of: output) == expected)

        // The styles get the mark's fill and one copy of the review cell's format with it; every index the customer's
        // cells use keeps its meaning, and every other part is kept byte for byte.
        let fill = #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>"#
        let copy = #"<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyBorder="1" applyAlignment="1" applyFill="1"><alignment vertical="top" wrapText="1"/></xf>"#
        var styles = try Self.part("xl/styles.xml", of: package)
        for (old, new) in [(#"<fills count="3">"#, #"<fills count="4">"#), ("</fills>", fill + "</fills>"),
                           (#"<cellXfs count="5">"#, #"<cellXfs count="6">"#), ("</cellXfs>", copy + "</cellXfs>")] {
            #expect(styles.contains(old), "\(old)")
            styles = styles.replacingOccurrences(of: old, with: new)
        }
        #expect(try Self.part("xl/styles.xml", of: output) == styles)
        let before = try FixtureWorkbook.parts(package), after = try FixtureWorkbook.parts(output)
        #expect(after.map(\.path) == before.map(\.path))
        #expect(zip(before, after).filter { $0.contents != $1.contents }.map(\.0.path) == ["xl/styles.xml", Self.sheetPath])

        // A CSV of the same answers: the status is the CSV's field, the dropdown column empty.
        #expect(answers.table[5] == ["1-2", "バックアップデータの保存期間を記載すること。", "", "72時間", "", "要確認: 候補の項目 No. 30", "30",
                                     "バックアップデータの保存期間", "2025-03-07", url + "backup-retention/", "50%"])
        let json = try #require(try JSONSerialization.jsonObject(with: answers.json()) as? [[String: Any]])
        #expect(json.map { $0["status"] as? String } == ["answered", "review", "none"])
    }

    /// The answered workbook answered again: the mark's fill and format are reused, not added twice, and an answer no
    /// longer to review gets its cell's own format back.
    @Test func answeringAgainReusesTheMarkAndUnmarksWhatIsNoLongerToReview() throws {
        let first = try Self.answers(try FixtureWorkbook.package(Self.folder)).xlsx()
        let again = try Self.answers(first).xlsx()
        #expect(try Self.part("xl/styles.xml", of: again) == Self.part("xl/styles.xml", of: first))
        #expect(try Self.part(Self.sheetPath, of: again) == Self.part(Self.sheetPath, of: first))

        let settled = try Self.answers(first, statuses: [.answered, .answered, .none]).xlsx()
        #expect(try Self.part("xl/styles.xml", of: settled) == Self.part("xl/styles.xml", of: first))
        let sheet = try Self.part(Self.sheetPath, of: settled)
        #expect(sheet.contains(Self.cell("D6", "72時間", style: #" s="3""#)))
        #expect(sheet.contains(Self.cell("F6", "answered")))
        // The earlier answer's review status is known as the answer's: a question no longer covered loses it.
        let dropped = try Self.part(Self.sheetPath, of: try Self.answers(first, statuses: [.answered, .none, .none]).xlsx())
        #expect(dropped.contains(#"<c r="D6" s="3"/>"#))
    }

    /// A dropdown with no remarks column beside it: the dropdown stays empty and the answer goes into an added column,
    /// its name qualified since the form's own `回答` is the dropdown.
    @Test func aDropdownWithNoRemarksColumnGetsTheAnswerInAnAddedColumn() throws {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        let strings = folder + "/xl/sharedStrings.xml"
        try String(contentsOfFile: strings, encoding: .utf8).replacingOccurrences(of: "<t>補足</t>", with: "<t>評価</t>")
            .write(toFile: strings, atomically: true, encoding: .utf8)
        let answers = try Self.answers(try FixtureWorkbook.package(folder))
        #expect((answers.questionnaire.answerColumn, answers.questionnaire.choiceColumn) == (nil, 2))
        #expect(answers.answerPlacement == "answers written into column I 'チェックシートの回答', added: column C '回答' is a dropdown, left for the customer "
            + "to choose in, and no remarks column (Comments, 備考…) stands beside it")
        #expect(answers.table[2] == ["項番", "チェック項目", "事業者記入欄", "", "本市確認欄", "ステータス", "No.", "サービスレベル項目", "チェックシートの回答",
                                     "版", "URL", "確度"])
        #expect(Array(answers.table[4].prefix(9)) == ["1-1", "保存データは暗号化されているか。", "", "", "", "answered", "33", "データ保護のための暗号化要件", "有"])
        #expect(answers.reviewRows == [5])
        let sheet = try Self.part(Self.sheetPath, of: try answers.xlsx())
        // The added answer cell had no style: it takes a copy of the default format with the mark.
        #expect(sheet.contains(Self.cell("I6", "72時間", style: #" s="5""#)))
        #expect(sheet.contains(#"<c r="C6" s="4"/>"#))
    }

    /// The form with its files changed: each (part, old, new) replaced once.
    static func changed(_ changes: [(part: String, old: String, new: String)]) throws -> Data {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        for change in changes {
            let path = folder + "/" + change.part
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(change.old), "\(change.old)")
            try text.replacingOccurrences(of: change.old, with: change.new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return try FixtureWorkbook.package(folder)
    }

    /// A CAIQ's `Yes/No/NA` over a list validation is where the customer answers, though no answer column is named: the
    /// written answer goes into the remarks column beside it (it went into an added `Answer` column, and `補足` stayed
    /// empty). The same header with no dropdown under it (a CSV) names no column.
    @Test func aHeaderListingADropdownsChoicesIsTheAnswerColumn() throws {
        for choices in ["Yes/No/NA", "Y/N", "はい／いいえ", "○/×/－", "有/無"] {
            let package = try Self.changed([("xl/sharedStrings.xml", "<t>回答</t>", "<t>\(choices)</t>")])
            let answers = try Self.answers(package)
            #expect((answers.questionnaire.answerColumn, answers.questionnaire.choiceColumn) == (3, 2), "\(choices)")
            #expect(answers.answerPlacement == "answers written into column D '補足': column C '\(choices)' is a dropdown, left for the customer to choose in")
            #expect(answers.filledCells[4]?[3] == "有")
            #expect(answers.filledCells[4]?[2] == nil)
            #expect(answers.addedHeaders == ["ステータス", "No.", "サービスレベル項目", "版", "URL", "確度"])
        }
        let csv = "Control ID,Question,Yes/No/NA,Comments\r\nAIS-01,Is customer data encrypted at rest?,,\r\n"
        let text = try Questionnaire.read(Data(csv.utf8), file: "caiq.csv").get()
        #expect((text.answerColumn, text.choiceColumn) == (nil, nil))
        #expect(!QuestionnaireColumn.namesChoices("Vendor/Product name") && !QuestionnaireColumn.namesChoices("Comments"))
    }

    /// The columns added right of the table look like its last column: their header cells take E3's style, the columns
    /// E's width, and the autoFilter that ended at E covers them (it ended at E, the added columns unstyled, narrow and
    /// out of the filter). Answered again, nothing is added twice.
    @Test func addedColumnsLookLikeTheTablesLastColumn() throws {
        let package = try Self.changed([
            (Self.sheetPath, #"<col min="4" max="4" width="40" customWidth="1"/></cols>"#,
             #"<col min="4" max="4" width="40" customWidth="1"/><col min="5" max="5" width="18.5" customWidth="1"/></cols>"#),
            (Self.sheetPath, "</sheetData><mergeCells", #"</sheetData><autoFilter ref="A4:E7"/><mergeCells"#),
        ])
        let output = try Self.answers(package).xlsx()
        let sheet = try Self.part(Self.sheetPath, of: output)
        #expect(sheet.contains(#"<col min="5" max="5" width="18.5" customWidth="1"/><col min="6" max="11" width="18.5" customWidth="1"/></cols>"#))
        #expect(sheet.contains(#"</sheetData><autoFilter ref="A4:K7"/><mergeCells"#))
        #expect(sheet.contains(#"<c r="E3" s="2" t="s"><v>4</v></c>"# + Self.cell("F3", "ステータス", style: #" s="2""#)
            + Self.cell("G3", "No.", style: #" s="2""#)))
        // The answer cells of the rows keep their own style (none), as before.
        #expect(sheet.contains(Self.cell("F5", "answered")))
        let again = try Self.part(Self.sheetPath, of: try Self.answers(output).xlsx())
        #expect(again == sheet)
    }
}
