import Foundation

/// Rows of a TSV or CSV file as Excel writes them: RFC 4180 quoting (`"a, ""b"""`), line breaks
/// inside quoted cells, CRLF or LF.
public struct DelimitedText: Sendable, Equatable {
    /// One cell and where it starts, for diagnostics.
    public struct Cell: Sendable, Equatable {
        public var value: String
        /// 1-based column of the cell's first character in its line.
        public var column: Int
    }

    /// One row and the line it starts on.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [Cell]

        /// The cells' values.
        public var values: [String] { cells.map(\.value) }

        /// True when every cell is empty or blank.
        public var isBlank: Bool { cells.allSatisfy { $0.value.allSatisfy(\.isWhitespace) } }
    }

    /// A quoting mistake that makes the text mean something other than the sheet: located, without a file name.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String

        /// The problem as a diagnostic of `file`.
        public func diagnostic(file: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: column, message: message, hint: hint)
        }
    }

    public var delimiter: Character
    public var rows: [Row]
    /// Quoting mistakes; when there are any, the rows are not what the sheet says.
    public var problems: [Problem] = []

    /// Splits `text` into rows; `delimiter` nil means: the one that splits the header row into known column names.
    /// A line break inside a quoted cell becomes `\n`, or stays as written (CRLF, LF, CR) with `keepingLineBreaks`.
    public static func parse(_ text: String, delimiter: Character? = nil, keepingLineBreaks: Bool = false) -> DelimitedText {
        var parser = Parser(delimiter: delimiter ?? detectDelimiter(text))
        parser.keepsLineBreaks = keepingLineBreaks
        var rows: [Row] = []
        parser.consume(text) { rows.append($0) }
        parser.finish { rows.append($0) }
        return DelimitedText(delimiter: parser.delimiter, rows: rows, problems: parser.problems)
    }

    /// Tab or comma: whichever splits a line near the top into more of the sheet's column names (`No.`, 種別, …);
    /// without such a line, whichever is more frequent.
    public static func detectDelimiter<S: StringProtocol>(_ text: S) -> Character {
        if let delimiter = headerDelimiter(text) { return delimiter }
        let sample = text.prefix(20_000)
        return sample.filter { $0 == "\t" }.count >= sample.filter { $0 == "," }.count ? "\t" : ","
    }

    /// The delimiter that splits a line near the top into two or more of the sheet's column names, if a line does.
    public static func headerDelimiter<S: StringProtocol>(_ text: S) -> Character? {
        var best: (delimiter: Character, names: Int)? = nil
        for line in text.prefix(65_536).split(whereSeparator: \.isNewline).prefix(50) {
            for delimiter: Character in ["\t", ","] {
                let names = line.split(separator: delimiter).filter { SheetColumn(header: String($0).trimmingQuotes.trimmingCharacters(in: .whitespaces)) != nil }.count
                if names >= 2, names > best?.names ?? 0 { best = (delimiter, names) }
            }
        }
        return best?.delimiter
    }

    /// Reads delimited text piece by piece, so that a large export never has to be held whole.
    ///
    /// A cell is quoted only when its first character is `"` and its closing quote is followed by the end of the
    /// cell: `"有"。…` is literal text with its quotes, as Excel reads it.
    public struct Parser: Sendable {
        public let delimiter: Character
        public private(set) var problems: [Problem] = []
        /// Whether a line break inside a quoted cell stays as written rather than becoming `\n`.
        public var keepsLineBreaks = false

        private enum State { case cellStart, unquoted, quoted, quoteInQuoted }
        private var state = State.cellStart
        private var cells: [Cell] = []
        private var value = ""
        /// The cell as written since its opening quote, for when the quotes turn out to be literal.
        private var raw = ""
        private var line = 1
        private var column = 1
        private var rowLine = 1
        private var cellColumn = 1
        private var quoteLine = 1

        public init(delimiter: Character) { self.delimiter = delimiter }

        /// Reads the next piece of text; `row` receives every row completed by it.
        public mutating func consume<S: StringProtocol>(_ text: S, row: (Row) -> Void) {
            for character in text {
                let newline = character == "\n" || character == "\r\n" || character == "\r"
                switch state {
                case .cellStart, .unquoted:
                    if character == "\"" && state == .cellStart {
                        state = .quoted
                        quoteLine = line
                        raw = "\""
                        column += 1
                    } else if character == delimiter {
                        endCell()
                        column += 1
                        cellColumn = column
                    } else if newline {
                        endRow(row)
                    } else {
                        value.append(character)
                        state = .unquoted
                        column += 1
                    }
                case .quoted:
                    raw.append(character)
                    if character == "\"" {
                        state = .quoteInQuoted
                        column += 1
                    } else if newline {
                        value.append(keepsLineBreaks ? character : "\n")
                        line += 1
                        column = 1
                    } else {
                        value.append(character)
                        column += 1
                    }
                case .quoteInQuoted:
                    if character == "\"" {
                        value.append("\"")
                        raw.append("\"")
                        state = .quoted
                        column += 1
                    } else if character == delimiter {
                        endCell()
                        column += 1
                        cellColumn = column
                    } else if newline {
                        endRow(row)
                    } else {
                        // Text after the closing quote: the quotes were part of the text, not quoting.
                        if quoteLine != line {
                            problems.append(Problem(line: quoteLine, column: cellColumn,
                                                    message: "the quoted cell opened here closes on line \(line) and text follows its closing quote",
                                                    hint: "a quoted cell ends with \" right before the next delimiter or line break; write a quote inside it as \"\""))
                        }
                        value = raw
                        value.append(character)
                        state = .unquoted
                        column += 1
                    }
                }
            }
        }

        /// Ends the text: the last row, and the error of a quote still open.
        public mutating func finish(row: (Row) -> Void) {
            if state == .quoted {
                problems.append(Problem(line: quoteLine, column: cellColumn, message: "the quoted cell opened here is never closed",
                                        hint: "the rest of the file was read as this one cell: close it with \" (write a quote inside it as \"\")"))
            }
            if state != .cellStart || !value.isEmpty || !cells.isEmpty { endRow(row) }
        }

        private mutating func endCell() {
            // A fresh string of exactly the cell's size; `value` keeps its capacity for the next cell. (Grown a
            // character at a time, a cell's own buffer is up to twice its text: a large import's memory doubled.)
            cells.append(Cell(value: value.withUTF8 { String(decoding: $0, as: UTF8.self) }, column: cellColumn))
            value.removeAll(keepingCapacity: true)
            raw = ""
            state = .cellStart
        }

        private mutating func endRow(_ row: (Row) -> Void) {
            endCell()
            row(Row(line: rowLine, cells: cells))
            cells = []
            line += 1
            column = 1
            cellColumn = 1
            rowLine = line
        }
    }
}

extension StringProtocol {
    /// Without one pair of surrounding double quotes and a byte order mark, as a header cell may be written.
    var trimmingQuotes: String {
        var text = Substring(self)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
