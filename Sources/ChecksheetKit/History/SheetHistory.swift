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
        var stale: [String: [StaleTranslation]] = [:]
        var pending: [String: [Field: String]] = [:]
        var previous: Revision?
        for revision in sheet.revisions {
            if let previous {
                let oldJapanese = Dictionary(previous.items.ja.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                let oldEnglish = Dictionary(previous.items.en.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                let newEnglish = Dictionary(revision.items.en.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
                for item in revision.items.ja {
                    guard let before = oldJapanese[item.slug], let englishBefore = oldEnglish[item.slug], let english = newEnglish[item.slug] else {
                        pending[item.slug] = nil
                        continue
                    }
                    for field in Self.translatedFields {
                        // English counts as translating only if its words changed: a full stop or a space added by hand
                        // beside a change of the Japanese would otherwise hide that change from English readers. The
                        // Japanese counts as changed only as a reader tells it apart: notation alone needs no translation.
                        let englishEdited = english.value(of: field) != englishBefore.value(of: field)
                            && ReadingKey.words(english.plainText(of: field)) != ReadingKey.words(englishBefore.plainText(of: field))
                        if englishEdited {
                            pending[item.slug]?[field] = nil
                        } else if !item.readsTheSame(field, as: before) {
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
            previous = revision
        }
        self.stale = stale
        self.entries = []
        // Each revision against the one before, all pairs on all cores; the English as its pages displayed it, which
        // needs the pending translations above.
        let pairs = Array(zip(sheet.revisions.dropLast(), sheet.revisions.dropFirst()))
        let diffs = pairs.parallelMap(spreadingFrom: 2) { [self] before, after in
            Localized(ja: compare(before, after, language: .ja), en: compare(before, after, language: .en))
        }
        entries = sheet.revisions.enumerated().map { index, revision in
            Entry(revision: revision, previous: index == 0 ? nil : sheet.revisions[index - 1], changes: index == 0 ? nil : diffs[index - 1])
        }
    }

    /// What changed from `old` to `new` as a reader of the language saw it. In Japanese, the items. In English, what
    /// the English pages displayed at each end, a field pending translation being its Japanese (`shown`): so a change
    /// awaiting translation is listed over any span that ends while it is pending, nets out over one that starts and
    /// ends pending on the same Japanese, and every span that ends at a revision includes what a shorter one does.
    /// Each changed field that was pending at either end says so (`RevisionDiff.Translation`).
    public func compare(_ old: Revision, _ new: Revision, language: Language) -> RevisionDiff {
        guard language == .en else { return RevisionDiff.compare(old.items.ja, new.items.ja, from: old.date, to: new.date, language: .ja) }
        var diff = RevisionDiff.compare(shown(old).items.en, shown(new).items.en, from: old.date, to: new.date, language: .en)
        diff.changed = diff.changed.map { change in
            var change = change
            let slug = change.new.slug
            let before = staleFields(of: slug, in: old.date), after = staleFields(of: slug, in: new.date)
            for field in change.fields {
                if let pending = after.first(where: { $0.field == field }) {
                    let japanese = old.item(slug, .ja)?.plainText(of: field) ?? change.old.plainText(of: field)
                    change.translation[field] = .pending(since: pending.since, japaneseBefore: japanese)
                } else if let was = before.first(where: { $0.field == field }) {
                    change.translation[field] = .translated(since: was.since)
                }
            }
            return change
        }
        return diff
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
