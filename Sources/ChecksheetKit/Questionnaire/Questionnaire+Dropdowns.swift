import Foundation

extension Questionnaire {
    /// Whether a list data validation restricts the column's cells on the questions' rows: a dropdown (はい／いいえ,
    /// Yes/No/NA) that allows its choices and no written answer.
    func isDropdown(_ column: Int) -> Bool {
        let questionRows = questions.map { $0.row - 1 }
        return dropdowns.contains { dropdown in dropdown.columns.contains(column) && questionRows.contains { dropdown.rows.contains($0) } }
    }

    /// The answer column moved out of a dropdown: a written answer is never put where a dropdown allows only its choices.
    ///
    /// The dropdown stays the customer's to choose in (`choiceColumn`); the text goes where the form wants it beside
    /// the dropdown, its remarks column (`補足`, `備考`, `Comments`, `Notes`…, see `QuestionnaireColumn.namesRemarks`), the
    /// first one right of the dropdown, else the first; with none, into an added answer column as for a form without
    /// an answer column.
    mutating func movingAnswersOutOfDropdowns() {
        guard let column = answerColumn, isDropdown(column) else { return }
        let names = columnNames
        let remarks = names.indices.filter { index in
            index != column && index != self.column && answeredColumns?.contains(index) != true
                && QuestionnaireColumn.namesRemarks(names[index]) && !isDropdown(index)
        }
        choiceColumn = column
        answerColumn = remarks.first { $0 > column } ?? remarks.first
    }
}
