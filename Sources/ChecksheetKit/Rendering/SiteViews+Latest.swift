extension SiteViews {
    /// The current revision's entry in the history, when it has a predecessor to be compared with.
    var latestEntry: SheetHistory.Entry? {
        guard let current = sheet.current else { return nil }
        return history.entries.last { $0.revision.date == current.date }
    }

    /// "New" or "Updated" for an item the current revision added or changed as the page displays it (on English pages
    /// a Japanese change awaiting translation counts, since the page shows it; the translation of an earlier one is
    /// "Translated", being no new content).
    func latestBadge(_ slug: String, language: Language) -> String? {
        guard let entry = latestEntry, let changes = entry.changes else { return nil }
        if changes[language].added.contains(where: { $0.slug == slug }) {
            return text(isRestored(slug, before: entry.previous?.date, language: language) ? "restored" : "badgeNew", language)
        }
        guard let change = changes[language].changed.first(where: { $0.new.slug == slug }) else { return nil }
        return text(change.changesContent ? "badgeChanged" : "eventTranslated", language)
    }

    /// Whether an item a comparison adds to the revision of date `from` (which lacks it) was in a revision before
    /// that one: it is back, not new.
    func isRestored(_ slug: String, before from: String?, language: Language) -> Bool {
        guard let from else { return false }
        return history.entries.contains { $0.revision.date < from && $0.revision.position(of: slug, language) != nil }
    }

    /// "formerly No. 10" for an item some revision renumbered (the latest such move): questionnaires cite items by
    /// the number of the version their reviewer read.
    func formerNumber(_ slug: String, language: Language) -> String? {
        for entry in history.entries.reversed() {
            guard let changes = entry.changes?[language] else { continue }
            let moved = { (change: RevisionDiff.Change) in change.new.slug == slug && change.isRenumbered }
            if let move = changes.changed.first(where: moved) ?? changes.renumbered.first(where: moved) {
                return text("formerly", language, ["no": String(move.old.no)])
            }
        }
        return nil
    }

    /// The date of the newest revision that published, added or changed the item's answer as the page displays it
    /// (on English pages a Japanese change awaiting translation counts, the page showing that Japanese, and its later
    /// translation does not: the content changed when the Japanese did, so both languages give that date).
    func answerLastChanged(_ slug: String, language: Language) -> String? {
        for entry in history.entries.reversed() {
            let date = entry.revision.date
            guard entry.revision.item(slug, language) != nil else { continue }
            guard let changes = entry.changes else { return date }
            if let added = changes[language].added.first(where: { $0.slug == slug }) {
                // Brought back with the answer it had when removed: the answer is as old as that one.
                let earlier = history.entries.last { $0.revision.date < date && $0.revision.item(slug, language) != nil }?.revision
                guard let earlier, let before = earlier.item(slug, language),
                      history.shown(before, in: earlier, language: language).readsTheSame(.answer, as: added) else { return date }
                continue
            }
            if changes[language].changed.contains(where: { $0.new.slug == slug && $0.fields.contains(.answer) && !$0.isTranslation(.answer) }) { return date }
        }
        return nil
    }

    /// The box above the current sheet: the latest revision's date, notes and counts, linking to its changes.
    func latestRevision(language: Language, path: String) -> SheetView.LatestRevision? {
        guard let entry = latestEntry else { return nil }
        let date = entry.revision.date
        let target = entry.previous == nil ? SitePath.changes(language) : SitePath.changes(date, language)
        return .init(summary: summary(entry, language: language),
                     notesHTML: notesHTML(entry.revision, language: language, on: path), href: SitePath.relative(from: path, to: target))
    }

    /// The running head of a printed page: the site and the version it shows.
    func printHeader(_ revision: Revision?, language: Language) -> String {
        (sheet.configuration.provider.map { $0[language] + " — " } ?? "") + sheet.configuration.title[language] + (revision.map { " — " + $0.title[language] } ?? "")
    }

    /// A changed field for display, shown by what the change is, whatever the field's length: a field changed in part
    /// shows the change in place, the kept text read once (`有。TLS <del>1.2</del><ins>1.3</ins>`); a field replaced
    /// whole, nothing of it kept, reads old → new, or when either has several lines the old lines above the new ones
    /// (a merged "<del>24</del><ins>1時間</ins>" or "<del>非公開</del><ins>4時間以内</ins>" ran together as "241時間").
    func diffHTML(_ old: String, _ new: String, language: Language) -> String {
        TextMemos.inlineDiffs.value(of: language.rawValue + "\u{0}" + old + "\u{0}" + new) { _ in
            let diff = InlineDiff.compare(old, new, language: language)
            guard diff.isReplacement, !old.isEmpty, !new.isEmpty else { return diff.html }
            let between = old.holdsBytes("\n") || new.holdsBytes("\n") ? "\n" : " <span class=\"diff-arrow\">→</span> "
            return "<del>\(old.htmlEscaped)</del>" + between + "<ins>\(new.htmlEscaped)</ins>"
        }
    }
}
