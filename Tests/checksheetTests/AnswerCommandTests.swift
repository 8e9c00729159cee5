import Foundation
import Testing
import TestSupport

/// `checksheet answer` run as sales run it: a questionnaire file in, the answers beside each question out.
@Suite struct AnswerCommandTests {
    static func run(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.run(arguments) }

    static func write(_ text: String, _ name: String) -> String {
        let path = Repository.temporaryFolder() + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func jsonGivesStatusAndUpToThreeMatchesPerQuestion() throws {
        let file = Self.write("No,Question\n1,How long are backups retained?\n2,Do you support single sign-on (SSO)?\n", "questions.csv")
        let run = try Self.run(["answer", file, "--lang", "en", "--format", "json"])
        #expect(run.status == 0, "\(run.errors)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["row"] as? Int } == [2, 3])
        #expect(rows.map { $0["status"] as? String } == ["answered", "none"])
        let first = try #require((rows[0]["matches"] as? [[String: Any]])?.first)
        #expect(first["slug"] as? String == "backup-retention")
        #expect(first["no"] as? Int == 30)
        #expect(first["title"] as? String == "Backup retention period")
        #expect(first["answer"] as? String == "72 hours")
        #expect(first["url"] as? String == "https://checksheet.example.com/en/items/backup-retention/")
        #expect((rows[1]["matches"] as? [Any])?.count ?? 0 <= 3)
    }

    @Test func csvWritesTheAnswersBesideEachQuestion() throws {
        let file = Self.write("保存データは暗号化されていますか？\n多要素認証に対応していますか？\n", "questions.txt")
        let run = try Self.run(["answer", file])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "\u{FEFF}質問,ステータス,No.,サービスレベル項目,回答,版,URL,確度\r\n"
            + "保存データは暗号化されていますか？,answered,33,データ保護のための暗号化要件,有,2025-03-07,https://checksheet.example.com/ja/items/data-encryption/,\(Self.confidence(run.output))\r\n"
            + "多要素認証に対応していますか？,none,,,,,,\r\n")
    }

    static func confidence(_ output: String) -> String {
        output.split(separator: "\r\n")[1].split(separator: ",").last.map(String.init) ?? ""
    }

    @Test func xlsxInXlsxOut() throws {
        let folder = Repository.temporaryFolder()
        let text = Self.write("Question\nIs data encrypted in transit?\n", "q.csv")
        #expect(try Self.run(["answer", text, "--lang", "en", "--format", "xlsx", "--out", folder + "/answers.xlsx"]).status == 0)
        let again = try Self.run(["answer", folder + "/answers.xlsx", "--lang", "en", "--column", "Question", "--format", "json"])
        #expect(again.status == 0, "\(again.errors)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect((rows[0]["matches"] as? [[String: Any]])?.first?["slug"] as? String == "encryption-in-transit")
    }

    /// Every problem is printed as the other commands print theirs, `path: error: message` and `  hint: …`, then a count.
    @Test func badInputSaysWhatIsWrongAndWhatToDo() throws {
        func expected(_ file: String, _ message: String, _ hint: String) -> String { "\(file): error: \(message)\n  hint: \(hint)\n1 error\n" }
        let empty = Self.write("", "empty.csv")
        let run = try Self.run(["answer", empty])
        #expect(run.status == 1)
        #expect(run.errors == expected(empty, "the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row"))
        let numbers = Self.write("1,2\n3,4\n", "numbers.csv")
        #expect(try Self.run(["answer", numbers]).errors == expected(numbers, "no column holds text", "put the questions in one column, one a row"))
        let binary = Repository.temporaryFolder() + "/photo.png"
        FileManager.default.createFile(atPath: binary, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x00]))
        #expect(try Self.run(["answer", binary]).errors == expected(binary, "the file is not a CSV, TSV, text or XLSX file",
                                                                     "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)"))
        #expect(try Self.run(["answer", "/nonexistent/q.csv"]).errors == expected("/nonexistent/q.csv", "no such file",
                                                                                  "check the path; give a .csv, .tsv, .txt or .xlsx file"))
        // The hint names the header's columns, which the old one-line message left out.
        let titled = Self.write("Vendor assessment,,\r\nRef,Question,Response\r\n1,How long are backups retained?,\r\n", "titled.csv")
        let missing = try Self.run(["answer", titled, "--answer-column", "Comments"])
        #expect(missing.status == 1)
        #expect(missing.errors == expected(titled, "no column is named 'Comments'", "row 2 names 'Ref', 'Question', 'Response'"))
    }

    /// Files that are no questionnaire this tool reads say what they are and what to do: a password-protected
    /// workbook, an Excel 97-2003 workbook, a Numbers document, a Word document named .xlsx, a damaged workbook.
    /// The fixtures are real: encrypted.xlsx by msoffcrypto-tool 6.1.0 (password `customer`), legacy.xls by xlwt 1.3.0.
    @Test func filesOfOtherKindsSayWhatTheyAreAndWhatToDo() throws {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(fixture: String, name: String, message: String, hint: String)] = [
            ("encrypted.xlsx", "customer.xlsx", "the workbook is encrypted (password-protected)",
             "open it in Excel with its password, save an unprotected copy (File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy"),
            ("encrypted.xlsx", "customer", "the workbook is encrypted (password-protected)",
             "open it in Excel with its password, save an unprotected copy (File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy"),
            ("legacy.xls", "customer.xls", "the file is an Excel 97-2003 workbook (.xls), which is not read",
             "open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8 (.csv), then answer that file"),
            ("questionnaire.numbers", "customer.numbers", "the file is an Apple Numbers document, which is not read",
             "export it from Numbers (File > Export To > Excel… or CSV…) and answer the exported file"),
            ("word-document.xlsx", "customer.xlsx", "the file is a Word document (.docx), not an Excel workbook, whatever its name says",
             "copy the questionnaire's table into Excel and save it as .xlsx or CSV UTF-8 (.csv)"),
            ("damaged.xlsx", "customer.xlsx", "the workbook is damaged: its ZIP package cannot be read",
             "open it in Excel (which offers to repair it) and save it again as .xlsx, or ask for a fresh copy"),
        ]
        for (fixture, name, message, hint) in cases {
            let path = folder + "/" + name
            try Repository.fixture("questionnaires/other-formats/" + fixture).write(to: URL(fileURLWithPath: path))
            let run = try Self.run(["answer", path])
            #expect(run.status == 1, "\(fixture)")
            #expect(run.errors == "\(path): error: \(message)\n  hint: \(hint)\n1 error\n", "\(fixture)")
            try FileManager.default.removeItem(atPath: path)
        }
        // Tab-separated text that a system saved under the name .xls is read as the text it is.
        let tsv = Self.write("No.\tQuestion\n1\tHow long are backups retained?\n", "export.xls")
        #expect(try Self.run(["answer", tsv, "--format", "json"]).status == 0)
    }

    @Test func aTitleAboveTheHeaderIsNoQuestionAndTheHeaderNamesTheColumns() throws {
        let file = Self.write("Cloud vendor security questionnaire,,\r\n,,\r\nNo.,Question,Answer\r\n1,How long are backups retained?,\r\n"
            + ",Access control,\r\n2,Do you support single sign-on (SSO)?,\r\n", "titled.csv")
        for arguments in [[String](), ["--column", "Question"]] {
            let run = try Self.run(["answer", file, "--lang", "en", "--format", "json"] + arguments)
            #expect(run.status == 0, "\(run.errors)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["row"] as? Int } == [4, 6])
            #expect(rows.map { $0["question"] as? String } == ["How long are backups retained?", "Do you support single sign-on (SSO)?"])
            #expect(rows.map { $0["status"] as? String } == ["answered", "none"])
        }
        let csv = try Self.run(["answer", file, "--lang", "en"])
        #expect(csv.output == "\u{FEFF}Cloud vendor security questionnaire,,,,,,,,\r\n,,,,,,,,\r\n"
            + "No.,Question,Answer,Status,Item No.,Item,Revision,URL,Confidence\r\n"
            + "1,How long are backups retained?,72 hours,answered,30,Backup retention period,2025-03-07,https://checksheet.example.com/en/items/backup-retention/,100%\r\n"
            + ",Access control,,,,,,,\r\n2,Do you support single sign-on (SSO)?,,none,,,,,\r\n")
        let wrong = try Self.run(["answer", file, "--column", "Frage"])
        #expect(wrong.status == 1)
        #expect(wrong.errors == "\(file): error: no column is named 'Frage'\n  hint: row 3 names 'No.', 'Question', 'Answer'\n1 error\n")
    }

    @Test func anXLSXComesBackAsTheCustomersWorkbookWithTheAnswersIn() throws {
        let folder = Repository.temporaryFolder()
        let original = try FixtureWorkbook.package(Repository.fixtures + "/questionnaires/security-workbook")
        try original.write(to: URL(fileURLWithPath: folder + "/security.xlsx"))
        let run = try Self.run(["answer", folder + "/security.xlsx", "--lang", "en", "--format", "xlsx", "--out", folder + "/answered.xlsx"])
        #expect(run.status == 0, "\(run.errors)")
        let output = try #require(FileManager.default.contents(atPath: folder + "/answered.xlsx"))
        let before = try FixtureWorkbook.parts(original)
        let after = try FixtureWorkbook.parts(output)
        // The same parts in the same order; the workbook (its sheet names), styles, shared strings and the other sheet unchanged.
        #expect(after.map(\.path) == before.map(\.path))
        #expect(zip(before, after).filter { $0.0.contents != $0.1.contents }.map(\.0.path) == ["xl/worksheets/sheet1.xml"])
        let again = try Self.run(["answer", folder + "/answered.xlsx", "--lang", "en", "--column", "Question", "--format", "json"])
        #expect(again.status == 0, "\(again.errors)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["row"] as? Int } == [5, 6, 8])
    }

    /// Without `--lang` the answers take the questions' language, and standard error says so; `--lang` against most
    /// of the questions is a warning. Standard error also says where the answers went and why. (Japanese answers were
    /// the default whatever the questions' language.)
    @Test func theAnswersTakeTheQuestionsLanguageAndStandardErrorSaysWhereTheyWent() throws {
        let file = Self.write("How long are backups retained?\nDo you support single sign-on (SSO)?\n", "english.txt")
        let run = try Self.run(["answer", file])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("\u{FEFF}Question,Status,No.,Item,Answer,Revision,URL,Confidence\r\n"
            + "How long are backups retained?,answered,30,Backup retention period,72 hours,2025-03-07,"))
        #expect(run.errors == "\(file): answering in English: 2 of 2 questions are in English (--lang ja answers in Japanese)\n"
            + "\(file): column A (no header row): 2 questions: 1 answered, 0 review, 1 none\n"
            + "\(file): answers written into column E 'Answer', added: no column is named for answers (Answer, 回答, Response…)\n")

        let japanese = try Self.run(["answer", file, "--lang", "ja", "--format", "json"])
        #expect(japanese.status == 0)
        #expect(japanese.errors == "\(file): column A (no header row): 2 questions: 1 answered, 0 review, 1 none\n"
            + "\(file): warning: answering in Japanese (--lang ja), but 2 of 2 questions are in English\n"
            + "  hint: give --lang en, or leave --lang out, to answer in English\n1 warning\n")
        #expect(try Self.run(["answer", file, "--lang", "en", "--format", "json"]).errors
            == "\(file): column A (no header row): 2 questions: 1 answered, 0 review, 1 none\n")

        // Half in each language keeps the sheet's first language.
        let mixed = Self.write("保存データは暗号化されていますか？\nDo you support single sign-on (SSO)?\n", "mixed.txt")
        #expect(try Self.run(["answer", mixed, "--format", "json"]).errors.hasPrefix(
            "\(mixed): answering in Japanese: 1 of 2 questions are in Japanese (--lang en answers in English)\n"))

        // Columns by letter, as standard error names them; the answers go into the column given.
        let titled = Self.write("Vendor assessment,,,\r\nRef,Question,Response,Notes\r\n1,How long are backups retained?,,\r\n", "titled.csv")
        let lettered = try Self.run(["answer", titled, "--column", "B", "--answer-column", "D"])
        #expect(lettered.status == 0, "\(lettered.errors)")
        #expect(lettered.output.contains("\r\n1,How long are backups retained?,,72 hours,answered,30,Backup retention period,2025-03-07,"))
        #expect(lettered.errors.hasSuffix("\(titled): column B 'Question' (header row 2): 1 question: 1 answered, 0 review, 0 none\n"
            + "\(titled): answers written into column D 'Notes': given with --answer-column\n"))
        #expect(try Self.run(["answer", titled]).errors.hasSuffix("\(titled): answers written into column C 'Response': its header names the answer column\n"))
    }

    /// A line break inside a cell goes back as the customer's file had it: LF stays LF (Excel's own CSV), CRLF stays
    /// CRLF; rows end in CRLF. (Every line break in a cell became CRLF.) The question reads it as a line break either way.
    @Test func lineBreaksInsideCellsStayAsTheyWere() throws {
        let file = Self.write("No.,Question,Notes\r\n1,\"How long are backups\nretained?\",\"line one\nline two\"\r\n"
            + "2,\"Do you support\r\nsingle sign-on (SSO)?\",\"a\r\nb\"\r\n", "breaks.csv")
        let run = try Self.run(["answer", file, "--lang", "en"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\r\n1,\"How long are backups\nretained?\",\"line one\nline two\",answered,30,"))
        #expect(run.output.contains("\r\n2,\"Do you support\r\nsingle sign-on (SSO)?\",\"a\r\nb\",none,"))
        let json = try Self.run(["answer", file, "--lang", "en", "--format", "json"])
        let questions = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]).map { $0["question"] as? String }
        #expect(questions == ["How long are backups\nretained?", "Do you support\nsingle sign-on (SSO)?"])
    }

    /// `--out /dev/null` is accepted: a device holds no file to lose, and is written into, never replaced. (It was
    /// refused: "the file exists".)
    @Test func theAnswersCanBeWrittenIntoADevice() throws {
        let file = Self.write("How long are backups retained?\n", "one.txt")
        let run = try Self.run(["answer", file, "--lang", "en", "--out", "/dev/null"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "")
        #expect(run.errors == "\(file): column A (no header row): 1 question: 1 answered, 0 review, 0 none\n"
            + "\(file): answers written into column E 'Answer', added: no column is named for answers (Answer, 回答, Response…)\n")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        #expect(try Self.run(["answer", file, "--lang", "en", "--format", "xlsx", "--out", "/dev/null", "--force"]).status == 0)
    }
}
