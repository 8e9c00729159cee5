import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A file the translators send back, XLIFF 1.2 or the export's CSV, read into its units. Pure.
public struct TranslatedFile: Sendable, Equatable {
    /// One unit as the file has it.
    public struct Unit: Sendable, Equatable {
        public var id: String
        /// Where the unit starts, for diagnostics: its `<trans-unit` tag, or its CSV row.
        public var line: Int
        /// The column of the `<trans-unit` tag, in Unicode scalars; 0 in CSV, where the row is the place.
        public var column: Int = 0
        /// The Japanese as it was exported.
        public var source: String
        /// The English, when the unit counts as translated (see `XLIFFReader.notTranslated`; in CSV, a filled cell).
        public var target: String?
        /// A filled XLIFF target that does not count as translated: why, and the target's line.
        public var heldBack: HeldBack?

        /// Why a unit's target was left out, and where it is.
        public struct HeldBack: Sendable, Equatable {
            public var reason: String
            /// Where the `<target` tag starts.
            public var line: Int
            public var column: Int

            public init(reason: String, line: Int, column: Int) {
                self.reason = reason
                self.line = line
                self.column = column
            }
        }
    }

    public var path: String
    public var units: [Unit]
    /// The revision the file says it was exported from (XLIFF's `product-version`); nil for CSV, which does not say.
    public var revision: String?

    /// XLIFF when the file starts like XML (in UTF-8 or UTF-16, the XML parser reading its byte order mark and encoding
    /// declaration), else CSV in any encoding Excel saves it in (UTF-8, UTF-16, Shift_JIS: `SheetEncoding`); a file
    /// neither reads as is a diagnostic.
    public static func parse(_ data: Data, path: String) -> Result<TranslatedFile, DiagnosticsError> {
        if startsLikeXML(data) { return xliff(data, path: path) }
        switch SheetEncoding.decoding(data) {
        case let .success((text, _)):
            return csv(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, path: path)
        case .failure(.workbook):
            return .failure(DiagnosticsError([Diagnostic(file: path, message: "the file is an Excel workbook (.xlsx), not CSV",
                                                         hint: "in Excel, save the sheet as “CSV UTF-8” (or “CSV”) and import that file")]))
        case let .failure(refusal):
            return .failure(DiagnosticsError([Diagnostic(file: path, message: "the file is neither XLIFF nor CSV text: \(refusal.explanation.message)",
                                                         hint: "save the CSV as “CSV UTF-8”, or send back the XLIFF file as the translation tool saved it")]))
        }
    }

    /// True when the first character that is not blank is `<`, in UTF-8 (with or without its byte order mark), UTF-16
    /// of either byte order (with or without it), or any encoding that writes ASCII as itself.
    static func startsLikeXML(_ data: Data) -> Bool {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { bytes = bytes.dropFirst(2) }
        // UTF-16's zero bytes are left out: what remains of ASCII reads the same.
        let first = bytes.first { $0 != 0 && $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "<")
    }

    /// The delimiter that splits the header row into the most of the export's column names: a comma, or the semicolon
    /// or tab Excel saves with where the comma is the decimal separator (European settings) or as Unicode Text.
    static func delimiter(ofHeader text: String) -> Character {
        let header = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        var best: (delimiter: Character, names: Int) = (",", 0)
        for delimiter: Character in [",", ";", "\t"] {
            let names = header.split(separator: delimiter).filter { cell in
                let name = String(cell).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return TranslationRequest.csvColumns.contains(name)
            }.count
            if names > best.names { best = (delimiter, names) }
        }
        return best.delimiter
    }

    static func csv(_ text: String, path: String) -> Result<TranslatedFile, DiagnosticsError> {
        let table = DelimitedText.parse(text, delimiter: delimiter(ofHeader: text))
        // A quote left open reads the rest of the file as one cell: the translations after it would be lost unsaid.
        guard table.problems.isEmpty else {
            return .failure(DiagnosticsError(table.problems.map { problem in
                Diagnostic(file: path, line: problem.line, column: problem.column, message: "the file cannot be read as CSV: \(problem.message)",
                           hint: "\(problem.hint); or ask the translator to save the sheet again as “CSV UTF-8”")
            }))
        }
        guard let header = table.rows.first(where: { !$0.isBlank })?.values.map(\.trimmed), let id = header.firstIndex(of: "id"),
              let japanese = header.firstIndex(of: "japanese"), let english = header.firstIndex(of: "english") else {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: 1, column: 1, message: "the first row does not name the columns id, japanese and english",
                                                         hint: "keep the header row of `checksheet translations export --format csv`")]))
        }
        // Excel ends every row, the last too, with a line break and writes every row as wide as the header: a last row
        // that is neither ends where the file was cut off, perhaps inside a translation.
        if let last = table.rows.last(where: { !$0.isBlank }), last.line > 1, last.cells.count < header.count,
           let end = text.last, !end.isNewline {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: last.line, column: 1,
                                                         message: "the file ends in this row, after \(last.cells.count) of its \(header.count) columns: it looks cut off",
                                                         hint: "ask the translator to save the sheet again as “CSV UTF-8” and send the whole file")]))
        }
        var units: [Unit] = []
        for row in table.rows.drop(while: \.isBlank).dropFirst() where !row.isBlank {
            let values = row.values
            // The export made text of cells that Excel would read as formulas; the translator's edits keep that `'`.
            func cell(_ index: Int) -> String { index < values.count ? CSV.withoutFormulaGuard(values[index]) : "" }
            let target = lineFeeds(cell(english)).trimmed
            units.append(Unit(id: cell(id).trimmed, line: row.line, source: lineFeeds(cell(japanese)), target: target.isEmpty ? nil : target))
        }
        return .success(TranslatedFile(path: path, units: units))
    }

    /// `text` with CRLF and a lone CR made LF, as the pages write line breaks.
    static func lineFeeds(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func xliff(_ data: Data, path: String) -> Result<TranslatedFile, DiagnosticsError> {
        let reader = XLIFFReader(text: xmlText(data))
        let parser = XMLParser(data: data)
        parser.delegate = reader
        let parsed = parser.parse()
        if let malformed = reader.malformed ?? (parsed ? nil : (max(parser.lineNumber, 1), max(parser.columnNumber, 1), "the XML parser stops here")) {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: malformed.line, column: malformed.column,
                                                         message: "the file is not well-formed XML: \(malformed.reason)",
                                                         hint: "ask the translator to export the file again from their translation tool "
                                                             + "(a file edited by hand or cut off on its way is not read at all)")]))
        }
        guard reader.isXLIFF else {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: 1, column: 1, message: "the file is XML but not XLIFF 1.2",
                                                         hint: "export XLIFF 1.2 from the translation tool")]))
        }
        return .success(TranslatedFile(path: path, units: reader.units, revision: reader.revision))
    }

    /// The XML file's text as near as needed to find its tags: UTF-16 by its byte order mark, else UTF-8 (a byte
    /// that is not only shifts columns on its own line).
    static func xmlText(_ data: Data) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) { return text }
        return String(decoding: data, as: UTF8.self)
    }
}
