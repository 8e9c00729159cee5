import Foundation
import ZIPFoundation

extension ImportedSheet {
    /// Reads the sheet of an Excel workbook (`.xlsx`): the site's own download, or the docs team's workbook saved as
    /// it is. Each worksheet is read in tab order as an export would be, and the first that reads as the sheet is
    /// taken (the English tab of a download is refused by itself, so a workbook with both reads its Japanese one).
    /// A diagnostic's line and column are the cell's row and column numbers (column 3 is C).
    public static func read(workbook data: Data, file: String, knownCategories: Set<String> = []) -> Result<ImportedSheet, DiagnosticsError> {
        let unreadable = Result<ImportedSheet, DiagnosticsError>.failure(DiagnosticsError([Diagnostic(
            file: file, message: "the workbook cannot be read: it is not an Excel workbook (.xlsx) as Excel or this site writes it",
            hint: "open it in Excel and save it again as a workbook, or as CSV (UTF-8) or Unicode Text, then import that file")]))
        guard let archive = try? Archive(data: data, accessMode: .read), let paths = try? Questionnaire.sheetPaths(of: archive) else { return unreadable }
        let shared = ((try? Questionnaire.part("xl/sharedStrings.xml", of: archive)) ?? nil).flatMap { try? WorkbookXML.sharedStrings($0) } ?? []
        var first: Result<ImportedSheet, DiagnosticsError>?
        for path in paths {
            guard let part = (try? Questionnaire.part(path.path, of: archive)) ?? nil, let cells = try? WorkbookXML.cells(of: part, shared: shared) else { continue }
            var reader = Reader(file: file, knownCategories: knownCategories)
            for (number, row) in cells.rows.enumerated() {
                reader.add(DelimitedText.Row(line: number + 1, cells: row.enumerated().map { DelimitedText.Cell(value: $1, column: $0 + 1) }))
            }
            let result = reader.finish()
            if case .success = result { return result }
            if first == nil { first = result }
        }
        return first ?? unreadable
    }
}
