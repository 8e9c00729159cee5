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

    /// The worksheet part of a workbook's first sheet, as its relationships name it.
    static func firstSheetPath(of archive: Archive) throws -> String {
        guard let workbook = try part("xl/workbook.xml", of: archive) else { throw WorkbookError.missingPart("xl/workbook.xml") }
        let sheets = WorkbookXML.elements(named: "sheet", in: workbook)
        if let id = sheets.first?["r:id"], let relations = try part("xl/_rels/workbook.xml.rels", of: archive),
           let target = WorkbookXML.elements(named: "Relationship", in: relations).first(where: { $0["Id"] == id })?["Target"] {
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return "xl/worksheets/sheet1.xml"
    }

    /// The cells of a workbook's first sheet, rows in order, empty cells filled in, shared strings resolved; its merged
    /// cells; and the sheet's part.
    static func firstSheet(ofWorkbook data: Data) throws -> (rows: [[String]], merges: [Merge], path: String) {
        let archive = try Archive(data: data, accessMode: .read)
        let sheetPath = try firstSheetPath(of: archive)
        let shared = try part("xl/sharedStrings.xml", of: archive).map(WorkbookXML.sharedStrings) ?? []
        guard let sheet = try part(sheetPath, of: archive) else { throw WorkbookError.missingPart(sheetPath) }
        let (rows, merges) = try WorkbookXML.cells(of: sheet, shared: shared)
        return (rows, merges, sheetPath)
    }
}
