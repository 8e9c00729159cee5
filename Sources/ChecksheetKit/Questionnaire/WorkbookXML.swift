import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

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
    private var merges: [Questionnaire.Merge] = []

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

    /// The sheet's cell texts as rows, and its merged cells.
    static func cells(of data: Data, shared: [String]) throws -> (rows: [[String]], merges: [Questionnaire.Merge]) {
        let reader = WorkbookXML(mode: .cells)
        reader.shared = shared
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw Questionnaire.WorkbookError.unreadable }
        guard let last = reader.rows.keys.max() else { return ([], reader.merges) }
        let width = (reader.rows.values.flatMap(\.keys).max() ?? 0) + 1
        return ((1...last).map { row in (0..<width).map { reader.rows[row]?[$0] ?? "" } }, reader.merges)
    }

    /// `B4:D5` → rows 3…4, columns 1…3 (0-based).
    static func range(_ text: String) -> Questionnaire.Merge? {
        let ends = text.split(separator: ":").map(String.init)
        guard let first = ends.first.flatMap(reference), let end = ends.last.flatMap(reference),
              first.row <= end.row, first.column <= end.column else { return nil }
        return Questionnaire.Merge(rows: first.row - 1...end.row - 1, columns: first.column...end.column)
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
            } else if element == "mergeCell", let merge = attributes["ref"].flatMap(Self.range) {
                merges.append(merge)
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
