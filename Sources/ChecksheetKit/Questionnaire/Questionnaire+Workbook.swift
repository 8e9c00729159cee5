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

    /// Every worksheet's part in the order the workbook's tabs show them, as its relationships name them.
    static func sheetPaths(of archive: Archive) throws -> [String] {
        guard let workbook = try part("xl/workbook.xml", of: archive) else { throw WorkbookError.missingPart("xl/workbook.xml") }
        let sheets = WorkbookXML.elements(named: "sheet", in: workbook)
        let relations = try part("xl/_rels/workbook.xml.rels", of: archive).map { WorkbookXML.elements(named: "Relationship", in: $0) } ?? []
        let paths = sheets.compactMap { sheet -> String? in
            guard let id = sheet["r:id"], let target = relations.first(where: { $0["Id"] == id })?["Target"] else { return nil }
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return paths.isEmpty ? ["xl/worksheets/sheet1.xml"] : paths
    }

    /// The cells of the sheet the questions are on, rows in order, empty cells filled in, shared strings resolved; its
    /// merged cells; and the sheet's part.
    ///
    /// Customers' workbooks often open on a cover (表紙), instructions (記入要領) or a change log: as a person turns to
    /// the questions' tab, the sheet whose top rows name a question column (`QuestionnaireColumn.question`) is taken,
    /// and of several such sheets the one with the most filled cells under that name (an instructions sheet's small
    /// `項目 | 記入方法` table has a few), the first in tab order on a tie; a workbook where no sheet names one is read
    /// from its first sheet.
    static func questionSheet(ofWorkbook data: Data) throws -> (rows: [[String]], merges: [Merge], dropdowns: [Merge], path: String) {
        let archive = try Archive(data: data, accessMode: .read)
        let shared = try part("xl/sharedStrings.xml", of: archive).map(WorkbookXML.sharedStrings) ?? []
        var first: (rows: [[String]], merges: [Merge], dropdowns: [Merge], path: String)?
        var best: (sheet: (rows: [[String]], merges: [Merge], dropdowns: [Merge], path: String), questions: Int)?
        for path in try sheetPaths(of: archive) {
            guard let sheet = try part(path, of: archive) else {
                if first == nil { throw WorkbookError.missingPart(path) }
                continue
            }
            let (rows, merges) = try WorkbookXML.cells(of: sheet, shared: shared)
            let dropdowns = self.dropdowns(of: sheet)
            if let count = questionCount(rows), count > best?.questions ?? -1 { best = ((rows, merges, dropdowns, path), count) }
            if first == nil { first = (rows, merges, dropdowns, path) }
        }
        guard let chosen = best?.sheet ?? first else { throw WorkbookError.unreadable }
        return chosen
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
        guard let header = rows.prefix(headerSearchDepth).firstIndex(where: { $0.contains { QuestionnaireColumn(header: $0) == .question } }),
              let column = rows[header].firstIndex(where: { QuestionnaireColumn(header: $0) == .question }) else { return nil }
        return rows.dropFirst(header + 1).filter { column < $0.count && !$0[column].trimmed.isEmpty }.count
    }
}
