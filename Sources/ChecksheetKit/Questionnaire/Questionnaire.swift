import Foundation

/// A customer's questionnaire as read from a file: its rows of cells, the row that names the columns, and which
/// columns hold the questions and the answers.
///
/// CSV, TSV, text (one question a line) and XLSX (the sheet that names a question column, or the one asked for) are
/// read. Customers' forms often carry a title and blank rows above the table: the header row is found as a person finds
/// it, as the first row whose cells are column names (`No.`, `質問`, `Assessment Question`, `回答`…, see
/// `QuestionnaireColumn`); rows above it are not questions. With no such row, the first row is the header when it
/// holds short names that ask nothing. The question column is chosen by its header's name or its number, or else it is
/// a column named as a question column, or else the column whose cells read most like questions (long texts that
/// ask), so that a `No.`, `Q1` or domain column is passed over. The answer column is named or numbered, or else the
/// header's column named as an answer column; of several, one without a dropdown (a list data validation), then one
/// whose name lists no choices (`回答欄` before `回答（はい／いいえ）`), then the leftmost.
public struct Questionnaire: Sendable, Equatable {
    /// A column: by header name or by 1-based number. A name that is a column's letters (`C`, `AB`, as standard error
    /// names columns) gives that column, unless the header names a column so: a header's name wins over letters.
    public enum Column: Sendable, Equatable {
        case name(String)
        case number(Int)

        /// `3` is a number, anything else a header name (or letters, see `Questionnaire.columnNumber(letters:)`).
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

    /// Every row, the header and any title above it included, each padded to the same number of cells; a cell's line
    /// breaks as the file wrote them.
    public var rows: [[String]]
    /// 0-based index of the row that names the columns, or nil when the file names none.
    public var headerRow: Int?
    /// 0-based index of the first row that may hold a question: after the header, or after the titles.
    public var firstQuestionRow: Int
    /// 0-based index of the question column.
    public var column: Int
    /// 0-based index of the column the customer keeps for answers, when the header names one or it was given.
    public var answerColumn: Int?
    /// Whether the answer column was given (`--answer-column`) rather than found, for saying why answers go where they go.
    public var answerColumnGiven = false
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
    /// The workbook's tab the questions were read from (nil for text files).
    public var worksheet: Worksheet?
    /// The workbook's other tabs that hold questions too (a question column, and a row under it that asks), in tab
    /// order: a reader is told of them, as they are not answered.
    public var otherWorksheets: [Worksheet] = []

    /// Rows searched for the header: a form's title block and its instructions (記入要領, 用語の定義) can fill a screen
    /// or two above the table, never several pages.
    static let headerSearchDepth = 60

    /// Whether a row names the columns.
    public var hasHeader: Bool { headerRow != nil }

    /// The number of columns, the same for every row.
    public var width: Int { rows.first?.count ?? 0 }

    /// The questions, in row order; rows whose question cell is blank, and section headings, are passed over, but for
    /// sub-questions (`(a) 保存データの暗号化`, `(b) …` under `以下の暗号化を実施していますか。`), which are asked.
    public var questions: [Question] {
        let candidates = rows.indices.dropFirst(firstQuestionRow).filter { !rows[$0][column].trimmed.isEmpty }
        let numberColumn = headerRow.flatMap { header in
            rows[header].indices.first { answeredColumns?.contains($0) != true && QuestionnaireColumn(header: rows[header][$0]) == .number }
        }
        // A heading has no number only in a table whose questions are numbered.
        let numbered = numberColumn.map { number in candidates.filter { !rows[$0][number].trimmed.isEmpty }.count * 2 >= candidates.count } ?? false
        var asked = Set(candidates.filter { !isSectionHeading($0, numberColumn: numbered ? numberColumn : nil) })
        if width == 1 { asked.subtract(lineHeadings(candidates)) }
        asked.formUnion(subQuestions(candidates, asked: asked))
        // Cells keep their line breaks as the file wrote them (for writing them back); a question reads them as `\n`.
        return candidates.filter(asked.contains).map { index in
            Question(row: index + 1, text: rows[index][column].trimmed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
    }

    /// The lines of a one-column questionnaire (pasted text) that head rather than ask: a bracketed or marked label
    /// (`【可用性 / Availability】`, `■ セキュリティ`), a first line that a blank line follows (a title), a line without a
    /// number among numbered questions, and a short line just above a question in a text of questions. A line that
    /// asks is never a heading, but in text whose questions are numbered or bulleted (an e-mail's `1)`, `Q3.`, `・`):
    /// there a line with no number, no bullet and no question in words (`asks`) is a greeting, a signature or a
    /// note (`以上、よろしくお願いいたします。`, `TEL: 03-…`), unless it carries on the question right above it.
    func lineHeadings(_ candidates: [Int]) -> Set<Int> {
        let lines = candidates.map { rows[$0][column] }
        let numbered = lines.filter(Self.isNumberedLine).count * 2 >= lines.count
        let asking = lines.filter(Self.isQuestionLike).count * 2 > lines.count
        // The questions are the listed lines when at least two are listed and no more unlisted lines ask.
        let listed = lines.filter(Self.isListedLine).count
        let listsQuestions = listed >= 2 && listed >= lines.filter { !Self.isListedLine($0) && Self.asks($0) }.count
        var headings = Set<Int>()
        for (offset, index) in candidates.enumerated() {
            if listsQuestions && !Self.isListedLine(lines[offset]) && !Self.asks(lines[offset]) {
                // A question wrapped over two lines: its sentence is not over, and no blank line stands between.
                let continues = offset > 0 && candidates[offset - 1] == index - 1 && !headings.contains(index - 1)
                    && !Self.endsSentence(lines[offset - 1])
                if !continues { headings.insert(index) }
                continue
            }
            guard !Self.isQuestionLike(lines[offset]) else { continue }
            let next = offset + 1 < candidates.count ? candidates[offset + 1] : nil
            let title = offset == 0 && index + 1 < rows.count && rows[index + 1][column].trimmed.isEmpty
            let short = lines[offset].trimmed.unicodeScalars.count <= 30 && asking && next.map { Self.isQuestionLike(rows[$0][column]) } == true
            if Self.isLabel(lines[offset]) || title || (numbered && !Self.isNumberedLine(lines[offset])) || short { headings.insert(index) }
        }
        return headings
    }

    /// Sub-questions: two or more enumerated rows in a row (`(a)`, `①`, `a)`, `・`), blank rows aside, right under a
    /// question that is not itself one of them; each asks its part of that question.
    func subQuestions(_ candidates: [Int], asked: Set<Int>) -> Set<Int> {
        func adjacent(_ upper: Int, _ lower: Int) -> Bool { (upper + 1..<lower).allSatisfy { rows[$0].allSatisfy { $0.trimmed.isEmpty } } }
        var found = Set<Int>()
        var offset = 0
        while offset < candidates.count {
            guard Self.enumerates(rows[candidates[offset]][column]) else { offset += 1; continue }
            var end = offset + 1
            while end < candidates.count && Self.enumerates(rows[candidates[end]][column]) && adjacent(candidates[end - 1], candidates[end]) { end += 1 }
            if end - offset >= 2, offset > 0, asked.contains(candidates[offset - 1]), adjacent(candidates[offset - 1], candidates[offset]) {
                found.formUnion(candidates[offset..<end])
            }
            offset = end
        }
        return found
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

    /// Reads a questionnaire; `file` names it in errors and its extension chooses the format (XLSX is also known by its
    /// bytes). Of a workbook, the sheet `worksheet` names is read, or else the questions' sheet (`questionSheet(of:)`);
    /// the other sheets that hold questions are listed in `otherWorksheets`.
    public static func read(_ data: Data, file: String, column: Column? = nil, answerColumn: Column? = nil,
                            worksheet: Worksheet.Choice? = nil) -> Result<Questionnaire, DiagnosticsError> {
        func failure(_ message: String, _ hint: String) -> Result<Questionnaire, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(file: file, message: message, hint: hint)]))
        }
        if let format = otherFormat(data, file: file) { return failure(format.problem.message, format.problem.hint) }
        guard !data.isEmpty else { return failure("the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row") }
        let lowercased = file.lowercased()
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lowercased.hasSuffix(".xlsx") {
            guard let sheets = try? Self.worksheets(ofWorkbook: data) else {
                return failure("the file is not an XLSX workbook", "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)")
            }
            let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            let chosen: Int
            switch worksheet {
            case let .name(name)?:
                guard let index = sheets.firstIndex(where: { $0.name == name }) ?? sheets.firstIndex(where: { Worksheet.sameName($0.name, name) }) else {
                    return failure("no sheet is named '\(name)'", "the workbook's sheets are \(names)")
                }
                chosen = index
            case let .number(number)?:
                guard number <= sheets.count else {
                    return failure("there is no sheet \(number): the workbook has \(sheets.count)", "give a number from 1 to \(sheets.count), or a name: \(names)")
                }
                chosen = number - 1
            case nil:
                chosen = questionSheet(of: sheets.map(\.rows))
            }
            let sheet = sheets[chosen]
            var read = table(sheet.rows, merges: sheet.merges, dropdowns: sheet.dropdowns, isPlainText: false, file: file, column: column, answerColumn: answerColumn)
            if case var .success(questionnaire) = read {
                questionnaire.workbook = Workbook(package: data, sheetPath: sheet.path)
                questionnaire.worksheet = Worksheet(name: sheet.name, number: chosen + 1, questions: questionnaire.questions.count)
                // An instructions sheet's `項目 | 記入方法` table names a question column too, but none of its rows asks.
                questionnaire.otherWorksheets = sheets.indices.filter { $0 != chosen && questionCount(sheets[$0].rows) != nil }.compactMap { index in
                    let other = sheets[index]
                    let questions = (try? table(other.rows, merges: other.merges, dropdowns: other.dropdowns, isPlainText: false, file: file).get())?.questions ?? []
                    guard questions.contains(where: { isQuestionLike($0.text) }) else { return nil }
                    return Worksheet(name: other.name, number: index + 1, questions: questions.count)
                }
                read = .success(questionnaire)
            }
            return read
        }
        guard worksheet == nil else { return failure("the questionnaire has no sheets: it is not an XLSX workbook", "leave out the sheet") }
        guard let (text, _) = SheetEncoding.decode(data), !text.unicodeScalars.contains("\u{0}") else {
            return failure("the file is not a CSV, TSV, text or XLSX file", "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if lowercased.hasSuffix(".csv") {
            return table(DelimitedText.parse(body, delimiter: ",", keepingLineBreaks: true).rows.map(\.values), isPlainText: false, file: file,
                         column: column, answerColumn: answerColumn)
        } else if lowercased.hasSuffix(".tsv") || body.contains("\t") {
            return table(DelimitedText.parse(body, delimiter: "\t", keepingLineBreaks: true).rows.map(\.values), isPlainText: false, file: file,
                         column: column, answerColumn: answerColumn)
        }
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { [String($0)] }
        return table(lines, isPlainText: true, file: file, column: column, answerColumn: answerColumn)
    }

    /// The questionnaire of one table of cells (a text file's, or a worksheet's with its merges and dropdowns): its header,
    /// question column and answer column found.
    static func table(_ rows: [[String]], merges: [Merge] = [], dropdowns: [Merge] = [], isPlainText: Bool, file: String,
                      column: Column? = nil, answerColumn: Column? = nil) -> Result<Questionnaire, DiagnosticsError> {
        func failure(_ message: String, _ hint: String) -> Result<Questionnaire, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(file: file, message: message, hint: hint)]))
        }
        var rows = rows
        while let last = rows.last, last.allSatisfy({ $0.trimmed.isEmpty }) { rows.removeLast() }
        guard !rows.isEmpty else { return failure("the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row") }
        // A merged answer or heading cell reaches past the last filled column: columns added for answers go after it.
        let width = max(rows.map(\.count).max() ?? 1, (merges.filter { $0.rows.lowerBound < rows.count }.map(\.columns.upperBound).max() ?? -1) + 1)
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }

        var questionnaire = Questionnaire(rows: rows, headerRow: nil, firstQuestionRow: 0, column: 0, merges: merges, dropdowns: dropdowns)
        var column = column
        if case let .name(name)? = column, let number = columnNumber(letters: name) {
            let wanted = QuestionnaireColumn.normalized(name)
            let header = Self.headerRow(of: rows, width: width, isPlainText: isPlainText).header
            if !(header.map { rows[$0].contains { QuestionnaireColumn.normalized($0) == wanted } } ?? false) {
                guard number <= width else { return failure(noColumn(name, width: width), lettersHint(width)) }
                column = .number(number)
            }
        }
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
            guard !candidates.isEmpty else {
                return failure("no column holds text", "put the questions in one column, one a row")
            }
            func averageLength(_ index: Int) -> Double {
                let cells = body.map { $0[index].trimmed }.filter { !$0.isEmpty }
                return Double(cells.reduce(0) { $0 + $1.unicodeScalars.count }) / Double(max(cells.count, 1))
            }
            // How much a column's cells read like questions: long texts, the more so the more of them ask. A domain
            // column (`Business Continuity Management`) is long too, but asks nothing; questions are longer still.
            func askingScore(_ index: Int) -> Double {
                let cells = body.map { $0[index] }.filter { !$0.trimmed.isEmpty }
                return averageLength(index) * (1 + Double(cells.filter(isQuestionLike).count) / Double(max(cells.count, 1)))
            }
            // A header may name two question-like columns (`項目`, `質問`): the questions are the longer texts. The
            // leftmost column wins a tie.
            let named = questionnaire.headerRow.map { header in candidates.filter { QuestionnaireColumn(header: rows[header][$0]) == .question } } ?? []
            questionnaire.column = named.max { averageLength($0) < averageLength($1) || (averageLength($0) == averageLength($1) && $0 > $1) }
                ?? candidates.max { askingScore($0) < askingScore($1) || (askingScore($0) == askingScore($1) && $0 > $1) }!
        }

        questionnaire.namesRow = questionnaire.headerRow.flatMap { namesRow(under: $0, rows: rows, merges: merges) }
        if let names = questionnaire.namesRow { questionnaire.firstQuestionRow = max(questionnaire.firstQuestionRow, names + 1) }
        let header = questionnaire.columnNames
        questionnaire.answeredColumns = questionnaire.headerRow.flatMap { _ in QuestionnaireAnswers.addedColumns(in: header) }
        var answerColumn = answerColumn
        if case let .name(name)? = answerColumn, let number = columnNumber(letters: name),
           !header.contains(where: { QuestionnaireColumn.normalized($0) == QuestionnaireColumn.normalized(name) }) {
            guard number <= width else { return failure(noColumn(name, width: width), lettersHint(width)) }
            answerColumn = .number(number)
        }
        questionnaire.answerColumnGiven = answerColumn != nil
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
            // A header that lists the choices of the dropdown under it (`Yes/No/NA`, `はい／いいえ`, `○/×/－`) heads where the
            // customer answers; the written answer then goes beside it, as for any dropdown.
            if questionnaire.answerColumn == nil, questionnaire.headerRow != nil {
                questionnaire.answerColumn = header.indices.first { index in
                    index != questionnaire.column && questionnaire.answeredColumns?.contains(index) != true
                        && QuestionnaireColumn.namesChoices(header[index]) && questionnaire.isDropdown(index)
                }
            }
        }
        questionnaire.movingAnswersOutOfDropdowns()
        if questionnaire.answerColumn == questionnaire.column {
            return failure("the answer column is the question column", "give another column with `--answer-column`, or none to add one")
        }
        return .success(questionnaire)
    }

    /// The 1-based number of a column given by its letters, as a spreadsheet and standard error name it (`C`, `ab`), or
    /// nil when the text is no column's letters.
    public static func columnNumber(letters text: String) -> Int? {
        let letters = text.trimmed.uppercased().unicodeScalars
        guard (1...3).contains(letters.count), letters.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return letters.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// The message for column letters past the table's last column.
    private static func noColumn(_ letters: String, width: Int) -> String {
        "there is no column \(letters.trimmed.uppercased()): the questionnaire has \(width), A to \(SheetTable.columnName(width - 1))"
    }

    private static func lettersHint(_ width: Int) -> String {
        "give a letter from A to \(SheetTable.columnName(width - 1)), a number from 1 to \(width) or a header's name"
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
        // A title of one cell holding a column's word (`セキュリティ確認事項`) names no column; a listed name alone does.
        func isNamed(_ row: [String]) -> Bool {
            namesOnly(row) && filled(row).contains { QuestionnaireColumn.isListed($0) || (filled(row).count > 1 && QuestionnaireColumn(header: $0) != nil) }
        }
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

    /// Whether a cell reads as a question or a request: it ends in `?`, `？`, `。`, `か` or `ください`, or in `.` after a
    /// sentence.
    static func isQuestionLike(_ cell: String) -> Bool {
        let text = cell.trimmed
        // A full stop ends a question only in a sentence: `No.` is a header.
        return text.hasSuffix("?") || text.hasSuffix("？") || text.hasSuffix("。") || text.hasSuffix("か") || text.hasSuffix("ください")
            || text.hasSuffix("下さい") || (text.hasSuffix(".") && text.contains(" "))
    }

    /// Circled numbers and letters (`①`, `⑴`, `⒜`, `㋐`), which compatibility mapping turns into plain digits.
    private static func startsCircled(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first?.value else { return false }
        return (0x2460...0x24B5).contains(first) || first == 0x24EA || (0x3251...0x325F).contains(first) || (0x32B1...0x32BF).contains(first)
            || (0x32D0...0x32FE).contains(first)
    }

    nonisolated(unsafe) private static let enumerator = /^(\((?:[a-z]|[ivx]{1,4}|[0-9]{1,3}|[ア-ン])\)|(?:[a-z]|[0-9]{1,2})\)|[a-z]\.\s|[・•])/
    nonisolated(unsafe) private static let lineNumber = /^((?:q|問|no\.?|#)?\s*[0-9]+(?:[-.):、]|\s)|\([0-9]+\))/

    /// Whether a cell begins with an enumerator of sub-items: `(a)`, `（ｂ）`, `(iv)`, `(1)`, `a)`, `1)`, `a. `, `・`,
    /// `①`, `㋐`.
    static func enumerates(_ cell: String) -> Bool {
        let text = cell.trimmed
        return startsCircled(text) || text.precomposedStringWithCompatibilityMapping.lowercased().prefixMatch(of: enumerator) != nil
    }

    /// Whether a line begins with its question's number: `1.`, `1-1`, `Q3`, `問3`, `No.4`, `(2)`, `①`.
    static func isNumberedLine(_ cell: String) -> Bool {
        let text = cell.trimmed
        return startsCircled(text) || text.precomposedStringWithCompatibilityMapping.lowercased().prefixMatch(of: lineNumber) != nil
    }

    /// Whether a line of text begins with a number or a bullet: `1)`, `Q3.`, `①`, `(a)`, `・`, `- `.
    static func isListedLine(_ cell: String) -> Bool {
        let text = Array(cell.trimmed.precomposedStringWithCompatibilityMapping)
        return isNumberedLine(cell) || enumerates(cell) || (text.count > 1 && "-*+".contains(text[0]) && text[1].isWhitespace)
    }

    /// Words that begin a question or a request in English: `Do you…`, `What is…`, `Describe…`, `Please list…`.
    private static let askingWords: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
        "have", "has", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "describe", "explain", "list",
        "provide", "state", "specify", "indicate", "confirm", "outline", "detail", "share", "give", "tell", "attach",
    ]

    /// Whether a line asks in words, wherever it stands and whatever its punctuation: it ends in `?` or `？`, or in `か`,
    /// `ください`, `下さい` or `こと` (a full stop after them allowed), or begins with a question or request word (`Do`,
    /// `What`, `Describe`, `Please list`). Stricter than `isQuestionLike`: `お世話になっております。` ends in `。` but asks
    /// nothing. The browser's `asks` is the same.
    static func asks(_ cell: String) -> Bool {
        var text = cell.trimmed.precomposedStringWithCompatibilityMapping.lowercased()
        if text.hasSuffix("?") { return true }
        while let last = text.last, last == "。" || last == "." { text.removeLast() }
        if ["か", "ください", "下さい", "こと"].contains(where: text.hasSuffix) { return true }
        let words = text.split { !$0.isLetter }.prefix(2).map(String.init)
        guard let first = words.first else { return false }
        return askingWords.contains(first == "please" && words.count > 1 ? words[1] : first)
    }

    /// Whether a line ends its sentence (`?`, `。`, `.`, `!`), so that the next line does not carry it on.
    static func endsSentence(_ cell: String) -> Bool {
        guard let last = cell.trimmed.precomposedStringWithCompatibilityMapping.last else { return true }
        return "?。.!".contains(last)
    }

    /// Whether a line is a label set apart by brackets or a mark: `【可用性 / Availability】`, `[Security]`, `■ 運用`,
    /// `# Backups`.
    static func isLabel(_ cell: String) -> Bool {
        let text = cell.trimmed.precomposedStringWithCompatibilityMapping
        guard let first = text.first, let last = text.last, text.count > 1 else { return false }
        let pairs: [Character: Character] = ["【": "】", "[": "]", "〔": "〕", "〈": "〉", "《": "》", "<": ">", "(": ")"]
        if let closer = pairs[first] { return last == closer }
        return "■□◆◇●○▼▽▶►#".contains(first)
    }
}
