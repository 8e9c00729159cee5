/// The history of the whole sheet: each revision against the one before it, and the English fields whose
/// Japanese changed after they were last translated (between revisions, or within one after `translations import`).
public struct SheetHistory: Sendable, Equatable {
    /// One revision and what it changed against its predecessor (nil for the first revision).
    public struct Entry: Sendable, Equatable {
        public var revision: Revision
        public var previous: Revision?
        public var changes: Localized<RevisionDiff>?
    }

    /// An English field that still says what the Japanese said before it changed.
    public struct StaleTranslation: Sendable, Equatable, Hashable {
        public var slug: String
        public var field: Field
        /// The revision in which the Japanese changed.
        public var since: String
    }

    /// Oldest first.
    public var entries: [Entry]
    /// Per revision date: the English fields pending translation as that revision stood.
    public var stale: [String: [StaleTranslation]]

    public init(_ sheet: Sheet) {
        var entries: [Entry] = []
        var stale: [String: [StaleTranslation]] = [:]
        var pending: [String: [Field: String]] = [:]
        var previous: Revision?
        // Each revision against the one before, all pairs on all cores; the pending translations below follow them in order.
        let pairs = Array(zip(sheet.revisions.dropLast(), sheet.revisions.dropFirst()))
        let diffs = pairs.parallelMap(spreadingFrom: 2) { before, after in
            Localized(ja: RevisionDiff.compare(before.items.ja, after.items.ja, from: before.date, to: after.date, language: .ja),
                      en: RevisionDiff.compare(before.items.en, after.items.en, from: before.date, to: after.date, language: .en))
        }
        for (index, revision) in sheet.revisions.enumerated() {
            var changes: Localized<RevisionDiff>?
            if let previous {
                changes = diffs[index - 1]
                let oldJapanese = Dictionary(previous.items.ja.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                let oldEnglish = Dictionary(previous.items.en.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                let newEnglish = Dictionary(revision.items.en.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                for item in revision.items.ja {
                    guard let before = oldJapanese[item.slug], let englishBefore = oldEnglish[item.slug], let english = newEnglish[item.slug] else {
                        pending[item.slug] = nil
                        continue
                    }
                    for field in Self.translatedFields {
                        if english.value(of: field) != englishBefore.value(of: field) {
                            pending[item.slug]?[field] = nil
                        } else if item.value(of: field) != before.value(of: field) {
                            pending[item.slug, default: [:]][field] = revision.date
                        }
                    }
                }
            }
            // Within a revision only what the import recorded tells which Japanese an English field translates: while
            // the English is as the import wrote it, a change of that Japanese since is pending from this revision on.
            if !revision.translationRecords.records.isEmpty {
                for item in revision.items.ja {
                    guard let english = revision.item(item.slug, .en) else { continue }
                    for field in Self.translatedFields {
                        switch revision.translationRecords.pending(item.slug, field, japanese: item.value(of: field), english: english.value(of: field)) {
                        case true?: pending[item.slug, default: [:]][field] = pending[item.slug]?[field] ?? revision.date
                        case false?: pending[item.slug]?[field] = nil
                        case nil: break
                        }
                    }
                }
            }
            // A draft's item without an English page shows its Japanese: every written field awaits translation.
            for slug in revision.withoutEnglish {
                pending[slug] = Dictionary(uniqueKeysWithValues: Self.translatedFields.map { ($0, revision.date) })
            }
            let slugs = Set(revision.items.ja.map(\.slug))
            stale[revision.date] = revision.items.ja.flatMap { item in
                Self.translatedFields.compactMap { field in
                    pending[item.slug]?[field].map { StaleTranslation(slug: item.slug, field: field, since: $0) }
                }
            }.filter { slugs.contains($0.slug) }
            entries.append(Entry(revision: revision, previous: previous, changes: changes))
            previous = revision
        }
        self.entries = entries
        self.stale = stale
    }

    /// Fields written in each language (section and category come from site.yml, so they cannot go stale).
    public static let translatedFields: [Field] = [.item, .definition, .unit, .answer]

    /// The pending English fields of one item as a revision stood.
    public func staleFields(of slug: String, in date: String) -> [StaleTranslation] {
        (stale[date] ?? []).filter { $0.slug == slug }
    }

    /// Every revision that changed the item (added it, changed its content or removed it), newest first.
    public func events(of slug: String, language: Language) -> [(entry: Entry, kind: ItemEvent)] {
        var events: [(Entry, ItemEvent)] = []
        for entry in entries {
            guard let changes = entry.changes?[language] else {
                if entry.revision.position(of: slug, language) != nil { events.append((entry, .published)) }
                continue
            }
            if let item = changes.added.first(where: { $0.slug == slug }) { events.append((entry, .added(item))) }
            // A change of number alone is an event too: customers cite items by number, and the item's own history
            // is where they look for why theirs no longer matches.
            if let change = changes.changed.first(where: { $0.new.slug == slug }) ?? changes.renumbered.first(where: { $0.new.slug == slug }) {
                events.append((entry, .changed(change)))
            }
            if let item = changes.removed.first(where: { $0.slug == slug }) { events.append((entry, .removed(item))) }
        }
        return events.reversed()
    }

    /// What a revision did to one item.
    public enum ItemEvent: Sendable, Equatable {
        case published
        case added(Item)
        case changed(RevisionDiff.Change)
        case removed(Item)
    }
}
