import Foundation

extension QuestionnaireAnswers {
    /// What was read and how it was answered, in one line for the reader of `checksheet answer`: the sheet, the
    /// question column by letter and header, the number of questions and how many of each status. A wrong pick (the
    /// cover sheet, a domain column) shows at once.
    ///
    /// `sheet 'チェックシート', column C '質問' (header row 4): 56 questions: 40 answered, 10 review, 6 none`
    public var summary: String {
        let questionnaire = self.questionnaire
        let sheet = questionnaire.worksheet.map { "sheet '\($0.name)', " } ?? ""
        let letter = SheetTable.columnName(questionnaire.column)
        let column = questionnaire.headerRow.map { header in
            let name = questionnaire.rows[header][questionnaire.column].trimmed
            return "column \(letter)" + (name.isEmpty ? "" : " '\(name)'") + " (header row \(header + 1))"
        } ?? "column \(letter) (no header row)"
        let counts = QuestionAnswer.Status.allCases.map { status in "\(rows.filter { $0.answer.status == status }.count) \(status.rawValue)" }
        return "\(sheet)\(column): \(rows.count) question\(rows.count == 1 ? "" : "s"): " + counts.joined(separator: ", ")
    }

    /// Where the written answers went and why, for the reader of `checksheet answer` (a CSV or workbook written; JSON
    /// fills no column): the column by letter and header, and the rule that chose it.
    ///
    /// `answers written into column E 'Comments': column D 'Yes/No/NA' is a dropdown, left for the customer to choose in`
    public var answerPlacement: String {
        let questionnaire = self.questionnaire
        let names = questionnaire.columnNames
        func named(_ index: Int) -> String {
            let name = index < names.count ? names[index].trimmed : ""
            return "column \(SheetTable.columnName(index))" + (name.isEmpty ? "" : " '\(name)'")
        }
        let column = writtenAnswerColumn
        let place = questionnaire.answerColumn == nil
            ? "column \(SheetTable.columnName(column)) '\(addedHeaders[Self.answerIndex])', added" : named(column)
        let why: String
        if let choice = questionnaire.choiceColumn {
            why = "\(named(choice)) is a dropdown, left for the customer to choose in"
                + (questionnaire.answerColumn == nil ? ", and no remarks column (Comments, 備考…) stands beside it" : "")
        } else if questionnaire.answerColumnGiven {
            why = "given with --answer-column"
        } else if questionnaire.answerColumn != nil {
            why = "its header names the answer column"
        } else {
            why = "no column is named for answers (Answer, 回答, Response…)"
        }
        return "answers written into \(place): \(why)"
    }

    /// The workbook's other sheets that hold questions, which were not answered, and how to answer them; nil when
    /// there are none.
    ///
    /// `sheet 'B.運用・セキュリティ' also holds questions (13), not answered: answer it with --sheet 'B.運用・セキュリティ'`
    public var otherSheetsNote: String? {
        let others = questionnaire.otherWorksheets
        guard let first = others.first else { return nil }
        let list = others.map { "'\($0.name)' (\($0.questions))" }.joined(separator: ", ")
        return others.count == 1
            ? "sheet \(list) also holds questions, not answered: answer it with --sheet '\(first.name)'"
            : "sheets \(list) also hold questions, not answered: answer each with --sheet NAME"
    }
}
