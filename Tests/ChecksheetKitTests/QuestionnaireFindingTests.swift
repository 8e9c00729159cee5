import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// Questionnaires nobody tuned the reader for: a question column under a name of the customer's own, questions on a
/// second sheet or under a long cover block, sub-questions under a numbered question, headings in pasted text. Their
/// questions are found, and what was read is said.
@Suite struct QuestionnaireFindingTests {
    static let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!

    // MARK: The question column

    @Test func aHeaderNamesItsColumnByAWordOfIt() {
        #expect(QuestionnaireColumn(header: "Assessment Question") == .question)
        #expect(QuestionnaireColumn(header: "Security Requirement (describe)") == .question)
        #expect(QuestionnaireColumn(header: "ご質問事項") == .question)
        #expect(QuestionnaireColumn(header: "Vendor Response") == .answer)
        #expect(QuestionnaireColumn(header: "事業者回答") == .answer)
        #expect(QuestionnaireColumn(header: "質問への回答") == .answer)
        #expect(QuestionnaireColumn(header: "Vendor Comments") == .other)
        #expect(QuestionnaireColumn(header: "回答状況") == .other)
        // The last word decides: an identifier or a domain of a question or control is no question column.
        #expect(QuestionnaireColumn(header: "Control Domain") == .other)
        #expect(QuestionnaireColumn(header: "Requirement Ref") == .number)
        #expect(QuestionnaireColumn(header: "質問No.") == .number)
        // Choices, titles and questions name no column.
        #expect(QuestionnaireColumn(header: "Yes/No/N.A.") == nil)
        #expect(QuestionnaireColumn(header: "はい／いいえ") == nil)
        #expect(QuestionnaireColumn(header: "Security questions for your SaaS") == nil)
        #expect(QuestionnaireColumn(header: "Do you answer every question?") == nil)
        #expect(QuestionnaireColumn(header: "Questionnaire") == nil)
        #expect(!QuestionnaireColumn.isListed("セキュリティ確認事項") && QuestionnaireColumn.isListed("確認事項"))
    }

    static let assessment = "Third-Party Security Assessment (Lite) - v2.3,,,,\r\n"
        + "\"Please answer Yes, No or N/A for each question and give details in the comments column.\",,,,\r\n,,,,\r\n"
        + "Ref,Domain,Assessment Question,Yes/No/N.A.,Vendor Comments\r\n"
        + "BCR-01,Business Continuity Management,\"Is there a documented business continuity plan, and is it tested at least annually?\",,\r\n"
        + "BCR-02,Business Continuity Management,State the recovery time objective (RTO) for the production service.,,\r\n"
        + "DSP-01,Data Security & Privacy,How long are backups retained?,,\r\n"

    /// `Assessment Question` is no listed name, but a question column's name all the same: the domains' column, the
    /// first with ten characters of text, is not the questions'.
    @Test func aQuestionColumnUnderANameOfItsOwn() throws {
        let questionnaire = try Questionnaire.read(Data(Self.assessment.utf8), file: "q.csv").get()
        #expect(questionnaire.headerRow == 3)
        #expect(questionnaire.column == 2)
        #expect(questionnaire.answerColumn == nil)
        #expect(questionnaire.questions == [
            .init(row: 5, text: "Is there a documented business continuity plan, and is it tested at least annually?"),
            .init(row: 6, text: "State the recovery time objective (RTO) for the production service."),
            .init(row: 7, text: "How long are backups retained?"),
        ])
        let responded = Self.assessment.replacingOccurrences(of: "Vendor Comments", with: "Vendor Response")
        #expect(try Questionnaire.read(Data(responded.utf8), file: "q.csv").get().answerColumn == 4)
    }

    /// With no column named for questions, the column whose cells read most like questions is taken: long texts
    /// that ask, not the first long one.
    @Test func withoutANameTheColumnThatAsksIsTheQuestions() throws {
        let text = "ID,Topic,Details,Owner\n"
            + "1,Business Continuity Management,Is there a documented business continuity plan?,IT\n"
            + "2,Business Continuity Management,How long are backups retained?,IT\n"
            + "3,Identity & Access Management,Do you support single sign-on (SSO)?,IT\n"
        let questionnaire = try Questionnaire.read(Data(text.utf8), file: "q.csv").get()
        #expect(questionnaire.column == 2)
        #expect(questionnaire.questions.map(\.text) == ["Is there a documented business continuity plan?", "How long are backups retained?",
                                                        "Do you support single sign-on (SSO)?"])
        let japanese = "項番\t分野\t内容\n1\t事業継続・災害対策の管理体制\t保存データは暗号化されていますか\n2\t事業継続・災害対策の管理体制\tバックアップの保管期間を教えてください\n"
        #expect(try Questionnaire.read(Data(japanese.utf8), file: "q.tsv").get().questions.map(\.text)
            == ["保存データは暗号化されていますか", "バックアップの保管期間を教えてください"])
    }

    // MARK: Sheets

    static let cover: (name: String, rows: [[String]]) = ("表紙", [[], ["", "クラウドサービスに関する情報セキュリティ確認書"], [], ["", "提出先：〇〇銀行 システムリスク管理部"]])

    /// Twenty rows of instructions and definitions above the header (row 23): the header is still found, and the
    /// questions' sheet is not the cover before it.
    @Test func aHeaderUnderALongBlockOfInstructions() throws {
        let notes = ["【記入要領】", "1. 本確認書は、当行の外部委託管理規程に基づき提出をお願いするものです。",
                     "2. 各設問について、回答欄に「はい」「いいえ」「該当なし」のいずれかを記入してください。", "3. 「いいえ」の場合は、代替策を補足欄に記載してください。",
                     "4. 根拠資料がある場合は資料名を記載してください。", "5. 記載内容について追加でヒアリングさせていただく場合があります。",
                     "6. 提出期限：契約締結の1か月前まで", "7. 問い合わせ先：システムリスク管理部（内線1234）", "", "【用語の定義】",
                     "「重要データ」とは、顧客情報その他当行が指定する情報をいう。", "「委託先」とは、本サービスの提供にあたり貴社が業務を委託する事業者をいう。",
                     "「障害」とは、本サービスの全部又は一部が利用できない状態をいう。", "", "【注意事項】", "※回答内容は契約書別紙として取り扱います。",
                     "※虚偽の回答が判明した場合、契約を解除することがあります。", "", "", ""]
        let rows = [["情報セキュリティ確認書（外部委託先・クラウド事業者用）"]] + notes.map { [$0] } + [[], ["No.", "確認事項", "回答", "補足"],
                    ["1", "重要データを保存する際に暗号化していますか。"], ["2", "バックアップの保存期間を記載してください。"]]
        let workbook = try FixtureWorkbook.package(sheets: [Self.cover, ("確認書", rows)])
        let questionnaire = try Questionnaire.read(workbook, file: "q.xlsx").get()
        #expect(questionnaire.worksheet == .init(name: "確認書", number: 2, questions: 2))
        #expect(questionnaire.workbook?.sheetPath == "xl/worksheets/sheet2.xml")
        #expect(questionnaire.headerRow == 22)
        #expect(questionnaire.questions == [.init(row: 24, text: "重要データを保存する際に暗号化していますか。"),
                                            .init(row: 25, text: "バックアップの保存期間を記載してください。")])
    }

    static let twoSheets = [
        Self.cover,
        ("記入要領", [["記入要領"], [], ["項目", "記入方法"], ["回答欄", "はい・いいえ から選択"], ["備考", "補足があれば記載"]]),
        ("A.基盤・データ", [["A. 基盤・データ管理に関する質問"], [], ["No.", "大項目", "質問", "", "", "回答欄"],
                          ["1-1", "", "サービスの稼働率の目標値を記載してください。"], ["1-2", "", "計画停止の事前通知の方法を記載してください。"],
                          ["2-1", "バックアップ", "保存期間"]]),
        ("B.運用・セキュリティ", [["B. 運用・セキュリティに関する質問"], [], ["設問", "回答", "補足"], ["① サービス提供時間帯を教えてください"],
                              ["② 障害発生時の連絡方法"]]),
    ]

    /// Questions on two sheets: the one with more is read unless another is asked for, and the other is named, so
    /// that it is not skipped unseen; the instructions' small table, where nothing asks, is not.
    @Test func questionsOnTwoSheetsNameEachOther() throws {
        let workbook = try FixtureWorkbook.package(sheets: Self.twoSheets)
        let first = try Questionnaire.read(workbook, file: "q.xlsx").get()
        #expect(first.worksheet == .init(name: "A.基盤・データ", number: 3, questions: 3))
        #expect(first.otherWorksheets == [.init(name: "B.運用・セキュリティ", number: 4, questions: 2)])
        #expect(first.questions.map(\.text) == ["サービスの稼働率の目標値を記載してください。", "計画停止の事前通知の方法を記載してください。", "保存期間"])

        for choice in [Questionnaire.Worksheet.Choice("B.運用・セキュリティ"), .init("b.運用・セキュリティ"), .init("4")] {
            let second = try Questionnaire.read(workbook, file: "q.xlsx", worksheet: choice).get()
            #expect(second.worksheet == .init(name: "B.運用・セキュリティ", number: 4, questions: 2))
            #expect(second.workbook?.sheetPath == "xl/worksheets/sheet4.xml")
            #expect(second.otherWorksheets == [.init(name: "A.基盤・データ", number: 3, questions: 3)])
            #expect(second.answerColumn == 1)
            #expect(second.questions == [.init(row: 4, text: "① サービス提供時間帯を教えてください"), .init(row: 5, text: "② 障害発生時の連絡方法")])
        }
        func message(_ choice: Questionnaire.Worksheet.Choice, _ data: Data = workbook, _ file: String = "q.xlsx") -> [String] {
            guard case let .failure(error) = Questionnaire.read(data, file: file, worksheet: choice) else { return [] }
            return error.diagnostics.map(\.formatted)
        }
        #expect(message(.name("C")) == ["q.xlsx: error: no sheet is named 'C'\n  hint: the workbook's sheets are '表紙', '記入要領', 'A.基盤・データ', 'B.運用・セキュリティ'"])
        #expect(message(.number(5)) == ["q.xlsx: error: there is no sheet 5: the workbook has 4\n"
            + "  hint: give a number from 1 to 4, or a name: '表紙', '記入要領', 'A.基盤・データ', 'B.運用・セキュリティ'"])
        #expect(message(.number(1), Data("Question\nIs TLS used?\n".utf8), "q.txt")
            == ["q.txt: error: the questionnaire has no sheets: it is not an XLSX workbook\n  hint: leave out the sheet"])
    }

    // MARK: Rows that are no questions, and questions that were dropped

    /// Enumerated sub-questions under a numbered question have no number of their own and do not ask: they are
    /// questions all the same, while a heading without a number stays a heading.
    @Test func subQuestionsUnderANumberedQuestionAreAsked() throws {
        let text = "No.\t大項目\t質問\t回答欄\n1\t可用性\t\t\n1-1\t\tサービスの稼働率の目標値を記載してください。\t\n1-2\t\t計画停止の事前通知の方法を記載してください。\t\n1-3\t\t以下の暗号化を実施していますか。\t\n"
            + "\t\t(a) 保存データの暗号化\t\n\t\t(b) 通信経路の暗号化（TLSのバージョン）\t\n\t\t(c) バックアップ媒体の暗号化\t\n\t\tデータ管理\t\n"
            + "2-1\tバックアップ\t保存期間\t\n\t\t(1) アクセス管理\t\n2-2\t\t多要素認証に対応していますか？\t\n2-3\t\tSSOに対応していますか？\t\n"
        let questionnaire = try Questionnaire.read(Data(text.utf8), file: "q.tsv").get()
        #expect(questionnaire.column == 2)
        #expect(questionnaire.questions == [
            .init(row: 3, text: "サービスの稼働率の目標値を記載してください。"), .init(row: 4, text: "計画停止の事前通知の方法を記載してください。"),
            .init(row: 5, text: "以下の暗号化を実施していますか。"), .init(row: 6, text: "(a) 保存データの暗号化"),
            .init(row: 7, text: "(b) 通信経路の暗号化（TLSのバージョン）"), .init(row: 8, text: "(c) バックアップ媒体の暗号化"), .init(row: 10, text: "保存期間"),
            .init(row: 12, text: "多要素認証に対応していますか？"), .init(row: 13, text: "SSOに対応していますか？"),
        ])
        #expect(Questionnaire.enumerates("（ｂ） 通信") && Questionnaire.enumerates("① 障害") && Questionnaire.enumerates("a) x")
            && Questionnaire.enumerates("・暗号化"))
        #expect(!Questionnaire.enumerates("データ管理") && !Questionnaire.enumerates("2025年度") && !Questionnaire.enumerates("(SSO) support"))
    }

    static let pasted = "Security questions for your SaaS (reply by 31 May, please)\n\n【可用性 / Availability】\n1. 稼働率のSLAは何％ですか？\n"
        + "2. What are your RTO and RPO?\n【セキュリティ / Security】\n3. Is our data encrypted at rest and in transit?\n"
        + "4. サポート窓口の営業時間を教えてください。\n"

    /// Pasted text has headings too: a title over a blank line, bracketed labels, lines without the questions' numbers.
    @Test func headingsOfPastedTextAreNoQuestions() throws {
        let questionnaire = try Questionnaire.read(Data(Self.pasted.utf8), file: "paste.txt").get()
        #expect(questionnaire.questions == [.init(row: 4, text: "1. 稼働率のSLAは何％ですか？"), .init(row: 5, text: "2. What are your RTO and RPO?"),
                                            .init(row: 7, text: "3. Is our data encrypted at rest and in transit?"),
                                            .init(row: 8, text: "4. サポート窓口の営業時間を教えてください。")])
        // Unnumbered: a short line that asks nothing above a question heads it; every line that asks is a question.
        let unnumbered = "Backups\nHow long are backups retained?\nDo you back up daily?\n■ Access\nDo you support single sign-on (SSO)?\n"
        #expect(try Questionnaire.read(Data(unnumbered.utf8), file: "q.txt").get().questions.map(\.row) == [2, 3, 5])
        // Numbered sub-questions in text are kept, under their question.
        let sub = "1. Which of these do you encrypt:\n(a) data at rest\n(b) backups\n2. Do you support SSO?\n"
        #expect(try Questionnaire.read(Data(sub.utf8), file: "q.txt").get().questions.map(\.row) == [1, 2, 3, 4])
    }

    /// A customer's e-mail pasted as it came (the probe's questionnaire d): greeting, signature, separator, name,
    /// department and telephone lines around numbered and bulleted questions.
    static let email = "お世話になっております。株式会社サンプルの山田です。\n弊社の情報システム部門より、以下の点について確認したいとの依頼がありましたので、\n"
        + "お手数ですがご回答をお願いいたします。\n\n【可用性 / Availability】\n1) 御社サービスの稼働率（SLA）を教えてください。\n"
        + "2) How much advance notice is given before planned maintenance?\nQ3. 障害発生時の連絡体制を教えてください。\nQ4. What is your RPO?\n\n"
        + "【セキュリティ / Security】\n・データセンターの所在地は国内ですか。\n・Do you encrypt backups?\n・多要素認証（MFA）には対応していますか。\n"
        + "・Is there a public status page?\n5) Can we get the access logs of our users?\n6) SOC2レポートは提供可能でしょうか？\n\n"
        + "以上、よろしくお願いいたします。\n--\n山田 太郎\n株式会社サンプル 情報システム部\nTEL: 03-1234-5678\n"

    /// Where the questions are numbered or bulleted, a line with no number, no bullet and no question in words is no
    /// question (it was: 18 found for 10); a line that carries on the question above it still is one.
    @Test func anEmailsGreetingAndSignatureAreNoQuestions() throws {
        let questionnaire = try Questionnaire.read(Data(Self.email.utf8), file: "mail.txt").get()
        #expect(questionnaire.questions == [
            .init(row: 6, text: "1) 御社サービスの稼働率（SLA）を教えてください。"), .init(row: 7, text: "2) How much advance notice is given before planned maintenance?"),
            .init(row: 8, text: "Q3. 障害発生時の連絡体制を教えてください。"), .init(row: 9, text: "Q4. What is your RPO?"),
            .init(row: 12, text: "・データセンターの所在地は国内ですか。"), .init(row: 13, text: "・Do you encrypt backups?"),
            .init(row: 14, text: "・多要素認証（MFA）には対応していますか。"), .init(row: 15, text: "・Is there a public status page?"),
            .init(row: 16, text: "5) Can we get the access logs of our users?"), .init(row: 17, text: "6) SOC2レポートは提供可能でしょうか？"),
        ])
        // A question wrapped onto a second line carries on; a line that asks in words stays a question without a number.
        let wrapped = "Hi team,\n\n1. Please describe how customer data is\nencrypted at rest and in transit\n2. Do you support SSO?\nAre backups encrypted?\n- Is there a status page?\n\n"
            + "Thanks,\nJohn Smith\n=SUM(1,2)\n"
        #expect(try Questionnaire.read(Data(wrapped.utf8), file: "q.txt").get().questions.map(\.row) == [3, 4, 5, 6, 7])
        #expect(Questionnaire.asks("ご回答ください。") && Questionnaire.asks("Please list your sub-processors") && Questionnaire.asks("記載すること。"))
        #expect(!Questionnaire.asks("お世話になっております。") && !Questionnaire.asks("Please find our questions below.") && !Questionnaire.asks("TEL: 03-1234-5678"))
    }

    // MARK: What was read

    @Test func theSummaryNamesTheSheetTheColumnAndTheCounts() throws {
        let csv = "No.,Question,Answer\n1,How long are backups retained?,\n2,Do you support single sign-on (SSO)?,\n"
        let read = try Questionnaire.read(Data(csv.utf8), file: "q.csv").get()
        let answers = try #require(QuestionnaireAnswers.make(read, sheet: Self.sheet, language: .en))
        #expect(answers.summary == "column B 'Question' (header row 1): 2 questions: 1 answered, 0 review, 1 none")
        #expect(answers.otherSheetsNote == nil)

        let headerless = try Questionnaire.read(Data("How long are backups retained?\n".utf8), file: "q.txt").get()
        #expect(try #require(QuestionnaireAnswers.make(headerless, sheet: Self.sheet, language: .en)).summary
            == "column A (no header row): 1 question: 1 answered, 0 review, 0 none")

        let workbook = try Questionnaire.read(try FixtureWorkbook.package(sheets: Self.twoSheets), file: "q.xlsx").get()
        let sheets = try #require(QuestionnaireAnswers.make(workbook, sheet: Self.sheet, language: .ja))
        #expect(sheets.summary.hasPrefix("sheet 'A.基盤・データ', column C '質問' (header row 3): 3 questions: "))
        #expect(sheets.otherSheetsNote == "sheet 'B.運用・セキュリティ' (2) also holds questions, not answered: answer it with --sheet 'B.運用・セキュリティ'")
    }
}
