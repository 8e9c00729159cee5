import Foundation

extension TranslationRequest {
    /// The CSV columns, in order; translators fill `english`.
    public static let csvColumns = ["id", "no", "item", "field", "japanese", "previous_japanese", "previous_english", "english"]

    /// CSV as Japanese Excel opens it (`CSV`): UTF-8 with a byte order mark, CRLF, cells quoted where needed, and an
    /// answer that begins like a formula (a Markdown list's `- `) made text, which `TranslatedFile` takes off again.
    public func csv() -> Data {
        var rows = [Self.csvColumns]
        for unit in units {
            rows.append([unit.id, String(unit.no), unit.itemName, unit.field.rawValue, unit.source, unit.previousSource, unit.previousTarget, unit.target ?? ""])
        }
        return CSV.data(rows)
    }
}
