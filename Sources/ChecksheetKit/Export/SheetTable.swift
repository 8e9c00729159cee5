/// The sheet as rows of plain text, in the sheet's column order: what every download holds.
///
/// Cells hold exactly the text the site shows: the answer as rendered text, and on the English side the
/// Japanese of any field whose translation is pending.
public struct SheetTable: Sendable, Equatable {
    /// Column order of the downloads: No., section, category, item, definition, unit, answer.
    public static let columns: [Field] = [.no, .section, .category, .item, .definition, .unit, .answer]

    public var language: Language
    public var date: String
    public var title: String
    public var items: [Item]

    /// Column headers in the table's language.
    public var headers: [String] { Self.columns.map { $0.header(in: language) } }

    /// Each item's cells in column order, the answer as plain text.
    public var rows: [[String]] {
        items.map { item in Self.columns.map { $0 == .answer ? Markdown.plainText(item.answer) : item.value(of: $0) } }
    }
}
