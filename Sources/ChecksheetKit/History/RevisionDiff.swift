/// What changed between two revisions of the sheet in one language: items matched by slug.
public struct RevisionDiff: Sendable, Equatable {
    /// An item present on both dates whose content or number changed.
    public struct Change: Sendable, Equatable {
        public var old: Item
        public var new: Item
        /// Content fields that changed, in schema order (never `no` or `slug`).
        public var fields: [Field]
        /// On English comparisons of what the pages displayed: the changed fields whose translation was pending at
        /// either end (see `SheetHistory.compare`).
        public var translation: [Field: Translation] = [:]

        public var isRenumbered: Bool { old.no != new.no }

        /// Whether the field's change is only the translation of a Japanese change the English page already showed.
        public func isTranslation(_ field: Field) -> Bool {
            if case .translated? = translation[field] { return true }
            return false
        }

        /// Whether the change is of content (not only the translation of a Japanese change the page already showed).
        public var changesContent: Bool { fields.contains { !isTranslation($0) } }
    }

    /// How a changed English field's translation stood at the ends of a comparison.
    public enum Translation: Sendable, Equatable {
        /// Pending at the end: the page shows the Japanese, which the Japanese change from `japaneseBefore` (the
        /// Japanese at the start, as a reader sees it) to the new text is; it changed in the revision `since`.
        case pending(since: String, japaneseBefore: String)
        /// Pending at the start, translated at the end: the English translates the Japanese change of `since`.
        case translated(since: String)
    }

    public var from: String
    public var to: String
    public var language: Language
    /// In the newer revision's order.
    public var added: [Item]
    /// In the older revision's order.
    public var removed: [Item]
    /// Items whose content changed (and possibly their number), in the newer revision's order.
    public var changed: [Change]
    /// Items whose number alone changed.
    public var renumbered: [Change]

    /// The fields whose change counts as a change of content.
    public static let contentFields: [Field] = [.section, .category, .item, .definition, .unit, .answer]

    public static func compare(_ old: [Item], _ new: [Item], from: String, to: String, language: Language) -> RevisionDiff {
        let oldBySlug = Dictionary(old.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let newSlugs = Set(new.map(\.slug))
        var added: [Item] = [], changed: [Change] = [], renumbered: [Change] = []
        for item in new {
            guard let before = oldBySlug[item.slug] else {
                added.append(item)
                continue
            }
            // As a reader tells them apart: an edit of markup, spacing or notation alone is no change of content.
            let fields = contentFields.filter { !before.readsTheSame($0, as: item) }
            let change = Change(old: before, new: item, fields: fields)
            if !fields.isEmpty { changed.append(change) } else if change.isRenumbered { renumbered.append(change) }
        }
        let removed = old.filter { !newSlugs.contains($0.slug) }
        return RevisionDiff(from: from, to: to, language: language, added: added, removed: removed, changed: changed, renumbered: renumbered)
    }
}
