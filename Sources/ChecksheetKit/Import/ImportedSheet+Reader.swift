import Foundation

extension ImportedSheet {
    /// Reads a sheet row by row, as the rows come out of the file, and decides once every row is in.
    ///
    /// Rows after the header are kept as cells: whether a short row lost its category cell depends on the
    /// categories the whole sheet names.
    public struct Reader: Sendable {
        let file: String
        let knownCategories: Set<String>
        var title: String?
        var edition: String?
        var editionPosition: ItemPage.Position?
        var header: Header?
        var body: [DelimitedText.Row] = []

        /// The header row: which cell index holds which column.
        struct Header: Sendable {
            var line: Int
            var columns: [SheetColumn: Int]
            /// Cells up to the last named one.
            var width: Int
            /// Indices of the cells that have a name, known or not.
            var named: Set<Int>
            var problems: [Diagnostic]
        }

        public init(file: String, knownCategories: Set<String> = []) {
            self.file = file
            self.knownCategories = knownCategories
        }

        /// Takes the next row of the file.
        public mutating func add(_ row: DelimitedText.Row) {
            if header != nil {
                if !row.isBlank { body.append(row) }
                return
            }
            let values = row.values.map(ImportedSheet.clean)
            if values.filter({ SheetColumn(header: $0) != nil }).count >= 2 {
                header = readHeader(row)
                return
            }
            let filled = values.filter { !$0.isEmpty }
            guard filled.count == 1 else { return }
            if filled[0].wholeMatch(of: /\d{4}年\d{1,2}月\d{1,2}日版/) != nil {
                edition = filled[0]
                let column = row.cells.first { !ImportedSheet.clean($0.value).isEmpty }?.column ?? 0
                editionPosition = ItemPage.Position(line: row.line, column: column)
            } else if title == nil {
                title = filled[0]
            }
        }

        func readHeader(_ row: DelimitedText.Row) -> Header {
            var columns: [SheetColumn: Int] = [:]
            var problems: [Diagnostic] = []
            var width = 0
            var named: Set<Int> = []
            for (index, cell) in row.cells.enumerated() {
                let name = ImportedSheet.clean(cell.value)
                guard !name.isEmpty else { continue }
                width = index + 1
                named.insert(index)
                if let column = SheetColumn(header: name) {
                    if let first = columns[column] {
                        problems.append(Diagnostic(file: file, line: row.line, column: cell.column, message: "column '\(name)' names \(column.japanese) again (as column \(first + 1) does)",
                                                   hint: "keep one column per field; rename or delete the other"))
                    } else {
                        columns[column] = index
                    }
                } else {
                    problems.append(Diagnostic(file: file, line: row.line, column: cell.column, severity: .warning,
                                               message: "column '\(name)' is not imported",
                                               hint: "the importer reads the columns " + SheetColumn.allCases.map(\.japanese).joined(separator: ", ") + "; this column's cells are left out"))
                }
            }
            let missing = SheetColumn.required.filter { columns[$0] == nil }
            if !missing.isEmpty {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "the header row has no column " + missing.map { "'\($0.japanese)'" }.joined(separator: ", "),
                                           hint: "the sheet needs the columns " + SheetColumn.required.map(\.japanese).joined(separator: ", ") + " (or their English names: " + SheetColumn.required.map { $0.names.first { $0.allSatisfy(\.isASCII) } ?? $0.japanese }.joined(separator: ", ") + "), in any order"))
            }
            return Header(line: row.line, columns: columns, width: width, named: named, problems: problems)
        }

        /// The sheet, or every problem of the file.
        public func finish(quoting: [DelimitedText.Problem] = []) -> Result<ImportedSheet, DiagnosticsError> {
            var problems = quoting.map { $0.diagnostic(file: file) }
            guard let header else {
                problems.append(Diagnostic(file: file, line: 1, column: 1, message: "no header row naming the sheet's columns was found",
                                           hint: "export the sheet with its header row: " + SheetColumn.allCases.map(\.japanese).joined(separator: ", ")))
                return .failure(DiagnosticsError(problems))
            }
            problems += header.problems
            guard !problems.hasErrors else { return .failure(DiagnosticsError(problems)) }
            let index = header.columns
            let width = header.width
            let categoryIndex = index[.category]!

            func number(_ text: String) -> Int? {
                let digits = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCompatibilityMapping
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
                return value
            }
            func lastFilled(_ values: [String]) -> Int { values.lastIndex { !$0.isEmpty } ?? -1 }

            // Categories the sheet names: those of rows filled to their last column cannot have lost a cell.
            var categories = knownCategories
            let cleaned = body.map { $0.values.map(ImportedSheet.clean) }
            for values in cleaned {
                if values.count > categoryIndex, number(values[index[.no]!]) != nil, lastFilled(values) == width - 1, !values[categoryIndex].isEmpty {
                    categories.insert(values[categoryIndex])
                }
            }

            var rows: [Row] = []
            var section = ""
            var category = ""
            var sectionHasCategory = false
            var unnamed: Diagnostic?
            var lineOfNumber: [Int: Int] = [:]
            for (row, cells) in zip(body, cleaned) {
                var values = cells
                if let extra = values.indices.first(where: { $0 >= width && !values[$0].isEmpty }) {
                    problems.append(Diagnostic(file: file, line: row.line, column: row.cells[extra].column,
                                               message: "the row has more cells than the header names ('\(values[extra])' in cell \(extra + 1))",
                                               hint: "a cell holding the delimiter must be quoted; the header row names every column"))
                    continue
                }
                values += Array(repeating: "", count: max(0, width - values.count))
                values = Array(values.prefix(width))
                let noText = values[index[.no]!]
                guard let no = number(noText) else {
                    let filled = values.indices.filter { !values[$0].isEmpty }
                    if filled == [0] {
                        section = values[0]
                        sectionHasCategory = false
                    } else {
                        let cell = row.cells.indices.contains(index[.no]!) ? row.cells[index[.no]!].column : 1
                        problems.append(Diagnostic(file: file, line: row.line, column: cell,
                                                   message: noText.isEmpty ? "the row has no item number (No.)" : "'\(noText)' is neither an item number nor a section header",
                                                   hint: "item rows start with their number (No.); a section header row holds only the section's name"))
                    }
                    continue
                }
                if section.isEmpty {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) comes before any section header row",
                                               hint: "add a row holding only the section's name (for example アプリケーション運用) above it"))
                }
                // The category cell is missing and the cells after it moved left: Excel's export of a merged category.
                if categoryIndex < width - 1, !values[categoryIndex].isEmpty, !categories.contains(values[categoryIndex]), lastFilled(values) < width - 1 {
                    values.insert("", at: categoryIndex)
                    values.removeLast()
                }
                if !values[categoryIndex].isEmpty {
                    category = values[categoryIndex]
                    sectionHasCategory = true
                } else if !sectionHasCategory {
                    problems.append(Diagnostic(file: file, line: row.line, column: row.cells.indices.contains(categoryIndex) ? row.cells[categoryIndex].column : 1,
                                               message: "item \(no) has no category and none stands above it in section '\(section)'",
                                               hint: "write the category (種別) in the first item row of each section"))
                }
                let missing = [SheetColumn.item, .definition, .unit, .answer].filter { values[index[$0]!].isEmpty }
                if !missing.isEmpty {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) has no " + missing.map(\.japanese).joined(separator: ", "),
                                               hint: "fill in every column of the item's row"))
                    continue
                }
                if let first = lineOfNumber[no] {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item number \(no) is also used on line \(first)",
                                               hint: "each item has its own number; numbers increase down the sheet and may skip retired items"))
                } else if let last = rows.last, no < last.no {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item number \(no) comes after \(last.no)",
                                               hint: "numbers increase down the sheet (gaps are fine): put the row in its place or correct its number"))
                }
                lineOfNumber[no] = lineOfNumber[no] ?? row.line
                if unnamed == nil, let cell = (0..<width).first(where: { !values[$0].isEmpty && !header.named.contains($0) }) {
                    unnamed = Diagnostic(file: file, line: row.line, column: row.cells.indices.contains(cell) ? row.cells[cell].column : 1, severity: .warning,
                                         message: "cell \(cell + 1) is under no header and is not imported", hint: "name the column in the header row, or leave it empty")
                }
                rows.append(Row(no: no, section: section, category: category, item: values[index[.item]!], definition: values[index[.definition]!],
                                unit: values[index[.unit]!], answer: values[index[.answer]!], line: row.line))
            }
            if let unnamed { problems.append(unnamed) }
            if rows.isEmpty && !problems.hasErrors {
                problems.append(Diagnostic(file: file, line: header.line, column: 1, message: "the sheet has no item rows below its header"))
            }
            if problems.hasErrors { return .failure(DiagnosticsError(problems)) }
            return .success(ImportedSheet(file: file, title: title, edition: edition, editionPosition: editionPosition, rows: rows, warnings: problems.sorted()))
        }
    }
}
