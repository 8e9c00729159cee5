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

    public var delimiter: Character
    public var rows: [Row]

    /// Splits `text` into rows; `delimiter` nil means: tab if the header row (`No.`) uses tabs, else comma.
    public static func parse(_ text: String, delimiter: Character? = nil) -> DelimitedText {
        let separator = delimiter ?? detectDelimiter(text)
        var rows: [Row] = []
        var cells: [Cell] = []
        var value = ""
        var quoted = false
        var atCellStart = true
        var line = 1
        var column = 1
        var rowLine = 1
        var cellColumn = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endCell() {
            cells.append(Cell(value: value, column: cellColumn))
            value = ""
            atCellStart = true
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            value.append("\"")
                            column += 2
                            continue
                        }
                        pending = next
                    }
                    quoted = false
                    column += 1
                    continue
                }
                if character == "\n" || character == "\r\n" {
                    value.append("\n")
                    line += 1
                    column = 1
                } else {
                    value.append(character)
                    column += 1
                }
                continue
            }
            switch character {
            case "\"" where atCellStart:
                quoted = true
                atCellStart = false
                column += 1
            case separator:
                endCell()
                column += 1
                cellColumn = column
            case "\n", "\r\n", "\r":
                endCell()
                rows.append(Row(line: rowLine, cells: cells))
                cells = []
                line += 1
                column = 1
                cellColumn = 1
                rowLine = line
            default:
                value.append(character)
                atCellStart = false
                column += 1
            }
        }
        if !value.isEmpty || !cells.isEmpty {
            endCell()
            rows.append(Row(line: rowLine, cells: cells))
        }
        return DelimitedText(delimiter: separator, rows: rows)
    }

    static func detectDelimiter(_ text: String) -> Character {
        for line in text.split(whereSeparator: \.isNewline).prefix(50) {
            let trimmed = line.drop { $0 == "\"" || $0 == "\u{FEFF}" }
            if trimmed.hasPrefix("No.") || trimmed.hasPrefix("No") {
                let rest = trimmed.drop { $0 != "\t" && $0 != "," }
                if let first = rest.first { return first }
            }
        }
        let sample = text.prefix(20_000)
        return sample.filter { $0 == "\t" }.count >= sample.filter { $0 == "," }.count ? "\t" : ","
    }
}
