import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

extension Questionnaire {
    /// The workbook a questionnaire came from: its package as it was, and the worksheet the questions are on.
    public struct Workbook: Sendable, Equatable {
        /// The XLSX file's bytes, every part of which the answered workbook keeps.
        public var package: Data
        /// The worksheet's part, for example `xl/worksheets/sheet1.xml`.
        public var sheetPath: String
    }

    /// A worksheet of a workbook by its tab: the name, its 1-based place among the tabs, and how many questions it holds.
    public struct Worksheet: Sendable, Equatable {
        /// A worksheet asked for by its tab's name or its 1-based place among the tabs.
        public enum Choice: Sendable, Equatable {
            case name(String)
            case number(Int)

            /// `2` is a place, anything else a name.
            public init(_ text: String) {
                if let number = Int(text), number > 0 { self = .number(number) } else { self = .name(text) }
            }
        }

        public var name: String
        public var number: Int
        public var questions: Int

        /// Whether a name given on the command line is a tab's, compared as column names are (width, case and spaces aside).
        static func sameName(_ tab: String, _ given: String) -> Bool { SheetColumn.normalized(tab.precomposedStringWithCompatibilityMapping) == SheetColumn.normalized(given.precomposedStringWithCompatibilityMapping) }
    }

    /// One worksheet's cells as read: its tab's name, its part, its rows, merged cells and dropdowns.
    struct SheetCells {
        var name: String
        var path: String
        var rows: [[String]]
        var merges: [Merge]
        var dropdowns: [Merge]
    }

    /// Problems reading a workbook; the caller turns any of them into one plain error.
    enum WorkbookError: Error {
        case missingPart(String)
        case unreadable
    }

    /// A part of a workbook's package, or nil when it has none by that name.
    static func part(_ path: String, of archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var contents = Data()
        _ = try archive.extract(entry, skipCRC32: true) { contents.append($0) }
        return contents
    }

    /// Every worksheet's name and part in the order the workbook's tabs show them, as its relationships name them.
    static func sheetPaths(of archive: Archive) throws -> [(name: String, path: String)] {
        guard let workbook = try part("xl/workbook.xml", of: archive) else { throw WorkbookError.missingPart("xl/workbook.xml") }
        let sheets = WorkbookXML.elements(named: "sheet", in: workbook)
        let relations = try part("xl/_rels/workbook.xml.rels", of: archive).map { WorkbookXML.elements(named: "Relationship", in: $0) } ?? []
        let paths = sheets.compactMap { sheet -> (name: String, path: String)? in
            guard let id = sheet["r:id"], let target = relations.first(where: { $0["Id"] == id })?["Target"] else { return nil }
            return (sheet["name"] ?? "", target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        return paths.isEmpty ? [("Sheet1", "xl/worksheets/sheet1.xml")] : paths
    }

    /// The cells of every worksheet, in tab order, empty cells filled in, shared strings resolved, with their merged
    /// cells and dropdowns; a sheet whose part is missing is left out, unless it is the first.
    static func worksheets(ofWorkbook data: Data) throws -> [SheetCells] {
        let archive = try Archive(data: data, accessMode: .read)
        let shared = try part("xl/sharedStrings.xml", of: archive).map(WorkbookXML.sharedStrings) ?? []
        var sheets: [SheetCells] = []
        for (name, path) in try sheetPaths(of: archive) {
            guard let sheet = try part(path, of: archive) else {
                if sheets.isEmpty { throw WorkbookError.missingPart(path) }
                continue
            }
            let (rows, merges) = try WorkbookXML.cells(of: sheet, shared: shared)
            sheets.append(SheetCells(name: name, path: path, rows: rows, merges: merges, dropdowns: dropdowns(of: sheet)))
        }
        guard !sheets.isEmpty else { throw WorkbookError.unreadable }
        return sheets
    }

    /// The index of the sheet the questions are on, of sheets' rows in tab order.
    ///
    /// Customers' workbooks often open on a cover (表紙), instructions (記入要領) or a change log: as a person turns to
    /// the questions' tab, the sheet whose top rows name a question column (`QuestionnaireColumn.question`) is taken,
    /// and of several such sheets the one with the most filled cells under that name (an instructions sheet's small
    /// `項目 | 記入方法` table has a few), the first in tab order on a tie; a workbook where no sheet names one is read
    /// from its first sheet.
    static func questionSheet(of sheets: [[[String]]]) -> Int {
        var best: (index: Int, questions: Int)?
        for (index, rows) in sheets.enumerated() {
            if let count = questionCount(rows), count > best?.questions ?? -1 { best = (index, count) }
        }
        return best?.index ?? 0
    }

    /// The cells a list data validation restricts to choices (`<dataValidation type="list" sqref="F6:F80 H6">`): a
    /// dropdown of はい／いいえ, not room for a written answer.
    static func dropdowns(of sheet: Data) -> [Merge] {
        WorkbookXML.elements(named: "dataValidation", in: sheet).filter { $0["type"] == "list" }
            .flatMap { ($0["sqref"] ?? "").split(separator: " ").compactMap { WorkbookXML.range(String($0).replacingOccurrences(of: "$", with: "")) } }
    }

    /// The filled cells under the first cell near the top that names a question column, or nil when none names one:
    /// the sign of the sheet a questionnaire's table is on, and of how long that table is.
    static func questionCount(_ rows: [[String]]) -> Int? {
        // A title of one cell holding a column's word (`セキュリティ確認事項`) names no column; a listed name alone does.
        func names(_ cell: String, _ row: [String]) -> Bool {
            QuestionnaireColumn(header: cell) == .question && (QuestionnaireColumn.isListed(cell) || row.filter { !$0.trimmed.isEmpty }.count > 1)
        }
        guard let header = rows.prefix(headerSearchDepth).firstIndex(where: { row in row.contains { names($0, row) } }),
              let column = rows[header].firstIndex(where: { names($0, rows[header]) }) else { return nil }
        return rows.dropFirst(header + 1).filter { column < $0.count && !$0[column].trimmed.isEmpty }.count
    }
}
