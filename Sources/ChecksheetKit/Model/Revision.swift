/// The sheet as published on one date, in both languages.
public struct Revision: Sendable, Equatable {
    /// ISO date, `YYYY-MM-DD`; also the revision's folder name and URL segment.
    public var date: String
    public var title: Localized<String>
    /// What the docs team says about this revision (Markdown), possibly empty.
    public var notes: Localized<String>
    /// Items in sheet order, per language.
    public var items: Localized<[Item]>

    public init(date: String, title: Localized<String>, notes: Localized<String> = .init(ja: "", en: ""), items: Localized<[Item]>) {
        self.date = date
        self.title = title
        self.notes = notes
        self.items = items
    }
}
