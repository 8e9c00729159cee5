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
            /// The site's own Japanese download: its cells went through `CSV`'s formula guard, taken off again here.
            var isDownload = false
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
            var isDownload = false
            let names = row.cells.map { SheetColumn.normalized(ImportedSheet.clean($0.value)) }
            if let english = names.firstIndex(where: SheetColumn.englishDownloadOnly.contains) {
                // Its cells are English: imported, they would make Japanese pages of English text.
                let problem = Diagnostic(file: file, line: row.line, column: row.cells[english].column,
                                         message: "this is the site's English download (its column '\(ImportedSheet.clean(row.cells[english].value))'): the import makes the Japanese pages, from Japanese cells",
                                         hint: "import the Japanese download of the same revision, ja/downloads/checksheet-DATE.csv or .xlsx, or the sheet exported from Excel")
                return Header(line: row.line, columns: [:], width: row.cells.count, named: [], problems: [problem])
            }
            for (index, cell) in row.cells.enumerated() {
                let name = ImportedSheet.clean(cell.value)
                guard !name.isEmpty else { continue }
                width = index + 1
                named.insert(index)
                if SheetColumn.japaneseDownloadOnly.contains(names[index]) {
                    isDownload = true
                } else if let column = SheetColumn(header: name) {
                    if let first = columns[column] {
                        problems.append(Diagnostic(file: file, line: row.line, column: cell.column, message: "column '\(name)' names \(column.japanese) again (as column \(first + 1) does)",
                                                   hint: "keep one column per field; rename or delete the other"))
                    } else {
                        columns[column] = index
                    }
                } else {
                    problems.append(Diagnostic(file: file, line: row.line, column: cell.column, severity: .warning,
                                               message: "column '\(name)' is not imported",
                                               hint: "the importer reads the columns " + SheetColumn.required.map(\.japanese).joined(separator: ", ") + "; this column's cells are left out"))
                }
            }
            let missing = SheetColumn.required.filter { columns[$0] == nil }
            if !missing.isEmpty {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "the header row has no column " + missing.map { "'\($0.japanese)'" }.joined(separator: ", "),
                                           hint: "the sheet needs the columns " + SheetColumn.required.map(\.japanese).joined(separator: ", ") + " (or their English names: " + SheetColumn.required.map { $0.names.first { $0.allSatisfy(\.isASCII) } ?? $0.japanese }.joined(separator: ", ") + "), in any order"))
            }
            return Header(line: row.line, columns: columns, width: width, named: named, problems: problems, isDownload: isDownload)
        }

        /// The sheet, or every problem of the file.
        public func finish(quoting: [DelimitedText.Problem] = []) -> Result<ImportedSheet, DiagnosticsError> {
            var problems = quoting.map { $0.diagnostic(file: file) }
            guard let header else {
                problems.append(Diagnostic(file: file, line: 1, column: 1, message: "no header row naming the sheet's columns was found",
                                           hint: "export the sheet with its header row: " + SheetColumn.required.map(\.japanese).joined(separator: ", ")))
                return .failure(DiagnosticsError(problems))
            }
            problems += header.problems
            guard !problems.hasErrors else { return .failure(DiagnosticsError(problems)) }
            let index = header.columns
            let width = header.width
            let categoryIndex = index[.category]!

            func number(_ text: String) -> Int? {
                let digits = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCompatibilityMapping
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 { return value }
                // As Excel formats a number: `5.0`, `6.00`, `7E+00`, `2.`; taken when it is a whole one.
                guard case let .whole(value)? = ImportedSheet.excelNumber(digits), value > 0 else { return nil }
                return value
            }
            let unitIndex = index[.unit]!
            let definitionIndex = index[.definition]!
            let sectionIndex = index[.section]
            // The cells a row that lost its category cell moved left: those right of the category, up to the last imported one.
            let lastImported = index.values.max()!
            func padded(_ cells: [String]) -> [String] { Array((cells + Array(repeating: "", count: max(0, width - cells.count))).prefix(width)) }
            let filledColumns = [SheetColumn.item, .definition, .unit, .answer]
            func missing(_ values: [String]) -> [SheetColumn] {
                filledColumns.filter { index[$0]! >= values.count || values[index[$0]!].isEmpty }
            }
            func complete(_ values: [String]) -> Bool { missing(values).isEmpty }

            // Rows that read completely where their cells stand lost no cell: their categories are categories, and
            // their units are the sheet's units.
            var categories = knownCategories
            var units: Set<String> = []
            let cleaned = body.map { $0.values.map { ImportedSheet.clean(header.isDownload ? CSV.withoutFormulaGuard($0) : $0) } }
            for values in cleaned where complete(values) && values.count > index[.no]! && number(values[index[.no]!]) != nil {
                if values.count > categoryIndex, !values[categoryIndex].isEmpty { categories.insert(values[categoryIndex]) }
                units.insert(values[unitIndex])
            }

            // The row read as if its category cell were missing and the cells after it had moved one to the left
            // (Excel's "delete cell, shift left", or a row pasted one column too far left), when that reading fills
            // every field, or every field but an empty answer, and leaves fewer empty than the row as it stands: its
            // category cell holds no category the sheet knows, and no filled cell would fall off the end. (Such a row
            // with an empty answer is then said to have no answer, not to have no unit and no answer.)
            func movedBack(_ values: [String]) -> [String]? {
                let category = values[categoryIndex]
                guard categoryIndex < lastImported, !category.isEmpty, !categories.contains(category), values[width - 1].isEmpty else { return nil }
                var moved = values
                moved.insert("", at: categoryIndex)
                moved.removeLast()
                // Short of an empty answer alone (the last cell, left empty): a reading with any other empty field is
                // no likelier than the row as it stands.
                let left = missing(moved)
                return (left.isEmpty || left == [.answer]) && left.count < missing(values).count ? moved : nil
            }

            // Whether the row did lose its category cell: the moved reading's cells fit their columns and the
            // reading in place does not. A padded export writes the same shape for such a row and for one that has a
            // new category and an empty answer, so the cells themselves decide, and when they cannot, only a row that
            // has no cell at all under the last imported column is taken as short.
            func lostCategoryCell(_ values: [String], moved: [String], cellCount: Int) -> Bool {
                // A unit the sheet uses on its complete rows.
                let knownInPlace = units.contains(values[unitIndex]), knownMoved = units.contains(moved[unitIndex])
                if knownInPlace != knownMoved { return knownMoved }
                // A unit of measure is a word or two, shorter than the definition it measures.
                let fitsInPlace = values[unitIndex].count < values[definitionIndex].count
                let fitsMoved = moved[unitIndex].count < moved[definitionIndex].count
                if fitsInPlace != fitsMoved { return fitsMoved }
                return cellCount <= lastImported
            }

            var rows: [Row] = []
            var section = ""
            var category = ""
            var sectionHasCategory = false
            var unnamed: Diagnostic?
            var lineOfNumber: [Int: Int] = [:]
            for (row, cells) in zip(body, cleaned) {
                var values = cells
                // Where the cell that reads as column `index` stands in the file: a moved row's cells stand one to the
                // left; a cell the row lacks would start after its last one.
                var readMoved = false
                func column(of index: Int) -> Int {
                    let original = readMoved && index >= categoryIndex ? index - 1 : index
                    if readMoved && index == categoryIndex { return row.cells.indices.contains(index) ? row.cells[index].column : 1 }
                    if row.cells.indices.contains(original) { return row.cells[original].column }
                    return row.cells.last.map { $0.column + $0.value.count + 1 } ?? 1
                }
                if let extra = values.indices.first(where: { $0 >= width && !values[$0].isEmpty }) {
                    problems.append(Diagnostic(file: file, line: row.line, column: row.cells[extra].column,
                                               message: "the row has more cells than the header names ('\(values[extra])' in cell \(extra + 1))",
                                               hint: "a cell holding the delimiter must be quoted; the header row names every column"))
                    continue
                }
                values = padded(values)
                let noText = values[index[.no]!]
                guard let no = number(noText) else {
                    let filled = values.indices.filter { !values[$0].isEmpty }
                    if filled == [0] {
                        section = values[0]
                        sectionHasCategory = false
                    } else {
                        let cell = row.cells.indices.contains(index[.no]!) ? row.cells[index[.no]!].column : 1
                        let normalized = noText.precomposedStringWithCompatibilityMapping
                        let reading = ImportedSheet.excelNumber(normalized.hasPrefix("-") ? String(normalized.dropFirst()) : normalized)
                        let message = noText.isEmpty ? "the row has no item number (No.)"
                            : reading == .fraction ? "'\(noText)' is not a whole number: an item number is a whole number from 1"
                            : reading != nil ? "'\(noText)' is not an item number: item numbers start from 1"
                            : "'\(noText)' is neither an item number nor a section header"
                        let hint = reading == .fraction ? "write the item's number as the sheet has it; if Excel changed it, format the No. column as text (文字列) and export again"
                            : "item rows start with their number (No.); a section header row holds only the section's name"
                        problems.append(Diagnostic(file: file, line: row.line, column: cell, message: message, hint: hint))
                    }
                    continue
                }
                if let sectionIndex, !values[sectionIndex].isEmpty, values[sectionIndex] != section {
                    // The download's 区分 column names each row's section; a section header row is not needed then.
                    section = values[sectionIndex]
                    sectionHasCategory = false
                }
                if section.isEmpty {
                    problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) comes before any section header row",
                                               hint: "add a row holding only the section's name (for example アプリケーション運用) above it"))
                }
                var mightHaveMoved = false
                if let moved = movedBack(values) {
                    if lostCategoryCell(values, moved: moved, cellCount: row.cells.count) {
                        values = moved
                        readMoved = true
                    } else {
                        mightHaveMoved = true
                    }
                }
                var categoryColumn = 0
                if !values[categoryIndex].isEmpty {
                    category = values[categoryIndex]
                    categoryColumn = row.cells.indices.contains(categoryIndex) ? row.cells[categoryIndex].column : 1
                    sectionHasCategory = true
                } else if !sectionHasCategory {
                    problems.append(Diagnostic(file: file, line: row.line, column: row.cells.indices.contains(categoryIndex) ? row.cells[categoryIndex].column : 1,
                                               message: "item \(no) has no category and none stands above it in section '\(section)'",
                                               hint: "write the category (種別) in the first item row of each section"))
                }
                let empty = missing(values)
                if !empty.isEmpty {
                    let moved = "; if its \(SheetColumn.category.japanese) cell was deleted and the cells after it moved one to the left, "
                        + "move them back under their headers"
                    let readAsMoved = "; the row has no \(SheetColumn.category.japanese) cell, so its cells were read one column to the right of where they stand"
                    // Each empty cell at its own place, named by its header, so that the message points at the cell to fill.
                    for field in empty {
                        problems.append(Diagnostic(file: file, line: row.line, column: column(of: index[field]!), message: "item \(no) has no \(field.japanese)",
                                                   hint: "fill in every column of the item's row" + (readMoved ? readAsMoved : mightHaveMoved ? moved : "")))
                    }
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
                                unit: values[index[.unit]!], answer: values[index[.answer]!], line: row.line, categoryColumn: categoryColumn,
                                columns: Dictionary(uniqueKeysWithValues: [SheetColumn.item, .definition, .unit, .answer].map { ($0, column(of: index[$0]!)) })))
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
