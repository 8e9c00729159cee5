import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChecksheetKit
import TestSupport

/// A customer's workbook answered and handed back: the same workbook, its sheets, rows, merges, styles, numbers and
/// formulas kept, the answers in its answer column and the added columns to the right of its table.
@Suite struct QuestionnaireWorkbookTests {
    static let folder = Repository.fixtures + "/questionnaires/security-workbook"
    static let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!

    static func answered() throws -> (original: Data, answers: QuestionnaireAnswers, output: Data) {
        let original = try FixtureWorkbook.package(folder)
        let questionnaire = try Questionnaire.read(original, file: "security.xlsx").get()
        let answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: .en))
        return (original, answers, try answers.xlsx())
    }

    /// A copy of the fixture's workbook folder whose tabs open on its Notes sheet, before the questions' sheet; the
    /// caller removes it.
    static func notesFirst() throws -> String {
        let folder = Repository.temporaryFolder()
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        let workbook = folder + "/xl/workbook.xml"
        let tabs = try String(contentsOfFile: workbook, encoding: .utf8)
        let security = #"<sheet name="Security" sheetId="1" r:id="rId1"/>"#, notes = #"<sheet name="Notes" sheetId="2" r:id="rId2"/>"#
        #expect(tabs.contains(security + notes))
        try tabs.replacingOccurrences(of: security + notes, with: notes + security).write(toFile: workbook, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theQuestionsAreFoundUnderTheTitle() throws {
        let questionnaire = try Self.answered().answers.questionnaire
        #expect(questionnaire.headerRow == 2)
        #expect(questionnaire.column == 1)
        #expect(questionnaire.answerColumn == 2)
        #expect(questionnaire.merges == [.init(rows: 0...0, columns: 0...3), .init(rows: 3...3, columns: 0...3)])
        #expect(questionnaire.questions.map(\.row) == [5, 6, 8])
        #expect(questionnaire.workbook?.sheetPath == "xl/worksheets/sheet1.xml")
    }

    /// A workbook that opens on another sheet (a cover, instructions): the questions are read from the sheet whose
    /// header names a question column, and only that sheet is answered.
    @Test func theQuestionsSheetIsFoundBehindACover() throws {
        let folder = try Self.notesFirst()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try FixtureWorkbook.package(folder)

        let questionnaire = try Questionnaire.read(original, file: "security.xlsx").get()
        #expect(questionnaire.workbook?.sheetPath == "xl/worksheets/sheet1.xml")
        #expect(questionnaire.questions.map(\.row) == [5, 6, 8])
        let answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: Self.sheet, language: .en))
        let before = try FixtureWorkbook.parts(original), after = try FixtureWorkbook.parts(try answers.xlsx())
        #expect(zip(before, after).filter { $0.contents != $1.contents }.map(\.0.path) == ["xl/worksheets/sheet1.xml"])
        // The notes alone, naming no question column, are read as before: a workbook's first sheet.
        #expect(Questionnaire.questionCount([["Answer every question of the Security sheet."]]) == nil)
    }

    /// Instructions (記入要領) before the questions with a small table of their own (`Item | How to fill in`): the
    /// sheet with the most filled cells under a question column's name is the questions' sheet.
    @Test func anInstructionsTableIsNotTheQuestionsSheet() throws {
        let folder = try Self.notesFirst()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func row(_ number: Int, _ cells: String...) -> String {
            "<row r=\"\(number)\">" + cells.enumerated().map { #"<c r="\#(["A", "B"][$0.offset])\#(number)" t="inlineStr"><is><t>\#($0.element)</t></is></c>"# }.joined() + "</row>"
        }
        let instructions = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + row(1, "How to fill in") + row(3, "Item", "How to fill in") + row(4, "Answer", "Say how you meet the requirement.")
            + row(5, "Remarks", "Anything else.") + "</sheetData></worksheet>"
        try instructions.write(toFile: folder + "/xl/worksheets/sheet2.xml", atomically: true, encoding: .utf8)

        let questionnaire = try Questionnaire.read(try FixtureWorkbook.package(folder), file: "security.xlsx").get()
        #expect(questionnaire.workbook?.sheetPath == "xl/worksheets/sheet1.xml")
        #expect(questionnaire.questions.map(\.row) == [5, 6, 8])
        #expect(Questionnaire.questionCount([["How to fill in"], [], ["Item", "How to fill in"], ["Answer", "Say how."], ["Remarks", "Anything."]]) == 2)
    }

    /// Two answer columns, the first a dropdown (a list data validation): the written answer goes into the other.
    @Test func theAnswerColumnIsNotADropdown() throws {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        let strings = folder + "/xl/sharedStrings.xml", sheet = folder + "/xl/worksheets/sheet1.xml"
        try String(contentsOfFile: strings, encoding: .utf8).replacingOccurrences(of: "<t>Remarks</t>", with: "<t>Response</t>")
            .write(toFile: strings, atomically: true, encoding: .utf8)
        let plain = try Questionnaire.read(try FixtureWorkbook.package(folder), file: "security.xlsx").get()
        #expect(plain.answerColumn == 2)
        #expect(plain.dropdowns.isEmpty)
        let validation = #"<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C5:C8"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>"#
        try String(contentsOfFile: sheet, encoding: .utf8).replacingOccurrences(of: "</sheetData>", with: "</sheetData>" + validation)
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let dropdown = try Questionnaire.read(try FixtureWorkbook.package(folder), file: "security.xlsx").get()
        #expect(dropdown.dropdowns == [.init(rows: 4...7, columns: 2...2)])
        #expect(dropdown.answerColumn == 3)
    }

    @Test func everyPartButTheQuestionsSheetIsKeptByteForByte() throws {
        let (original, _, output) = try Self.answered()
        let before = try FixtureWorkbook.parts(original)
        let after = try FixtureWorkbook.parts(output)
        #expect(after.map(\.path) == before.map(\.path))
        for (old, new) in zip(before, after) where old.path != "xl/worksheets/sheet1.xml" {
            #expect(old.contents == new.contents, "\(old.path)")
        }
        // Every part is still well-formed XML.
        for part in after { #expect(XMLParser(data: part.contents).parse(), "\(part.path)") }
    }

    @Test func theSheetGetsTheAnswersAndNothingElseChanges() throws {
        let (original, _, output) = try Self.answered()
        let before = String(decoding: try #require(try FixtureWorkbook.parts(original).first { $0.path == "xl/worksheets/sheet1.xml" }).contents, as: UTF8.self)
        let after = String(decoding: try #require(try FixtureWorkbook.parts(output).first { $0.path == "xl/worksheets/sheet1.xml" }).contents, as: UTF8.self)
        func cell(_ reference: String, _ text: String, style: String = "") -> String {
            #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c>"#
        }
        // The added header cells look like the header cell left of them, D3.
        let header = #" s="2""#
        let headers = cell("E3", "Status", style: header) + cell("F3", "Item No.", style: header) + cell("G3", "Item", style: header)
            + cell("H3", "Revision", style: header) + cell("I3", "URL", style: header) + cell("J3", "Confidence", style: header)
        var expected = before
        for (old, new) in [
            (#"<dimension ref="A1:D8"/>"#, #"<dimension ref="A1:J8"/>"#),
            (#"<row r="3" spans="1:4">"#, #"<row r="3" spans="1:10">"#),
            (#"<v>4</v></c></row>"#, #"<v>4</v></c>"# + headers + "</row>"),
            (#"<row r="5" spans="1:4">"#, #"<row r="5" spans="1:10">"#),
            (#"<c r="C5" s="3"/><c r="D5" s="3"/>"#, cell("C5", "72 hours", style: #" s="3""#) + #"<c r="D5" s="3"/>"# + cell("E5", "answered") + cell("F5", "30")
                + cell("G5", "Backup retention period") + cell("H5", "2025-03-07") + cell("I5", "https://checksheet.example.com/en/items/backup-retention/") + cell("J5", "100%")),
            (#"<row r="6" spans="1:4">"#, #"<row r="6" spans="1:10">"#),
            (#"<c r="C6" s="3"/>"#, cell("C6", "Yes", style: #" s="3""#)),
            (#"<v>8</v></c></row>"#, #"<v>8</v></c>"# + cell("E6", "answered") + cell("F6", "33") + cell("G6", "Encryption requirements for data protection")
                + cell("H6", "2025-03-07") + cell("I6", "https://checksheet.example.com/en/items/data-encryption/") + cell("J6", "77%") + "</row>"),
            (#"<row r="8" spans="1:4">"#, #"<row r="8" spans="1:5">"#),
            (#"<v>30</v></c></row>"#, #"<v>30</v></c>"# + cell("E8", "none") + "</row>"),
        ] {
            #expect(expected.contains(old), "\(old)")
            expected = expected.replacingOccurrences(of: old, with: new)
        }
        #expect(after == expected)
    }

    @Test func theAnsweredWorkbookReadsBackAsTheTable() throws {
        let (_, answers, output) = try Self.answered()
        let reread = try Questionnaire.read(output, file: "answered.xlsx").get()
        #expect(reread.rows == answers.table)
        #expect(answers.table[2] == ["No.", "Question", "Answer", "Remarks", "Status", "Item No.", "Item", "Revision", "URL", "Confidence"])
        #expect(answers.table[7] == ["3", "Do you support single sign-on (SSO)?", "", "30", "none", "", "", "", "", ""])
        #expect(answers.table[6] == ["", "Access control"] + Array(repeating: "", count: 8))
        #expect(answers.table[0] == ["Cloud vendor security questionnaire"] + Array(repeating: "", count: 9))
    }

    /// The Python of the tests' virtual environment, where `scripts/setup test` installs the pinned openpyxl
    /// (Tests/requirements.txt): the system's python3 need not have it, and a test skipped for that could not fail.
    static let python = Repository.root + "/.venv/bin/python"

    /// openpyxl opens the workbook as Excel would and sees the customer's sheets, merges, numbers and formulas.
    @Test func openpyxlOpensTheAnsweredWorkbook() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "no \(Self.python): run `scripts/setup test` first")
        let output = try Self.answered().output
        let path = Repository.temporaryFolder() + "/answered.xlsx"
        try output.write(to: URL(fileURLWithPath: path))
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Security"]
            print(json.dumps({"sheets": book.sheetnames, "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
                "a5": [type(sheet["A5"].value).__name__, sheet["A5"].value], "d8": sheet["D8"].value, "c5": sheet["C5"].value,
                "c5border": sheet["C5"].border.left.style, "header": [c.value for c in sheet[3]], "b7": sheet["B7"].value,
                "max": [sheet.max_row, sheet.max_column], "notes": book["Notes"]["A1"].value}, sort_keys=True))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(seen["sheets"] as? [String] == ["Security", "Notes"])
        #expect(seen["merged"] as? [String] == ["A1:D1", "A4:D4"])
        #expect(seen["a5"] as? [AnyHashable] == ["int", 1])
        #expect(seen["d8"] as? String == "=A8*10")
        #expect(seen["c5"] as? String == "72 hours")
        #expect(seen["c5border"] as? String == "thin")
        #expect(seen["header"] as? [String] == ["No.", "Question", "Answer", "Remarks", "Status", "Item No.", "Item", "Revision", "URL", "Confidence"])
        #expect(seen["b7"] as? String == "Access control")
        #expect(seen["max"] as? [Int] == [8, 10])
        #expect(seen["notes"] as? String == "Answer every question of the Security sheet.")
    }

    /// The answered workbook comes back next quarter, after a new revision: answering it again fills the columns the
    /// first answer added (in the language asked for now) instead of adding a second set beside them.
    @Test func answeringAnAnsweredWorkbookAgainFillsItsColumnsInPlace() throws {
        let (_, answers, output) = try Self.answered()
        let again = try Questionnaire.read(output, file: "answered.xlsx").get()
        #expect(again.answeredColumns == 4..<10)
        #expect(again.column == 1 && again.answerColumn == 2)
        let english = try #require(QuestionnaireAnswers.make(again, sheet: Self.sheet, language: .en))
        #expect(try Questionnaire.read(try english.xlsx(), file: "again.xlsx").get().rows == answers.table)
        let japanese = try #require(QuestionnaireAnswers.make(again, sheet: Self.sheet, language: .ja))
        let rows = try Questionnaire.read(try japanese.xlsx(), file: "again.xlsx").get().rows
        #expect(rows[2] == ["No.", "Question", "Answer", "Remarks", "ステータス", "項目No.", "サービスレベル項目", "版", "URL", "確度"])
        #expect(rows.allSatisfy { $0.count == 10 })
    }

    /// Many Japanese forms hide every column right of the form: the columns answers go into are shown (the rest stay
    /// hidden), or the customer would see nothing added. An emptied cell keeps its style and holds no value; a cell
    /// that was not there is not made to be emptied.
    @Test func answersGoIntoShownColumnsAndEmptiedCellsHoldNothing() throws {
        let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="30" customWidth="1"/>"#
            + #"<col min="3" max="16384" width="9" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Q</t></is></c><c r="D1" s="2" t="inlineStr"><is><t>old</t></is></c></row></sheetData></worksheet>"#
        let filled = try FilledWorksheet.filling(Data(sheet.utf8), with: [1: [2: "answered", 3: "", 5: "", 6: "https://x/"]])
        #expect(String(decoding: filled, as: UTF8.self) == #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="30" customWidth="1"/>"#
            + #"<col min="3" max="3" width="9"/><col min="4" max="6" width="9" hidden="1"/><col min="7" max="7" width="9"/><col min="8" max="16384" width="9" hidden="1"/></cols>"#
            + #"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Q</t></is></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">answered</t></is></c><c r="D1" s="2"/>"#
            + #"<c r="G1" t="inlineStr"><is><t xml:space="preserve">https://x/</t></is></c></row></sheetData></worksheet>"#)
    }

    /// The browser recognises an answered file by the same column names, in the same order, as the CLI writes them.
    @Test func theBrowserKnowsTheColumnsTheCLIAdds() throws {
        let script = try String(contentsOfFile: Repository.theme + "/assets/questionnaire.js", encoding: .utf8)
        let block = try #require(script.firstMatch(of: /var addedColumns = \[([^;]*)\];/)).output.1
        #expect(block.matches(of: /'([^']*)'/).map { String($0.output.1) } == QuestionnaireAnswers.allAddedNames)
    }

    /// A question the sheet no longer covers loses the earlier answer's item, not only its status.
    @Test func answeringAnAnsweredCSVAgainLeavesNothingOfTheEarlierAnswer() throws {
        let csv = "Question\r\nHow long are backups retained?\r\nDo you support single sign-on (SSO)?\r\n"
        let first = try #require(QuestionnaireAnswers.make(try Questionnaire.read(Data(csv.utf8), file: "q.csv").get(), sheet: Self.sheet, language: .en))
        let answered = String(decoding: first.csv(), as: UTF8.self)
        #expect(answered == "\u{FEFF}Question,Status,No.,Item,Answer,Revision,URL,Confidence\r\n"
            + "How long are backups retained?,answered,30,Backup retention period,72 hours,2025-03-07,https://checksheet.example.com/en/items/backup-retention/,100%\r\n"
            + "Do you support single sign-on (SSO)?,none,,,,,,\r\n")
        // The same file answered again is the same file: its own Answer column is not taken for the customer's.
        let reread = try Questionnaire.read(first.csv(), file: "answered.csv").get()
        #expect(reread.answeredColumns == 1..<8 && reread.answerColumn == nil && reread.column == 0)
        #expect(String(decoding: try #require(QuestionnaireAnswers.make(reread, sheet: Self.sheet, language: .en)).csv(), as: UTF8.self) == answered)
        // The customer rewrote the first question into one the sheet does not answer.
        let rewritten = answered.replacingOccurrences(of: "How long are backups retained?", with: "Does your office have a mascot?")
        let second = try #require(QuestionnaireAnswers.make(try Questionnaire.read(Data(rewritten.utf8), file: "answered.csv").get(), sheet: Self.sheet, language: .en))
        #expect(String(decoding: second.csv(), as: UTF8.self) == "\u{FEFF}Question,Status,No.,Item,Answer,Revision,URL,Confidence\r\n"
            + "Does your office have a mascot?,none,,,,,,\r\n" + "Do you support single sign-on (SSO)?,none,,,,,,\r\n")
    }

    /// In the customer's own answer column, what an earlier answer wrote goes when the question is no longer covered;
    /// a cell the earlier answer left alone (status none) keeps what the customer wrote.
    @Test func anEarlierAnswerInTheCustomersColumnGoesWhenTheQuestionIsNoLongerCovered() throws {
        let csv = "No.,Question,Answer\r\n1,How long are backups retained?,\r\n2,Do you have a mascot?,Our own reply\r\n"
        let first = try #require(QuestionnaireAnswers.make(try Questionnaire.read(Data(csv.utf8), file: "q.csv").get(), sheet: Self.sheet, language: .en))
        let rewritten = String(decoding: first.csv(), as: UTF8.self).replacingOccurrences(of: "How long are backups retained?", with: "Is there a staff canteen?")
        let second = try #require(QuestionnaireAnswers.make(try Questionnaire.read(Data(rewritten.utf8), file: "q.csv").get(), sheet: Self.sheet, language: .en))
        #expect(String(decoding: second.csv(), as: UTF8.self) == "\u{FEFF}No.,Question,Answer,Status,Item No.,Item,Revision,URL,Confidence\r\n"
            + "1,Is there a staff canteen?,,none,,,,,\r\n2,Do you have a mascot?,Our own reply,none,,,,,\r\n")
    }

    @Test func aCSVWithItsOwnNoColumnNamesTheItemsNumberApart() throws {
        let csv = "No.,Question,Answer\r\n1,How long are backups retained?,\r\n2,Do you support single sign-on (SSO)?,\r\n"
        let questionnaire = try Questionnaire.read(Data(csv.utf8), file: "q.csv").get()
        let answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: Self.sheet, language: .en))
        #expect(String(decoding: answers.csv(), as: UTF8.self) == "\u{FEFF}No.,Question,Answer,Status,Item No.,Item,Revision,URL,Confidence\r\n"
            + "1,How long are backups retained?,72 hours,answered,30,Backup retention period,2025-03-07,https://checksheet.example.com/en/items/backup-retention/,100%\r\n"
            + "2,Do you support single sign-on (SSO)?,,none,,,,,\r\n")
        let japanese = try #require(QuestionnaireAnswers.make(questionnaire, sheet: Self.sheet, language: .ja))
        #expect(japanese.addedHeaders == ["ステータス", "項目No.", "サービスレベル項目", "版", "URL", "確度"])
    }
}
