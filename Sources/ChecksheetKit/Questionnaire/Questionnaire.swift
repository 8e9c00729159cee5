import Foundation

/// A customer's questionnaire as read from a file: its rows of cells and which column holds the questions.
///
/// CSV, TSV, text (one question a line) and XLSX (the first sheet) are read. The question column is chosen by its
/// header's name or its number, or else it is the first column whose cells hold text (letters or Japanese, ten
/// characters on average), so that a leading `No.` or `Q1` column is passed over.
public struct Questionnaire: Sendable, Equatable {
    /// The question column: by header name or by 1-based number.
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

    /// Every row, the header included, each padded to the same number of cells.
    public var rows: [[String]]
    /// Whether the first row names the columns.
    public var hasHeader: Bool
    /// 0-based index of the question column.
    public var column: Int

    /// The questions, in row order; rows whose question cell is blank are passed over.
    public var questions: [Question] {
        rows.enumerated().dropFirst(hasHeader ? 1 : 0).compactMap { index, cells in
            let text = cells[column].trimmed
            return text.isEmpty ? nil : Question(row: index + 1, text: text)
        }
    }

    /// Reads a questionnaire; `file` names it in errors and its extension chooses the format (XLSX is also known by its bytes).
    public static func read(_ data: Data, file: String, column: Column? = nil) -> Result<Questionnaire, DiagnosticsError> {
        func failure(_ message: String, _ hint: String) -> Result<Questionnaire, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(file: file, message: message, hint: hint)]))
        }
        guard !data.isEmpty else { return failure("the questionnaire is empty", "give a CSV, TSV, text or XLSX file with one question a row") }
        let lowercased = file.lowercased()
        var rows: [[String]]
        var isPlainText = false
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lowercased.hasSuffix(".xlsx") {
            guard let sheet = try? Self.firstSheet(ofWorkbook: data) else {
                return failure("the file is not an XLSX workbook", "save the questionnaire from Excel as .xlsx, or as CSV (UTF-8)")
            }
            rows = sheet
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
        let width = rows.map(\.count).max() ?? 1
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }

        switch column {
        case let .name(name)?:
            let wanted = name.trimmed.lowercased()
            guard let index = rows[0].firstIndex(where: { $0.trimmed.lowercased() == wanted }) else {
                let known = rows[0].filter { !$0.trimmed.isEmpty }.map { "'\($0.trimmed)'" }.joined(separator: ", ")
                return failure("no column is named '\(name)'", known.isEmpty ? "the first row names no column; give its number, for example `--column 2`" : "the first row names \(known)")
            }
            return .success(Questionnaire(rows: rows, hasHeader: true, column: index))
        case let .number(number)?:
            guard number <= width else { return failure("there is no column \(number): the questionnaire has \(width)", "give a number from 1 to \(width)") }
            return .success(Questionnaire(rows: rows, hasHeader: looksLikeHeader(rows, column: number - 1), column: number - 1))
        case nil:
            // A first row of short names that ask nothing is a header; in one column only when questions follow it.
            let hasHeader = rows.count > 1 && !isPlainText && rows[0].allSatisfy { $0.trimmed.unicodeScalars.count <= 40 && !isQuestionLike($0) }
                && (width > 1 || rows.dropFirst().contains { isQuestionLike($0[0]) })
            let body = rows.dropFirst(hasHeader ? 1 : 0)
            let candidates = (0..<width).filter { index in body.contains { hasText($0[index]) } }
            guard let first = candidates.first else {
                return failure("no column holds text", "put the questions in one column, one a row")
            }
            let chosen = candidates.first { index in
                let cells = body.map { $0[index].trimmed }.filter { !$0.isEmpty }
                return cells.reduce(0) { $0 + $1.unicodeScalars.count } >= 10 * max(cells.count, 1)
            } ?? first
            return .success(Questionnaire(rows: rows, hasHeader: hasHeader, column: chosen))
        }
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

    static func looksLikeHeader(_ rows: [[String]], column: Int) -> Bool {
        rows.count > 1 && rows[0].count > 1 && !isQuestionLike(rows[0][column]) && rows[0][column].trimmed.unicodeScalars.count <= 40
    }
}
