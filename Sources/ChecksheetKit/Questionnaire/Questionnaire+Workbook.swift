import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

extension Questionnaire {
    /// Problems reading a workbook; the caller turns any of them into one plain error.
    enum WorkbookError: Error {
        case missingPart(String)
        case unreadable
    }

    /// The cells of a workbook's first sheet, rows in order, empty cells filled in; shared strings resolved.
    static func firstSheet(ofWorkbook data: Data) throws -> [[String]] {
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var contents = Data()
            _ = try archive.extract(entry, skipCRC32: true) { contents.append($0) }
            return contents
        }
        guard let workbook = try part("xl/workbook.xml") else { throw WorkbookError.missingPart("xl/workbook.xml") }
        var sheetPath = "xl/worksheets/sheet1.xml"
        let sheets = WorkbookXML.elements(named: "sheet", in: workbook)
        if let id = sheets.first?["r:id"], let relations = try part("xl/_rels/workbook.xml.rels"),
           let target = WorkbookXML.elements(named: "Relationship", in: relations).first(where: { $0["Id"] == id })?["Target"] {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        let shared = try part("xl/sharedStrings.xml").map(WorkbookXML.sharedStrings) ?? []
        guard let sheet = try part(sheetPath) else { throw WorkbookError.missingPart(sheetPath) }
        return try WorkbookXML.cells(of: sheet, shared: shared)
    }
}
