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
        /// Where the row's category cell is, when the row names its category; 0 when it takes the one above.
        public var categoryColumn = 0
        /// Where the cells of the item's name, definition, unit and answer stand on `line`, for a diagnostic about one.
        public var columns: [SheetColumn: Int] = [:]
    }

    /// What a cell written as Excel writes numbers reads as: digits with an optional fraction and exponent (`5.0`,
    /// `2.`, `7E+00`, `0.999`); nil for any other text.
    enum ExcelNumber: Equatable {
        case whole(Int)
        case fraction
    }

    /// The number `text` writes as Excel formats one (no sign), if it is one.
    static func excelNumber(_ text: String) -> ExcelNumber? {
        guard let match = text.wholeMatch(of: /([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,3}))?/) else { return nil }
        let fraction = match.output.2.map(String.init) ?? ""
        var digits = String(match.output.1) + fraction
        let exponent = (match.output.3.flatMap { Int($0.hasPrefix("+") ? String($0.dropFirst()) : String($0)) } ?? 0) - fraction.count
        if exponent >= 0 {
            digits += String(repeating: "0", count: min(exponent, 20))
        } else {
            let dropped = digits.suffix(-exponent)
            guard dropped.allSatisfy({ $0 == "0" }) else { return .fraction }
            digits = String(digits.dropLast(-exponent))
        }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 18 else { return nil }
        return .whole(Int(significant) ?? 0)
    }

    /// The file the sheet was read from, for diagnostics about its rows.
    public var file = ""
    /// The title line above the table, if any.
    public var title: String?
    /// The edition line, such as `2025年3月7日版`, if any.
    public var edition: String?
    /// Where the edition line's text is in `file`, for a diagnostic about it.
    public var editionPosition: ItemPage.Position?
    public var rows: [Row]
    /// What was read but not imported (columns the importer does not know), as warnings.
    public var warnings: [Diagnostic] = []

    /// Reads the table out of the rows of a TSV/CSV export.
    ///
    /// Columns are found by their header names (`SheetColumn`), in any order. The export's irregularities are
    /// handled as a person reading the sheet would: section header rows (`アプリケーション運用` alone on a row),
    /// blank rows, a blank category meaning "same as the row above", rows padded with empty cells, and rows whose
    /// category cell is missing so that the cells after it moved one to the left (only when the cells say so; other
    /// rows are read where their cells stand).
    /// `knownCategories` are categories besides those the file itself names.
    public static func read(_ table: DelimitedText, file: String, knownCategories: Set<String> = []) -> Result<ImportedSheet, DiagnosticsError> {
        var reader = Reader(file: file, knownCategories: knownCategories)
        for row in table.rows { reader.add(row) }
        return reader.finish(quoting: table.problems)
    }

    static func clean(_ value: String) -> String {
        // Most cells need no trimming: skip the work for them (a large export has millions of cells).
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return value }
        return value.trimmed
    }
}

extension ImportedSheet {
    /// The revision's Japanese title: the export's edition line when it names `date`, else none (the date's own title
    /// is used). An edition line that names another date is most likely an older export's, or a line nobody updated:
    /// a warning says so rather than titling the new revision with another revision's date.
    public func japaneseTitle(for date: String) -> (title: String?, warning: Diagnostic?) {
        guard let edition else { return (nil, nil) }
        let named = edition.wholeMatch(of: /(\d{4})年(\d{1,2})月(\d{1,2})日版/).flatMap { match in
            [match.1, match.2, match.3].map { Int($0) }.allSatisfy { $0 != nil } ? "\(match.1)-\(match.2)-\(match.3)" : nil
        }
        let wanted = date.split(separator: "-").compactMap { Int($0) }
        if let named, named.split(separator: "-").compactMap({ Int($0) }) == wanted { return (edition, nil) }
        let warning = Diagnostic(file: file, line: editionPosition?.line ?? 0, column: editionPosition?.column ?? 0, severity: .warning,
                                 message: "the export's edition line says '\(edition)', not the date of the import, \(date)",
                                 hint: "the revision is titled '\(RevisionDate.japanese(date))版'; check that this is the export of \(date), or import it with the date its edition line names")
        return (nil, warning)
    }
}
