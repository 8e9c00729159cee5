/// The sheet as published on one date, in both languages.
public struct Revision: Sendable, Equatable {
    /// ISO date, `YYYY-MM-DD`; also the revision's folder name and URL segment.
    public var date: String
    public var title: Localized<String>
    /// What the docs team says about this revision (Markdown), possibly empty.
    public var notes: Localized<String>
    /// Items in sheet order, per language.
    public var items: Localized<[Item]>
    /// Where each item's page is, by slug, for diagnostics that concern a whole revision.
    public var sources: Localized<[String: ItemSource]>

    public init(date: String, title: Localized<String>, notes: Localized<String> = .init(ja: "", en: ""), items: Localized<[Item]>,
                sources: Localized<[String: ItemSource]> = .init(ja: [:], en: [:])) {
        self.date = date
        self.title = title
        self.notes = notes
        self.items = items
        self.sources = sources
    }

    /// The item with this slug in one language.
    public func item(_ slug: String, _ language: Language) -> Item? {
        items[language].first { $0.slug == slug }
    }
}
