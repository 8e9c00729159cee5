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

    /// An instruction sentence of one cell above the table (it ends in `。` or `.`, as a question does) is a title: the
    /// header under it is found, its `質問` is no question and the customer's `回答欄` is the answer column.
    @Test func anInstructionAboveTheHeaderIsATitle() throws {
        let japanese = "クラウドサービス利用に関するセキュリティチェックシート\t\t\t\t\n貴社名：\t\t記入日：\t\t\n"
            + "※各質問について選択欄で「はい／いいえ」を選び、回答欄に具体的な内容を記載してください。\t\t\t\t\n\t\t\t\t\n"
            + "No.\t質問\t選択（はい／いいえ）\t回答欄\t備考\n1. 組織\t\t\t\t\n1-1\t情報セキュリティ基本方針を策定し、全従業員に周知していますか。\t\t\t\n"
            + "1-2\t情報セキュリティの責任者（CISO等）を任命していますか。\t\t\t\n"
        let questionnaire = try Questionnaire.read(Data(japanese.utf8), file: "q.tsv").get()
        #expect(questionnaire.headerRow == 4)
        #expect(questionnaire.column == 1)
        #expect(questionnaire.answerColumn == 3)
        #expect(questionnaire.questions.map(\.row) == [7, 8])
        let english = try Questionnaire.read(Data(Self.caiq.utf8), file: "q.csv").get()
        #expect(english.headerRow == 3)
        #expect(english.column == 1)
        #expect(english.questions.first?.text == "Do you build security into your software development lifecycle?")
    }

    static let caiq = "Vendor Security Questionnaire (CAIQ-Lite based),,,\r\n"
        + "\"Please answer Yes, No or NA for each control and explain in Notes.\",,,\r\n,,,\r\nControl ID,Question,Yes/No/NA,Notes\r\n"
        + ",Application & Interface Security,,\r\nAIS-01,Do you build security into your software development lifecycle?,,\r\n"
        + "AIS-02,Is all customer data sent over public networks encrypted with TLS 1.2 or higher?,,\r\n,Encryption & Key Management,,\r\n"
        + "EKM-01,Do you have documented key management policies and procedures?,,\r\n"

    /// CAIQ numbers its questions in a `Control ID` column (`AIS-01`): a domain heading without one is no question.
    @Test func controlIdentifiersNumberTheQuestions() throws {
        #expect(QuestionnaireColumn(header: "Control ID") == .number)
        #expect(QuestionnaireColumn(header: "Question ID") == .number)
        let questionnaire = try Questionnaire.read(Data(Self.caiq.utf8), file: "q.csv").get()
        #expect(questionnaire.questions.map(\.row) == [6, 7, 9])
        let noInstruction = Self.caiq.replacingOccurrences(of: "\"Please answer Yes, No or NA for each control and explain in Notes.\"", with: "")
        #expect(try Questionnaire.read(Data(noInstruction.utf8), file: "q.csv").get().questions.map(\.row) == [6, 7, 9])
    }

    /// Of two answer columns, the one whose name lists no choices takes the written answer.
    @Test func theAnswerColumnIsTheOneToWriteIn() throws {
        #expect(QuestionnaireColumn.listsChoices("回答（はい／いいえ）"))
        #expect(QuestionnaireColumn.listsChoices("Answer (Yes/No/NA)"))
        #expect(!QuestionnaireColumn.listsChoices("回答欄"))
        #expect(!QuestionnaireColumn.listsChoices("Answer (attach evidence where you can)"))
        let text = "No.\t質問\t回答（はい／いいえ）\t回答欄\n1\t保存データは暗号化されていますか？\t\t\n"
        #expect(try Questionnaire.read(Data(text.utf8), file: "q.tsv").get().answerColumn == 3)
        let swapped = "No.\t質問\t回答欄\t回答（はい／いいえ）\n1\t保存データは暗号化されていますか？\t\t\n"
        #expect(try Questionnaire.read(Data(swapped.utf8), file: "q.tsv").get().answerColumn == 2)
    }

    /// Standard error names columns by letter (`column C 'Question'`): `--column` and `--answer-column` take those letters
    /// as well as names and numbers. A header named like the letters wins, as names were all a column was given by.
    @Test func aColumnIsGivenByItsLetters() throws {
        let text = "Ref,Question,C,Notes\r\n1,How long are backups retained?,,\r\n2,Do you support single sign-on (SSO)?,,\r\n"
        func read(_ column: Questionnaire.Column?, _ answerColumn: Questionnaire.Column?) -> Result<Questionnaire, DiagnosticsError> {
            Questionnaire.read(Data(text.utf8), file: "q.csv", column: column, answerColumn: answerColumn)
        }
        let lettered = try read(.name("B"), .name("d")).get()
        #expect((lettered.headerRow, lettered.column, lettered.answerColumn) == (0, 1, 3))
        #expect(lettered.questions.map(\.row) == [2, 3])
        #expect(try read(.init("B"), .init("4")).get().answerColumn == 3)
        // `C` is a header's name: that column, which here is column C too; `Notes` by name as before.
        #expect(try read(nil, .name("C")).get().answerColumn == 2)
        #expect(try read(nil, .name("notes")).get().answerColumn == 3)
        let named = "Ref,Question,D,C\r\n1,How long are backups retained?,,\r\n"
        #expect(try Questionnaire.read(Data(named.utf8), file: "q.csv", answerColumn: .name("C")).get().answerColumn == 3)
        guard case let .failure(error) = read(.name("Z"), nil), case let .failure(answerError) = read(nil, .name("aa")) else {
            Issue.record("a column past the table was accepted")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == ["q.csv: error: there is no column Z: the questionnaire has 4, A to D\n"
            + "  hint: give a letter from A to D, a number from 1 to 4 or a header's name"])
        #expect(answerError.diagnostics.map(\.formatted) == ["q.csv: error: there is no column AA: the questionnaire has 4, A to D\n"
            + "  hint: give a letter from A to D, a number from 1 to 4 or a header's name"])
        #expect([Questionnaire.columnNumber(letters: "A"), Questionnaire.columnNumber(letters: "ab"), Questionnaire.columnNumber(letters: "XFD"),
                 Questionnaire.columnNumber(letters: "Frage"), Questionnaire.columnNumber(letters: "A1"), Questionnaire.columnNumber(letters: "Ａ")]
            == [1, 28, 16384, nil, nil, nil])
    }

    @Test func aHeaderOfUnknownNamesUnderATitleIsStillTheHeader() throws {
        let text = "Vendor assessment 2025,,\r\n,,\r\nRef#,Description,Vendor reply\r\n1,How long are backups retained?,\r\n2,Is data encrypted at rest?,\r\n"
        let questionnaire = try Questionnaire.read(Data(text.utf8), file: "q.csv").get()
        #expect(questionnaire.headerRow == 2)
        // `Vendor reply` is no listed name, but its word says it takes the answers.
        #expect(questionnaire.answerColumn == 2)
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
