import Foundation

extension Questionnaire {
    /// The columns' names: the header row's, with those of the row under it where that row names a group's columns.
    ///
    /// Forms often head a few columns with one group cell merged across them (`事業者記入欄` over `回答 | 補足`), and
    /// name those columns on the row under it, while the other columns' names stand merged over both rows. Answer
    /// columns are found, and `--answer-column NAME` looks, among these names.
    public var columnNames: [String] {
        guard let header = headerRow else { return [] }
        guard let names = namesRow else { return rows[header] }
        return zip(rows[header], rows[names]).map { $1.trimmed.isEmpty ? $0 : $1 }
    }

    /// The row under `header` when it names the columns of the header's groups: its filled cells are all column names
    /// (`QuestionnaireColumn`, a remarks column's, or choices such as `はい／いいえ`), each under a group of the header, a cell merged across columns
    /// or, in a text file, a name followed by blank cells. Nil otherwise.
    static func namesRow(under header: Int, rows: [[String]], merges: [Merge]) -> Int? {
        let below = header + 1
        guard below < rows.count else { return nil }
        let filled = rows[below].indices.filter { !rows[below][$0].trimmed.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ column in
            let name = rows[below][column]
            return QuestionnaireColumn(header: name) != nil || QuestionnaireColumn.namesRemarks(name) || QuestionnaireColumn.namesChoices(name)
        })
        else { return nil }
        var groups = merges.filter { $0.rows.lowerBound == header && $0.columns.count > 1 }.map(\.columns)
        if merges.isEmpty {
            let cells = rows[header]
            for start in cells.indices where !cells[start].trimmed.isEmpty {
                let end = cells[(start + 1)...].firstIndex { !$0.trimmed.isEmpty }.map { $0 - 1 } ?? cells.count - 1
                if end > start { groups.append(start...end) }
            }
        }
        return filled.allSatisfy { column in groups.contains { $0.contains(column) } } ? below : nil
    }

    /// The names of the header's row or rows, quoted for a message: `row 4 names 'No.', 'Question'`.
    var namedColumnsHint: String? {
        guard let header = headerRow else { return nil }
        let known = columnNames.filter { !$0.trimmed.isEmpty }.map { "'\($0.trimmed)'" }.joined(separator: ", ")
        if known.isEmpty { return nil }
        return namesRow.map { "rows \(header + 1) and \($0 + 1) name \(known)" } ?? "row \(header + 1) names \(known)"
    }
}
