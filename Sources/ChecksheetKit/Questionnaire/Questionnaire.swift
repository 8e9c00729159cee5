import Foundation

/// A customer's questionnaire as read from a file: its rows of cells, the row that names the columns, and which
/// columns hold the questions and the answers.
///
/// CSV, TSV, text (one question a line) and XLSX (the first sheet) are read. Customers' forms often carry a title
/// and blank rows above the table: the header row is found as a person finds it, as the first row whose cells are
/// column names (`No.`, `質問`, `Question`, `回答`…, see `QuestionnaireColumn`); rows above it are not questions. With
/// no such row, the first row is the header when it holds short names that ask nothing. The question column is
/// chosen by its header's name or its number, or else it is a column named as a question column, or else the first
/// column whose cells hold text (letters or Japanese, ten characters on average), so that a `No.` or `Q1` column is
/// passed over. The answer column is named or numbered, or else the header's column named as an answer column; of
/// several, one without a dropdown (a list data validation), then one whose name lists no choices (`回答欄` before
/// `回答（はい／いいえ）`), then the leftmost.
public struct Questionnaire: Sendable, Equatable {
    /// A column: by header name or by 1-based number.
    public enum Column: Sendable, Equatable {
        case name(String)
        case number(Int)

        /// `3` is a number, anything else a header name.
        public init(_ text: String) {
            if let number = Int(text), number > 0 { self = .number(number) } else { self = .name(text) }
        }
    }

    /// One question and the row it stands on.
    public struct Question: Sendable, Equatable {
        /// 1-based row in the file, header included, as a spreadsheet numbers it.
        public var row: Int
        public var text: String
    }

    /// Cells merged into one, 0-based and inclusive, as a workbook's `<mergeCell ref="B4:D4"/>` says.
    public struct Merge: Sendable, Equatable {
        public var rows: ClosedRange<Int>
        public var columns: ClosedRange<Int>
    }

    /// Every row, the header and any title above it included, each padded to the same number of cells.
    public var rows: [[String]]
    /// 0-based index of the row that names the columns, or nil when the file names none.
    public var headerRow: Int?
    /// 0-based index of the first row that may hold a question: after the header, or after the titles.
    public var firstQuestionRow: Int
    /// 0-based index of the question column.
    public var column: Int
    /// 0-based index of the column the customer keeps for answers, when the header names one or it was given.
    public var answerColumn: Int?
    /// 0-based index of the row under the header that names the columns of the header's groups (`事業者記入欄` merged
    /// over `回答 | 補足`), or nil; see `columnNames`.
    public var namesRow: Int? = nil
    /// 0-based index of the dropdown column (はい／いいえ) the customer's answer column was, left for the customer to
    /// choose in while the written answer goes beside it (`movingAnswersOutOfDropdowns`), or nil.
    public var choiceColumn: Int? = nil
    /// The columns an earlier `checksheet answer` added to the right of the table, known by their headers: answering
    /// the answered file again (after a new revision) writes into them rather than adding a second set.
    public var answeredColumns: Range<Int>?
    /// The workbook's merged cells (none for text files): a heading merged across the table is not a question.
    public var merges: [Merge] = []
    /// The cells a list data validation restricts to choices (none for text files): a dropdown is no answer column.
    public var dropdowns: [Merge] = []
    /// The workbook the questionnaire was read from, so that answers can be written back into it.
    public var workbook: Workbook?

    /// Rows searched for the header: a form's title block is a few rows, never a page.
    static let headerSearchDepth = 20

    /// Whether a row names the columns.
    public var hasHeader: Bool { headerRow != nil }

    /// The number of columns, the same for every row.
    public var width: Int { rows.first?.count ?? 0 }

    /// The questions, in row order; rows whose question cell is blank, and section headings, are passed over.
    public var questions: [Question] {
        let candidates = rows.indices.dropFirst(firstQuestionRow).filter { !rows[$0][column].trimmed.isEmpty }
        let numberColumn = headerRow.flatMap { header in
            rows[header].indices.first { answeredColumns?.contains($0) != true && QuestionnaireColumn(header: rows[header][$0]) == .number }
        }
        // A heading has no number only in a table whose questions are numbered.
        let numbered = numberColumn.map { number in candidates.filter { !rows[$0][number].trimmed.isEmpty }.count * 2 >= candidates.count } ?? false
        return candidates.filter { !isSectionHeading($0, numberColumn: numbered ? numberColumn : nil) }
            .map { Question(row: $0 + 1, text: rows[$0][column].trimmed) }
    }

    /// A row that heads a section of the table rather than asking: its only filled cell is the question cell, and
    /// that cell is merged over another column of the header, or the table numbers its questions and this row has
    /// no number and asks nothing.
    func isSectionHeading(_ index: Int, numberColumn: Int?) -> Bool {
        let cells = rows[index]
        guard cells.indices.allSatisfy({ $0 == column || cells[$0].trimmed.isEmpty }) else { return false }
        if let header = headerRow, let merge = merges.first(where: { $0.rows.contains(index) && $0.columns.contains(column) }),
           merge.columns.contains(where: { $0 != column && $0 < width && !rows[header][$0].trimmed.isEmpty }) {
            return true
        }
        return numberColumn != nil && !Self.isQuestionLike(cells[column])
    }

    /// Reads a questionnaire; `file` names it in errors and its extension chooses the format (XLSX is also known by its bytes).
    public static func read(_ data: Data, file: String, column: Column? = nil, answerColumn: Column? = nil) -> Result<Questionnaire, DiagnosticsError> {
        func failure(_ message: String, _ hint: String) -> Result<Questionnaire, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(file: file, message: message, hint: hint)]))
        }
        if let format = otherFormat(data, file: file) { return failure(format.problem.message, format.problem.hint) }
        guard !data.isEmpty else { return failure("the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row") }
        let lowercased = file.lowercased()
        var rows: [[String]]
        var merges: [Merge] = []
        var dropdowns: [Merge] = []
        var workbook: Workbook?
        var isPlainText = false
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lowercased.hasSuffix(".xlsx") {
            guard let sheet = try? Self.questionSheet(ofWorkbook: data) else {
                return failure("the file is not an XLSX workbook", "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)")
            }
            rows = sheet.rows
            merges = sheet.merges
            dropdowns = sheet.dropdowns
            workbook = Workbook(package: data, sheetPath: sheet.path)
        } else {
            guard let (text, _) = SheetEncoding.decode(data), !text.unicodeScalars.contains("\u{0}") else {
                return failure("the file is not a CSV, TSV, text or XLSX file", "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)")
            }
            let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            if lowercased.hasSuffix(".csv") {
                rows = DelimitedText.parse(body, delimiter: ",").rows.map(\.values)
            } else if lowercased.hasSuffix(".tsv") || body.contains("\t") {
                rows = DelimitedText.parse(body, delimiter: "\t").rows.map(\.values)
            } else {
                isPlainText = true
                rows = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { [String($0)] }
            }
        }
        while let last = rows.last, last.allSatisfy({ $0.trimmed.isEmpty }) { rows.removeLast() }
        guard !rows.isEmpty else { return failure("the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row") }
        // A merged answer or heading cell reaches past the last filled column: columns added for answers go after it.
        let width = max(rows.map(\.count).max() ?? 1, (merges.filter { $0.rows.lowerBound < rows.count }.map(\.columns.upperBound).max() ?? -1) + 1)
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }

        var questionnaire = Questionnaire(rows: rows, headerRow: nil, firstQuestionRow: 0, column: 0, merges: merges, dropdowns: dropdowns, workbook: workbook)
        switch column {
        case let .name(name)?:
            let wanted = QuestionnaireColumn.normalized(name)
            guard let (header, index) = rows.indices.lazy.compactMap({ row in
                rows[row].firstIndex { QuestionnaireColumn.normalized($0) == wanted }.map { (row, $0) }
            }).first else {
                let header = Self.headerRow(of: rows, width: width, isPlainText: isPlainText).header ?? 0
                let known = rows[header].filter { !$0.trimmed.isEmpty }.map { "'\($0.trimmed)'" }.joined(separator: ", ")
                return failure("no column is named '\(name)'", known.isEmpty ? "no row names the columns; give its number, for example `--column 2`"
                                                                             : "row \(header + 1) names \(known)")
            }
            (questionnaire.headerRow, questionnaire.firstQuestionRow, questionnaire.column) = (header, header + 1, index)
        case let .number(number)?:
            guard number <= width else { return failure("there is no column \(number): the questionnaire has \(width)", "give a number from 1 to \(width)") }
            (questionnaire.headerRow, questionnaire.firstQuestionRow) = Self.headerRow(of: rows, width: width, isPlainText: isPlainText, column: number - 1)
            questionnaire.column = number - 1
        case nil:
            (questionnaire.headerRow, questionnaire.firstQuestionRow) = Self.headerRow(of: rows, width: width, isPlainText: isPlainText)
            let body = rows.dropFirst(questionnaire.firstQuestionRow)
            // The item names an earlier answer added are no questions, though its column is called `Item`.
            let answered = questionnaire.headerRow.flatMap { QuestionnaireAnswers.addedColumns(in: rows[$0]) } ?? 0..<0
            let candidates = (0..<width).filter { index in !answered.contains(index) && body.contains { hasText($0[index]) } }
            guard let first = candidates.first else {
                return failure("no column holds text", "put the questions in one column, one a row")
            }
            func averageLength(_ index: Int) -> Double {
                let cells = body.map { $0[index].trimmed }.filter { !$0.isEmpty }
                return Double(cells.reduce(0) { $0 + $1.unicodeScalars.count }) / Double(max(cells.count, 1))
            }
            // A header may name two question-like columns (`項目`, `質問`): the questions are the longer texts.
            let named = questionnaire.headerRow.map { header in candidates.filter { QuestionnaireColumn(header: rows[header][$0]) == .question } } ?? []
            questionnaire.column = named.max { averageLength($0) < averageLength($1) } ?? candidates.first { averageLength($0) >= 10 } ?? first
        }

        questionnaire.namesRow = questionnaire.headerRow.flatMap { namesRow(under: $0, rows: rows, merges: merges) }
        if let names = questionnaire.namesRow { questionnaire.firstQuestionRow = max(questionnaire.firstQuestionRow, names + 1) }
        let header = questionnaire.columnNames
        questionnaire.answeredColumns = questionnaire.headerRow.flatMap { _ in QuestionnaireAnswers.addedColumns(in: header) }
        switch answerColumn {
        case let .name(name)?:
            let wanted = QuestionnaireColumn.normalized(name)
            guard let index = header.firstIndex(where: { QuestionnaireColumn.normalized($0) == wanted }) else {
                return failure("no column is named '\(name)'", questionnaire.namedColumnsHint ?? "no row names the columns; give its number, for example `--answer-column 3`")
            }
            questionnaire.answerColumn = index
        case let .number(number)?:
            guard number <= width else { return failure("there is no column \(number): the questionnaire has \(width)", "give a number from 1 to \(width)") }
            questionnaire.answerColumn = number - 1
        case nil:
            // Of two answer columns (`回答（はい／いいえ）` and `回答欄`), the written answer goes where a person writes: not in a
            // dropdown's cells, and rather under a plain name than under one whose note lists choices.
            questionnaire.answerColumn = questionnaire.headerRow.flatMap { headerRow in
                header.indices.filter { index in
                    index != questionnaire.column && questionnaire.answeredColumns?.contains(index) != true
                        && QuestionnaireColumn(header: header[index]) == .answer
                }.min { a, b in
                    func rank(_ index: Int) -> (Int, Int, Int) {
                        let dropdown = dropdowns.contains { $0.columns.contains(index) && $0.rows.upperBound > headerRow }
                        return (dropdown ? 1 : 0, QuestionnaireColumn.listsChoices(header[index]) ? 1 : 0, index)
                    }
                    return rank(a) < rank(b)
                }
            }
        }
        questionnaire.movingAnswersOutOfDropdowns()
        if questionnaire.answerColumn == questionnaire.column {
            return failure("the answer column is the question column", "give another column with `--answer-column`, or none to add one")
        }
        return .success(questionnaire)
    }

    /// The header row and the first row that may hold a question.
    ///
    /// A row of column names that `QuestionnaireColumn` knows, above any question, is the header; an instruction of one
    /// cell above it (`※回答欄に記載してください。`) is a title, not a question. Otherwise the first
    /// row is the header when it holds short names that ask nothing (in one column only when questions follow it),
    /// and so is a row of such names that only titles (a single short cell) and blank rows stand above.
    static func headerRow(of rows: [[String]], width: Int, isPlainText: Bool, column: Int? = nil) -> (header: Int?, firstQuestionRow: Int) {
        func filled(_ row: [String]) -> [String] { row.filter { !$0.trimmed.isEmpty } }
        // A known name may carry a long note in brackets (`Answer (attach evidence where you can)`).
        func namesOnly(_ row: [String]) -> Bool {
            row.allSatisfy { QuestionnaireColumn(header: $0) != nil || ($0.trimmed.unicodeScalars.count <= 40 && !isQuestionLike($0)) }
        }
        // A title is one cell, however long; a row that asks, or holds long texts side by side, is a question.
        func isTitle(_ row: [String]) -> Bool { filled(row).count <= 1 && !row.contains(where: isQuestionLike) }
        let top = rows.prefix(headerSearchDepth)
        func isNamed(_ row: [String]) -> Bool { namesOnly(row) && filled(row).contains { QuestionnaireColumn(header: $0) != nil } }
        let asking = top.firstIndex { !isTitle($0) && !namesOnly($0) } ?? top.endIndex
        if let named = top[..<asking].firstIndex(where: isNamed), named + 1 < rows.count {
            return (named, named + 1)
        }
        // An instruction above the table (`※回答欄に記載してください。`) is one cell that reads like a question: above a
        // row of column names side by side it is a title, and only cells side by side that ask end the search.
        let asksSideBySide = top.firstIndex { filled($0).count > 1 && !namesOnly($0) } ?? top.endIndex
        if let named = top[..<asksSideBySide].firstIndex(where: { filled($0).count > 1 && isNamed($0) }), named + 1 < rows.count {
            return (named, named + 1)
        }
        guard !isPlainText, rows.count > 1 else { return (nil, 0) }
        if width > 1 {
            let titles = top.prefix(while: isTitle).count
            if titles > 0, titles + 1 < rows.count, filled(rows[titles]).count > 1, namesOnly(rows[titles]) { return (titles, titles + 1) }
        }
        let isHeader: Bool
        if let column {
            isHeader = width > 1 && !isQuestionLike(rows[0][column]) && rows[0][column].trimmed.unicodeScalars.count <= 40
        } else {
            isHeader = namesOnly(rows[0]) && (width > 1 || rows.dropFirst().contains { isQuestionLike($0[0]) })
        }
        return isHeader ? (0, 1) : (nil, 0)
    }

    /// Letters or Japanese: a cell that could be a question (not `12` or `-`).
    static func hasText(_ cell: String) -> Bool {
        cell.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    static func isQuestionLike(_ cell: String) -> Bool {
        let text = cell.trimmed
        // A full stop ends a question only in a sentence: `No.` is a header.
        return text.hasSuffix("?") || text.hasSuffix("？") || text.hasSuffix("。") || (text.hasSuffix(".") && text.contains(" "))
    }
}
