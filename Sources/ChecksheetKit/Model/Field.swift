/// The fields of an item, in schema order. These names are used everywhere: front matter,
/// diagnostics, diffs and JSON.
public enum Field: String, Sendable, CaseIterable, Codable, Hashable {
    case no
    case slug
    case section
    case category
    case item
    case definition
    case unit
    case answer

    /// The keys allowed in an item page's front matter (the answer is the page body).
    public static let frontMatterKeys: [Field] = [.no, .slug, .section, .category, .item, .definition, .unit]

    /// The column header of the published sheet.
    public func header(in language: Language) -> String {
        switch (self, language) {
        case (.no, _): return "No."
        case (.slug, _): return "slug"
        case (.section, .ja): return "区分"
        case (.section, .en): return "Section"
        case (.category, .ja): return "種別"
        case (.category, .en): return "Category"
        case (.item, .ja): return "サービスレベル項目"
        case (.item, .en): return "Service level item"
        case (.definition, .ja): return "規定内容"
        case (.definition, .en): return "Definition"
        case (.unit, .ja): return "測定単位"
        case (.unit, .en): return "Unit of measure"
        case (.answer, .ja): return "設定等"
        case (.answer, .en): return "Provider's response"
        }
    }
}
