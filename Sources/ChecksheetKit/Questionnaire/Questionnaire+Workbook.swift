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

/// Reads the few parts of SpreadsheetML a questionnaire needs, with Foundation's XMLParser.
final class WorkbookXML: NSObject, XMLParserDelegate {
    private enum Mode { case attributes(String), shared, cells }

    private let mode: Mode
    private var found: [[String: String]] = []
    private var strings: [String] = []
    private var text = ""
    private var inText = false
    private var phonetic = 0
    private var rows: [Int: [Int: String]] = [:]
    private var cell: (row: Int, column: Int, type: String)?
    private var nextRow = 1
    private var nextColumn = 0
    private var shared: [String] = []

    private init(mode: Mode) { self.mode = mode }

    /// The attributes of every element called `name`.
    static func elements(named name: String, in data: Data) -> [[String: String]] {
        let reader = WorkbookXML(mode: .attributes(name))
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.found
    }

    /// The shared strings, each the text of its runs (phonetic guides left out).
    static func sharedStrings(_ data: Data) throws -> [String] {
        let reader = WorkbookXML(mode: .shared)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw Questionnaire.WorkbookError.unreadable }
        return reader.strings
    }

    /// The sheet's cell texts as rows.
    static func cells(of data: Data, shared: [String]) throws -> [[String]] {
        let reader = WorkbookXML(mode: .cells)
        reader.shared = shared
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw Questionnaire.WorkbookError.unreadable }
        guard let last = reader.rows.keys.max() else { return [] }
        let width = (reader.rows.values.flatMap(\.keys).max() ?? 0) + 1
        return (1...last).map { row in (0..<width).map { reader.rows[row]?[$0] ?? "" } }
    }

    /// `B12` → (12, 1).
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for scalar in text.unicodeScalars {
            if ("A"..."Z").contains(scalar) { column = column * 26 + Int(scalar.value) - 64 } else { digits.unicodeScalars.append(scalar) }
        }
        guard let row = Int(digits), column > 0 else { return nil }
        return (row, column - 1)
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch mode {
        case let .attributes(name):
            if element == name { found.append(attributes) }
        case .shared:
            if element == "si" { text = "" }
            if element == "rPh" { phonetic += 1 }
            if element == "t" && phonetic == 0 { inText = true }
        case .cells:
            if element == "row" {
                nextRow = attributes["r"].flatMap(Int.init) ?? nextRow
                nextColumn = 0
            } else if element == "c" {
                let place = attributes["r"].flatMap(Self.reference) ?? (nextRow, nextColumn)
                cell = (place.row, place.column, attributes["t"] ?? "n")
                nextColumn = place.column + 1
                text = ""
            } else if element == "rPh" {
                phonetic += 1
            } else if (element == "v" || element == "t") && phonetic == 0 && cell != nil {
                inText = true
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "t" || element == "v" { inText = false }
        if element == "rPh" { phonetic -= 1 }
        switch mode {
        case .attributes:
            break
        case .shared:
            if element == "si" { strings.append(text) }
        case .cells:
            if element == "c", let current = cell {
                var value = text
                if current.type == "s" { value = Int(text).flatMap { $0 < shared.count ? shared[$0] : nil } ?? "" }
                if !value.isEmpty { rows[current.row, default: [:]][current.column] = value }
                cell = nil
            } else if element == "row" {
                nextRow += 1
            }
        }
    }
}
