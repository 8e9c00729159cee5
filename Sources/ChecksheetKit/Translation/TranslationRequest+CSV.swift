import Foundation

extension TranslationRequest {
    /// The CSV columns, in order; translators fill `english`.
    public static let csvColumns = ["id", "no", "item", "field", "japanese", "previous_japanese", "previous_english", "english"]

    /// CSV as Japanese Excel opens it: UTF-8 with a byte order mark, CRLF, cells quoted where needed.
    public func csv() -> Data {
        var rows = [Self.csvColumns]
        for unit in units {
            rows.append([unit.id, String(unit.no), unit.itemName, unit.field.rawValue, unit.source, unit.previousSource, unit.previousTarget, unit.target ?? ""])
        }
        let text = rows.map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data("\u{FEFF}".utf8) + Data(text.utf8)
    }

    /// A cell quoted when it holds a comma, a quote or a line break (line breaks inside become CRLF, as Excel writes them).
    static func csvCell(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        let crlf = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return "\"" + crlf.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
