import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A file the translators send back, XLIFF 1.2 or the export's CSV, read into its units. Pure.
public struct TranslatedFile: Sendable, Equatable {
    /// One unit as the file has it.
    public struct Unit: Sendable, Equatable {
        public var id: String
        /// Where the unit starts, for diagnostics.
        public var line: Int
        /// The Japanese as it was exported.
        public var source: String
        /// The English, when the unit counts as translated (see `XLIFFReader.notTranslated`; in CSV, a filled cell).
        public var target: String?
        /// A filled XLIFF target that does not count as translated: why, and the target's line.
        public var heldBack: HeldBack?

        /// Why a unit's target was left out, and where it is.
        public struct HeldBack: Sendable, Equatable {
            public var reason: String
            public var line: Int

            public init(reason: String, line: Int) {
                self.reason = reason
                self.line = line
            }
        }
    }

    public var path: String
    public var units: [Unit]
    /// The revision the file says it was exported from (XLIFF's `product-version`); nil for CSV, which does not say.
    public var revision: String?

    /// XLIFF when the text starts like XML, else CSV; a file neither reads as is a diagnostic.
    public static func parse(_ data: Data, path: String) -> Result<TranslatedFile, DiagnosticsError> {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            return .failure(DiagnosticsError([Diagnostic(file: path, message: "the file is not UTF-8 text", hint: "save the CSV as “CSV UTF-8” or send the XLIFF file back as the tool wrote it")]))
        }
        if text.drop(while: \.isWhitespace).hasPrefix("<") { return xliff(Data(bytes), path: path) }
        return csv(text, path: path)
    }

    static func csv(_ text: String, path: String) -> Result<TranslatedFile, DiagnosticsError> {
        let table = DelimitedText.parse(text, delimiter: ",")
        guard let header = table.rows.first?.values.map(\.trimmed), let id = header.firstIndex(of: "id"), let japanese = header.firstIndex(of: "japanese"),
              let english = header.firstIndex(of: "english") else {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: 1, column: 1, message: "the first row does not name the columns id, japanese and english",
                                                         hint: "keep the header row of `checksheet translations export --format csv`")]))
        }
        var units: [Unit] = []
        for row in table.rows.dropFirst() where !row.isBlank {
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
        let reader = XLIFFReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 0),
                                                         message: "the file is not well-formed XML", hint: "send back the file as the translation tool saved it")]))
        }
        guard reader.isXLIFF else {
            return .failure(DiagnosticsError([Diagnostic(file: path, line: 1, column: 1, message: "the file is XML but not XLIFF 1.2",
                                                         hint: "export XLIFF 1.2 from the translation tool")]))
        }
        return .success(TranslatedFile(path: path, units: reader.units, revision: reader.revision))
    }
}
