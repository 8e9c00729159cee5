/// The sheet as rows of plain text, in the sheet's column order: what every download holds.
///
/// Cells hold exactly the text the site shows: the answer as rendered text, and on the English side the
/// Japanese of any field whose translation is pending. Each row ends with the revision's date and the item's
/// permanent URL, so a row copied into a questionnaire still says where and when it was answered.
public struct SheetTable: Sendable, Equatable {
    /// Column order of the downloads: No., section, category, item, definition, unit, answer.
    public static let columns: [Field] = [.no, .section, .category, .item, .definition, .unit, .answer]

    public var language: Language
    public var date: String
    public var title: String
    public var items: [Item]
    /// The site's address, ending in `/`: items' permanent URLs start with it.
    public var baseURL: String
    /// Whose sheet this is; nil when `site.yml` names no provider.
    public var provider: String?
    /// By slug, on the English side: the fields a row shows in Japanese while their translation is pending, and the
    /// note the page shows for them. A table with any adds a last column, Note, and the JSON a `pending` list, so that
    /// Japanese text in an English download is never unexplained.
    public var pending: [String: Pending] = [:]

    /// Fields of one row shown in Japanese, their translation pending.
    public struct Pending: Sendable, Equatable {
        public var fields: [Field]
        public var note: String

        public init(fields: [Field], note: String) {
            self.fields = fields
            self.note = note
        }
    }

    public init(language: Language, date: String, title: String, items: [Item], baseURL: String, provider: String? = nil) {
        self.language = language
        self.date = date
        self.title = title
        self.items = items
        self.baseURL = baseURL
        self.provider = provider
    }

    /// Column headers in the table's language.
    public var headers: [String] {
        Self.columns.map { $0.header(in: language) } + (language == .ja ? ["版の日付", "固定URL"] : ["Version date", "Permanent URL"])
            + (pending.isEmpty ? [] : [language == .ja ? "注記" : "Note"])
    }

    /// An item's permanent URL: its current page, whatever revision the table is of.
    public func url(of item: Item) -> String {
        SitePath.url(SitePath.item(item.slug, language), base: baseURL)
    }

    /// Each item's cells in column order, the answer as plain text, then the revision's date and the item's URL.
    public var rows: [[String]] {
        items.map { item in Self.columns.map(item.plainText(of:)) + [date, url(of: item)] + (pending.isEmpty ? [] : [pending[item.slug]?.note ?? ""]) }
    }
}
