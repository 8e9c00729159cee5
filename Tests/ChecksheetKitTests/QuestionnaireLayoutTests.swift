import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// Customers' forms as they come: a title and blank rows above the header, section headings inside the table, an
/// answer column of their own. The header, questions and answer column are found as a person finds them.
@Suite struct QuestionnaireLayoutTests {
    static let titled = "Cloud vendor security questionnaire,,,\r\n,,,\r\nNo.,Question,Answer,Remarks\r\n1. Data protection,,,\r\n"
        + "1,How long are backups retained?,,\r\n2,Is customer data encrypted at rest?,,Return by 30 June\r\n,Access control,,\r\n"
        + "3,Do you support single sign-on (SSO)?,,\r\n"

    @Test func theHeaderIsTheRowOfColumnNamesUnderTheTitle() throws {
        let questionnaire = try Questionnaire.read(Data(Self.titled.utf8), file: "q.csv").get()
        #expect(questionnaire.headerRow == 2)
        #expect(questionnaire.column == 1)
        #expect(questionnaire.answerColumn == 2)
        // The title, the blank row, the header, `1. Data protection` (no question cell) and `Access control` (a heading:
        // the questions are numbered, it is not) are not questions.
        #expect(questionnaire.questions == [.init(row: 5, text: "How long are backups retained?"), .init(row: 6, text: "Is customer data encrypted at rest?"),
                                            .init(row: 8, text: "Do you support single sign-on (SSO)?")])
        let named = try Questionnaire.read(Data(Self.titled.utf8), file: "q.csv", column: .name("Question")).get()
        #expect(named.headerRow == 2 && named.column == 1 && named.answerColumn == 2)
        #expect(named.questions.map(\.row) == [5, 6, 8])
        #expect(try Questionnaire.read(Data(Self.titled.utf8), file: "q.csv", column: .number(2)).get().questions.map(\.row) == [5, 6, 8])
        #expect(try Questionnaire.read(Data(Self.titled.utf8), file: "q.csv", answerColumn: .name("remarks")).get().answerColumn == 3)
        guard case let .failure(error) = Questionnaire.read(Data(Self.titled.utf8), file: "q.csv", column: .name("Frage")) else {
            Issue.record("an unknown column name was accepted")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == ["q.csv: error: no column is named 'Frage'\n  hint: row 3 names 'No.', 'Question', 'Answer', 'Remarks'"])
    }

    @Test func japaneseHeadersWithANoteInBrackets() throws {
        let text = "セキュリティチェックシート\t\t\t\n\t\t\t\n項番\t確認事項\t回答（はい／いいえでお答えのうえ、該当する場合は根拠となる資料の名称と版をご記入ください）\t備考\n1\t保存データは暗号化されていますか？\t\t\n"
            + "2\tバックアップの保管期間を記載してください。\t\t\n"
        let questionnaire = try Questionnaire.read(Data(text.utf8), file: "q.tsv").get()
        #expect(questionnaire.headerRow == 2)
        #expect(questionnaire.column == 1)
        #expect(questionnaire.answerColumn == 2)
        #expect(questionnaire.questions.map(\.row) == [4, 5])
    }

    @Test func aHeaderOfUnknownNamesUnderATitleIsStillTheHeader() throws {
        let text = "Vendor assessment 2025,,\r\n,,\r\nRef#,Description,Vendor reply\r\n1,How long are backups retained?,\r\n2,Is data encrypted at rest?,\r\n"
        let questionnaire = try Questionnaire.read(Data(text.utf8), file: "q.csv").get()
        #expect(questionnaire.headerRow == 2)
        #expect(questionnaire.answerColumn == nil)
        #expect(questionnaire.questions.map(\.row) == [4, 5])
    }

    @Test func withoutARecognisableHeaderTheFirstRowDecidesAsBefore() throws {
        let headerless = try Questionnaire.read(Data("Q1\tDo you back up data daily?\nQ2\tIs TLS used?\n".utf8), file: "paste.tsv").get()
        #expect(headerless.headerRow == nil && headerless.firstQuestionRow == 0)
        #expect(headerless.questions.map(\.row) == [1, 2])
        let unknownNames = try Questionnaire.read(Data("Foo,Bar\n1,How long are backups retained?\n".utf8), file: "q.csv").get()
        #expect(unknownNames.headerRow == 0)
        #expect(unknownNames.questions.map(\.row) == [2])
        let text = try Questionnaire.read(Data("Question\nIs data encrypted in transit?\n".utf8), file: "q.txt").get()
        #expect(text.headerRow == 0)
        #expect(text.questions.map(\.row) == [2])
        // Without numbers, a row with the question cell alone is a question (there is no telling it from a heading).
        let unnumbered = try Questionnaire.read(Data("Question,Answer\nBackup policy\nHow long are backups retained?,\n".utf8), file: "q.csv").get()
        #expect(unnumbered.questions.map(\.row) == [2, 3])
    }

    @Test func aHeadingMergedAcrossTheTableIsNoQuestion() throws {
        var questionnaire = try Questionnaire.read(Data("Question,Answer\nBackup policy,\nHow long are backups retained?,\n".utf8), file: "q.csv").get()
        questionnaire.merges = [Questionnaire.Merge(rows: 1...1, columns: 0...1)]
        #expect(questionnaire.questions.map(\.row) == [3])
        // A question cell merged over columns of its own (no other header) is still a question.
        questionnaire.merges = [Questionnaire.Merge(rows: 2...2, columns: 0...0)]
        #expect(questionnaire.questions.map(\.row) == [2, 3])
    }
}
