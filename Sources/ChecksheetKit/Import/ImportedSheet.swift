import Foundation

/// A sheet as read from an Excel export, before slugs are assigned: Japanese only.
public struct ImportedSheet: Sendable, Equatable {
    /// One row of the sheet, with the line it came from.
    public struct Row: Sendable, Equatable {
        public var no: Int
        public var section: String
        public var category: String
        public var item: String
        public var definition: String
        public var unit: String
        /// Plain text as the cell held it (not Markdown).
        public var answer: String
        public var line: Int
    }

    /// The title line above the table, if any.
    public var title: String?
    /// The edition line, such as `2025年3月7日版`, if any.
    public var edition: String?
    public var rows: [Row]

    static let columnNames = ["No.", "種別", "サービスレベル項目", "規定内容", "測定単位", "設定等"]

    /// Reads the table out of the rows of a TSV/CSV export.
    ///
    /// The export's irregularities are handled as a person reading the sheet would: section header rows
    /// (`アプリケーション運用` alone on a row), blank rows, a blank category meaning "same as the row above",
    /// and rows whose category cell is missing so that the other cells moved one to the left.
    /// `knownCategories` are categories besides those the file itself names.
    public static func read(_ table: DelimitedText, file: String, knownCategories: Set<String> = []) -> Result<ImportedSheet, DiagnosticsError> {
        var problems: [Diagnostic] = []
        var title: String?
        var edition: String?
        var headerIndex: Int?
        for (index, row) in table.rows.enumerated() {
            let values = row.values.map(clean).filter { !$0.isEmpty }
            if values.first.map(normalizedHeader) == "no." { headerIndex = index; break }
            guard values.count == 1 else { continue }
            if values[0].wholeMatch(of: /\d{4}年\d{1,2}月\d{1,2}日版/) != nil { edition = values[0] } else if title == nil { title = values[0] }
        }
        guard let headerIndex else {
            return .failure(DiagnosticsError([Diagnostic(file: file, line: 1, column: 1, message: "no header row starting with 'No.' was found",
                                                         hint: "export the sheet with its header row: " + columnNames.joined(separator: ", "))]))
        }
        var categories = knownCategories
        for row in table.rows[(headerIndex + 1)...] where row.cells.count > 1 {
            if Int(clean(row.cells[0].value)) != nil, !clean(row.cells[1].value).isEmpty, row.cells.count >= 6 {
                let candidate = clean(row.cells[1].value)
                // A category cell is short; a shifted row carries the item's name here, usually repeated in the definition.
                if !clean(row.cells[2].value).contains(candidate) { categories.insert(candidate) }
            }
        }

        var rows: [Row] = []
        var section = ""
        var category = ""
        var sectionHasCategory = false
        for row in table.rows[(headerIndex + 1)...] where !row.isBlank {
            let values = row.values.map(clean)
            guard let no = Int(values[0]) else {
                let filled = values.filter { !$0.isEmpty }
                if filled.count == 1, !values[0].isEmpty {
                    section = values[0]
                    sectionHasCategory = false
                } else {
                    problems.append(Diagnostic(file: file, line: row.line, column: row.cells[0].column,
                                               message: "'\(values[0])' is neither an item number nor a section header",
                                               hint: "item rows start with their number (No.); a section header row holds only the section's name"))
                }
                continue
            }
            if section.isEmpty {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) comes before any section header row",
                                           hint: "add a row holding only the section's name (for example アプリケーション運用) above it"))
            }
            let trimmed = Array(values.reversed().drop { $0.isEmpty }.reversed())
            let shifted: Bool
            if trimmed.count >= 6 || (values.count >= 2 && values[1].isEmpty) {
                shifted = false
            } else if trimmed.count == 5 {
                shifted = !categories.contains(values[1])
            } else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) has \(trimmed.count) cells; expected 6",
                                           hint: "a row holds " + columnNames.joined(separator: ", ") + " (a blank category means: as the row above)"))
                continue
            }
            var cells = values + Array(repeating: "", count: max(0, 6 - values.count))
            if shifted { cells.insert("", at: 1) }
            if !cells[1].isEmpty {
                category = cells[1]
                sectionHasCategory = true
            } else if !sectionHasCategory {
                problems.append(Diagnostic(file: file, line: row.line, column: row.cells.count > 1 ? row.cells[1].column : 1,
                                           message: "item \(no) has no category and none stands above it in section '\(section)'",
                                           hint: "write the category (種別) in the first item row of each section"))
            }
            var missing: [String] = []
            for (index, name) in columnNames.enumerated() where index >= 2 && index <= 4 && cells[index].isEmpty { missing.append(name) }
            if !missing.isEmpty {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item \(no) has no \(missing.joined(separator: ", "))",
                                           hint: "fill in every column of the item's row"))
                continue
            }
            rows.append(Row(no: no, section: section, category: category, item: cells[2], definition: cells[3], unit: cells[4], answer: cells[5], line: row.line))
        }
        for (index, row) in rows.enumerated() where row.no != index + 1 {
            problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "item number \(row.no) is out of sequence; expected \(index + 1)",
                                       hint: "number the rows 1, 2, 3, … in sheet order"))
            break
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(Diagnostic(file: file, line: table.rows[headerIndex].line, column: 1, message: "the sheet has no item rows below its header"))
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(ImportedSheet(title: title, edition: edition, rows: rows))
    }

    static func clean(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func normalizedHeader(_ value: String) -> String {
        value.precomposedStringWithCompatibilityMapping.lowercased()
    }
}
