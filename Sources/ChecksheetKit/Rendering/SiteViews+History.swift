import Foundation

extension SiteViews {
    /// The counts of a revision, as its own changes page counts them (on English pages, what the pages displayed:
    /// items whose Japanese change awaits translation are changed), so that the list, the feed, the sheet and that page agree.
    func summary(_ entry: SheetHistory.Entry, language: Language) -> String {
        guard let changes = entry.changes?[language] else {
            return text("firstPublished", language, ["count": String(entry.revision.items[language].count)])
        }
        return countsSummary(added: changes.added.count, changed: changes.changed.count, removed: changes.removed.count,
                             renumbered: changes.renumbered.count, language: language)
    }

    /// "2 added, 3 changed, 1 removed", and the renumbered items when there are any.
    func countsSummary(added: Int, changed: Int, removed: Int, renumbered: Int, language: Language) -> String {
        var result = text("countsSummary", language, ["added": String(added), "changed": String(changed), "removed": String(removed)])
        if renumbered > 0 { result += text("renumberedSummary", language, ["renumbered": String(renumbered)]) }
        return result
    }

    /// The note of an English field shown in Japanese because its translation is pending, as of `revision`: said in the
    /// present on the current revision's pages, in the past on those of a revision since superseded.
    func pendingNote(since: String, in revision: Revision) -> String {
        text(revision.date == sheet.current?.date ? "pendingNote" : "pendingNoteThen", .en, ["date": displayDate(since, .en)])
    }

    /// The note of an English field whose change translates a Japanese change the page showed until then.
    func translatedNote(since: String) -> String {
        text("translatedNote", .en, ["date": displayDate(since, .en)])
    }

    /// A revision's notes as shown on the page at `path`. Their links are written as an answer's are, from an item's
    /// page (`../rto/index.html`), and lead there from every page that shows the notes, each at its own depth.
    func notesHTML(_ revision: Revision, language: Language, on path: String) -> String {
        notesHTML(revision.notes[language], language: language, on: path)
    }

    func notesHTML(_ notes: String, language: Language, on path: String) -> String {
        notes.isEmpty ? "" : AnswerLinks.rebased(Markdown.html(notes), from: notesBase(language), to: path)
    }

    /// The page the notes' links are written from: an item's, as for answers.
    func notesBase(_ language: Language) -> String { Self.notesBase(language) }

    static func notesBase(_ language: Language) -> String { SitePath.item("notes", language) }

    /// Each entry as the lists of versions show it: its title linking to its changes, its counts and notes.
    func revisionSummaries(_ entries: [SheetHistory.Entry], language: Language, path: String) -> [ChangesView.RevisionSummary] {
        entries.map { entry in
            let date = entry.revision.date
            return ChangesView.RevisionSummary(
                date: date, title: entry.revision.title[language],
                href: SitePath.relative(from: path, to: entry.previous == nil ? SitePath.archive(date, language) : SitePath.changes(date, language)),
                archiveHref: SitePath.relative(from: path, to: SitePath.archive(date, language)),
                notesHTML: notesHTML(entry.revision, language: language, on: path),
                summary: summary(entry, language: language), isCurrent: date == sheet.current?.date)
        }
    }

    func changesView(_ language: Language) -> ChangesView {
        let path = SitePath.changes(language)
        let page = layout(language: language, path: path, title: "\(text("changes", language)) | \(sheet.configuration.title[language])",
                          description: "", alternatePaths: Localized(ja: SitePath.changes(.ja), en: SitePath.changes(.en)))
        let revisions = revisionSummaries(history.entries.reversed(), language: language, path: path)
        let since = history.entries.dropLast().reversed().map { entry in
            ChangesView.SinceChoice(date: entry.revision.date, title: entry.revision.title[language],
                                    href: SitePath.relative(from: path, to: SitePath.changes(since: entry.revision.date, language)))
        }
        return ChangesView(page: page, revisions: revisions, since: since, feedHref: SitePath.relative(from: path, to: SitePath.feed(language)))
    }

    func revisionChangesView(_ diff: RevisionDiff, revision: Revision, language: Language, path: String, heading: String, notes: String) -> RevisionChangesView {
        let page = layout(language: language, path: path, title: "\(heading) | \(sheet.configuration.title[language])", description: "",
                          alternatePaths: Localized(ja: path.replacingOccurrences(of: "\(language.rawValue)/", with: "ja/", options: .anchored),
                                                    en: path.replacingOccurrences(of: "\(language.rawValue)/", with: "en/", options: .anchored)))
        // Names as the item pages show them: a pending English name is the Japanese.
        func name(_ item: Item) -> String { displayed(item, in: revision, language: language).item }
        func lang(_ item: Item) -> String? {
            language == .en && history.staleFields(of: item.slug, in: revision.date).contains { $0.field == .item } ? Language.ja.rawValue : nil
        }
        func link(_ item: Item, note: String? = nil) -> RevisionChangesView.ItemLink {
            .init(no: item.no, title: name(item), href: SitePath.relative(from: path, to: SitePath.item(item.slug, language)), note: note, titleLang: lang(item))
        }
        let changed = diff.changed.map { change in
            RevisionChangesView.ChangedItem(
                no: change.new.no, title: name(change.new), href: SitePath.relative(from: path, to: SitePath.item(change.new.slug, language)),
                note: change.isRenumbered ? text("renumberedNote", language, ["from": String(change.old.no), "to": String(change.new.no)]) : nil,
                fields: fieldDiffs(change, revision: revision, language: language), titleLang: lang(change.new))
        }
        let allChanged = changed.sorted { $0.no < $1.no }
        let renumbered = diff.renumbered
        let entrySummary = countsSummary(added: diff.added.count, changed: allChanged.count, removed: diff.removed.count, renumbered: renumbered.count, language: language)
        return RevisionChangesView(
            page: page, heading: heading, date: diff.to, summary: entrySummary,
            notesHTML: notesHTML(notes, language: language, on: path),
            archiveHref: SitePath.relative(from: path, to: SitePath.archive(diff.to, language)),
            changesHref: SitePath.relative(from: path, to: SitePath.changes(language)),
            csvHref: path == SitePath.changes(diff.to, language) ? SitePath.relative(from: path, to: SitePath.changesCSV(diff.to, language)) : nil,
            // An answer's links are written from its item's page: here they lead there from this page.
            added: diff.added.map { item in
                var entry = link(item, note: isRestored(item.slug, before: diff.from, language: language) ? text("restored", language) : nil)
                entry.answer = rebased(presented(item, in: revision, language: language).answer, from: SitePath.item(item.slug, language), to: path)
                return entry
            },
            removed: diff.removed.map { item in
                var entry = link(item)
                entry.answer = rebased(FieldView(html: Markdown.html(item.answer), pending: false, pendingNote: "", lang: nil),
                                       from: SitePath.item(item.slug, language), to: path)
                return entry
            },
            changed: allChanged,
            renumbered: renumbered.map { link($0.new, note: text("renumberedNote", language, ["from": String($0.old.no), "to": String($0.new.no)])) },
            renumberedCount: renumbered.count,
            nothing: diff.added.isEmpty && diff.removed.isEmpty && allChanged.isEmpty && renumbered.isEmpty, headers: headers(language))
    }

    /// A revision's changes as CSV, in the page's language and as its changes page lists them (on English pages what
    /// the pages displayed: a Japanese change awaiting translation in Japanese, a translation of one, each with its note): a row for each changed field, added or removed
    /// item and move, naming the item, the kind of change and the field, with the text before and after.
    func changesCSV(_ entry: SheetHistory.Entry, language: Language) -> Data {
        guard let diff = entry.changes?[language] else { return Data() }
        let revision = entry.revision
        var records = [["slug", Field.no.header(in: language), Field.item.header(in: language), text("csvChange", language), text("csvField", language),
                        text("csvBefore", language), text("csvAfter", language), text("csvNote", language)]]
        func add(_ item: Item, _ event: String, _ field: Field, _ before: String, _ after: String, note: String = "") {
            records.append([item.slug, String(item.no), displayed(item, in: revision, language: language).item, text(event, language), field.header(in: language),
                            before, after, note])
        }
        for change in diff.changed.sorted(by: { $0.new.no < $1.new.no }) {
            let item = change.new
            if change.isRenumbered { add(item, "eventRenumbered", .no, String(change.old.no), String(change.new.no)) }
            for field in change.fields {
                switch change.translation[field] {
                case let .pending(since, japaneseBefore)?:
                    add(item, "eventChanged", field, japaneseBefore, item.plainText(of: field), note: pendingNote(since: since, in: revision))
                case let .translated(since)?:
                    add(item, "eventTranslated", field, change.old.plainText(of: field), item.plainText(of: field), note: translatedNote(since: since))
                case nil:
                    add(item, "eventChanged", field, change.old.plainText(of: field), item.plainText(of: field))
                }
            }
        }
        for item in diff.added {
            add(item, isRestored(item.slug, before: diff.from, language: language) ? "restored" : "eventAdded", .answer, "", item.plainText(of: .answer))
        }
        for item in diff.removed { add(item, "eventRemoved", .answer, item.plainText(of: .answer), "") }
        for move in diff.renumbered {
            add(move.new, "eventRenumbered", .no, String(move.old.no), String(move.new.no))
        }
        return CSV.data(records)
    }

    func feedView(_ language: Language) -> FeedView {
        let entries = history.entries.reversed().map { entry -> FeedView.Entry in
            let date = entry.revision.date
            let target = entry.previous == nil ? SitePath.archive(date, language) : SitePath.changes(date, language)
            var html = "<p>\(summary(entry, language: language).htmlEscaped)</p>"
            if !entry.revision.notes[language].isEmpty {
                html += AnswerLinks.absolute(Markdown.html(entry.revision.notes[language]), from: notesBase(language), base: baseURL)
            }
            if let changes = entry.changes?[language] {
                // What the revision's changes page lists, as its summary above counts it: on English pages the items whose
                // Japanese change awaits translation are changed too, and renumbered items are named with their move.
                let changed = changes.changed.map(\.new).sorted { $0.no < $1.no }.map { ($0, "") }
                let renumbered = changes.renumbered.map { ($0.new, " (" + text("renumberedNote", language, ["from": String($0.old.no), "to": String($0.new.no)]) + ")") }
                let groups: [(String, [(Item, String)])] = [("addedItems", changes.added.map { ($0, "") }), ("changedItems", changed),
                                                            ("removedItems", changes.removed.map { ($0, "") }), ("renumberedItems", renumbered)]
                for (key, items) in groups where !items.isEmpty {
                    html += "<h2>\(text(key, language).htmlEscaped)</h2><ul>"
                    html += items.map { item, note in
                        "<li><a href=\"\(SitePath.url(SitePath.item(item.slug, language), base: baseURL).htmlEscaped)\">\(item.no). "
                            + "\(displayed(item, in: entry.revision, language: language).item.htmlEscaped)</a>\(note.htmlEscaped)</li>"
                    }.joined()
                    html += "</ul>"
                }
            }
            return .init(id: SitePath.url(target, base: baseURL), title: entry.revision.title[language], updated: date + "T00:00:00Z",
                         href: SitePath.url(target, base: baseURL), contentHTML: html)
        }
        return FeedView(id: SitePath.url(SitePath.feed(language), base: baseURL), title: "\(sheet.configuration.title[language]) — \(text("changes", language))",
                        updated: (sheet.current?.date ?? "1970-01-01") + "T00:00:00Z", selfHref: SitePath.url(SitePath.feed(language), base: baseURL),
                        alternateHref: SitePath.url(SitePath.changes(language), base: baseURL), lang: language.rawValue,
                        author: sheet.configuration.title[language], entries: entries)
    }
}
