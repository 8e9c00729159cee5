/// The sheet as published on one date, in both languages.
public struct Revision: Sendable, Equatable {
    /// ISO date, `YYYY-MM-DD`; also the revision's folder name and URL segment.
    public var date: String
    public var title: Localized<String>
    /// What the docs team says about this revision (Markdown), possibly empty.
    public var notes: Localized<String>
    /// Items in sheet order, per language.
    public var items: Localized<[Item]> {
        didSet { positions = Self.positions(of: items) }
    }
    /// Each item's place in `items`, by slug: pages look items up by slug thousands of times.
    private var positions: Localized<[String: Int]>
    /// Where each item's page is, by slug, for diagnostics that concern a whole revision.
    public var sources: Localized<[String: ItemSource]>
    /// Not yet published: `build` leaves it out, `build --drafts` and `serve` show it marked as a draft.
    public var draft: Bool = false
    /// Slugs of a draft's items that have no English page yet; their English stands in as the Japanese, pending translation.
    public var withoutEnglish: [String] = []
    /// What `translations import` wrote into this revision's English (`translations.yml`): which Japanese each field translates.
    public var translationRecords = TranslationRecords()

    public init(date: String, title: Localized<String>, notes: Localized<String> = .init(ja: "", en: ""), items: Localized<[Item]>,
                sources: Localized<[String: ItemSource]> = .init(ja: [:], en: [:])) {
        self.date = date
        self.title = title
        self.notes = notes
        self.items = items
        self.positions = Self.positions(of: items)
        self.sources = sources
    }

    /// The item with this slug in one language.
    public func item(_ slug: String, _ language: Language) -> Item? {
        positions[language][slug].map { items[language][$0] }
    }

    /// Where the item with this slug stands in one language's list.
    public func position(of slug: String, _ language: Language) -> Int? {
        positions[language][slug]
    }

    private static func positions(of items: Localized<[Item]>) -> Localized<[String: Int]> {
        func index(_ list: [Item]) -> [String: Int] {
            Dictionary(list.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return Localized(ja: index(items.ja), en: index(items.en))
    }
}
