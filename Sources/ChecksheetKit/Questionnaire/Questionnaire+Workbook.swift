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
    /// the questions' tab, the first sheet whose top rows name a question column (`QuestionnaireColumn.question`) is
    /// taken; a workbook where no sheet does is read from its first sheet.
    static func questionSheet(ofWorkbook data: Data) throws -> (rows: [[String]], merges: [Merge], path: String) {
        let archive = try Archive(data: data, accessMode: .read)
        let shared = try part("xl/sharedStrings.xml", of: archive).map(WorkbookXML.sharedStrings) ?? []
        var first: (rows: [[String]], merges: [Merge], path: String)?
        for path in try sheetPaths(of: archive) {
            guard let sheet = try part(path, of: archive) else {
                if first == nil { throw WorkbookError.missingPart(path) }
                continue
            }
            let (rows, merges) = try WorkbookXML.cells(of: sheet, shared: shared)
            if namesQuestions(rows) { return (rows, merges, path) }
            if first == nil { first = (rows, merges, path) }
        }
        guard let first else { throw WorkbookError.unreadable }
        return first
    }

    /// Whether a row near the top names a question column: the sign of the sheet a questionnaire's table is on.
    static func namesQuestions(_ rows: [[String]]) -> Bool {
        rows.prefix(headerSearchDepth).contains { row in row.contains { QuestionnaireColumn(header: $0) == .question } }
    }
}
