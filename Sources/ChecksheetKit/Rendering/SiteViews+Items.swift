extension SiteViews {
    /// An item's page as it stands in `revision`: current, archived, or (with `removedIn`) removed.
    func itemView(_ item: Item, in revision: Revision, position: Int?, language: Language, path: String, archived: Bool, removedIn: String? = nil) -> ItemView {
        let alternatePaths = archived ? Localized(ja: SitePath.archivedItem(item.slug, revision.date, .ja), en: SitePath.archivedItem(item.slug, revision.date, .en))
                                      : Localized(ja: SitePath.item(item.slug, .ja), en: SitePath.item(item.slug, .en))
        let presentation = presented(item, in: revision, language: language)
        let shown = presentation.shown
        // Link previews and tabs name the item as questionnaires cite it, and who answers: "No. 11 目標復旧時間(RTO) — Provider".
        // An archived page's tab, bookmark and link preview say which version it is: its text may differ from today's.
        let title = archived || removedIn != nil
            ? text("archivedItemTitle", language, ["no": String(item.no), "item": shown.item, "date": displayDate(revision.date, language), "brand": brand(language)])
            : text("itemTitle", language, ["no": String(item.no), "item": shown.item, "brand": brand(language)])
        var page = layout(language: language, path: path, title: title, description: presentation.metaDescription, alternatePaths: alternatePaths)
        page.ogType = "article"
        if !archived, let neutral = page.alternates.firstIndex(where: { $0.hreflang == "x-default" }) {
            // For a reader whose language is neither: the item's link in no language, which picks one.
            page.alternates[neutral].href = SitePath.url(SitePath.itemLink(item.slug), base: baseURL)
        }
        page.printHeader = printHeader(revision, language: language)
        let items = revision.items[language]
        func neighbour(_ index: Int) -> ItemView.Neighbour? {
            guard items.indices.contains(index) else { return nil }
            let other = items[index]
            let target = archived ? SitePath.archivedItem(other.slug, revision.date, language) : SitePath.item(other.slug, language)
            return .init(href: SitePath.relative(from: path, to: target), no: other.no, item: other.item)
        }
        let sheetPath = archived ? SitePath.archive(revision.date, language) : SitePath.sheet(language)
        let sheetHref = SitePath.relative(from: path, to: sheetPath)
        var banner: Banner?
        let current = sheet.current
        if let removedIn {
            banner = Banner(text: text("removedBanner", language, ["date": displayDate(removedIn, language), "last": displayDate(revision.date, language)]),
                            linkHref: SitePath.relative(from: path, to: SitePath.changes(removedIn, language)), linkText: text("viewChanges", language))
        } else if archived, let current {
            let stillThere = current.item(item.slug, language) != nil
            page.canonical = SitePath.url(stillThere ? SitePath.item(item.slug, language) : path, base: baseURL)
            let isCurrent = current.date == revision.date
            var said = isCurrent ? text("currentBanner", language, ["date": displayDate(revision.date, language)])
                                 : text("supersededItemBanner", language, ["date": displayDate(revision.date, language)])
            // A reviewer copying from an old version is told whether the answer they copy still stands, and whether the
            // definition, unit or name it answers does.
            let changed = sheet.changedFields(of: item.slug, since: revision)
            if changed == [.answer] {
                said += (language == .en ? " " : "") + text("answerChangedSince", language)
            } else if !changed.isEmpty {
                let fields = changed.map { $0.header(in: language) }.joined(separator: language == .ja ? "、" : ", ")
                said += (language == .en ? " " : "") + text("fieldsChangedSince", language, ["fields": fields])
            }
            banner = Banner(text: said,
                            linkHref: SitePath.relative(from: path, to: SitePath.item(item.slug, language)),
                            linkText: text(isCurrent ? "viewPermanentPage" : "viewCurrent", language),
                            sinceHref: isCurrent ? nil : SitePath.relative(from: path, to: SitePath.changes(since: revision.date, language)),
                            sinceText: isCurrent ? nil : text("viewChangesSince", language))
        }
        // A removed item's row is in the last sheet that had it, not in the current one.
        let rowHref = removedIn == nil ? sheetHref + "#" + item.slug : SitePath.relative(from: path, to: SitePath.archive(revision.date, language)) + "#" + item.slug
        let isCurrentItem = !archived && removedIn == nil
        let previous = position.flatMap { neighbour($0 - 1) }, next = position.flatMap { neighbour($0 + 1) }
        return ItemView(page: page, no: item.no, slug: item.slug, item: presentation.item,
                        section: item.section, category: item.category, showCategory: item.category != item.section,
                        definition: presentation.definition,
                        unit: presentation.unit,
                        answer: presentation.answer,
                        headers: headers(language), sheetHref: sheetHref, rowHref: rowHref,
                        previous: previous, next: next, hasNeighbours: previous != nil || next != nil,
                        otherLanguageItem: revision.item(item.slug, language.other)?.item ?? "",
                        revisionTitle: revision.title[language], revisionDate: revision.date, banner: banner,
                        history: archived ? [] : itemHistory(item.slug, language: language, path: path),
                        share: share(presentation, revision: revision, language: language, url: archived ? SitePath.url(path, base: baseURL) : page.canonical,
                                     link: archived ? nil : SitePath.url(SitePath.itemLink(item.slug), base: baseURL), removedIn: removedIn),
                        badge: isCurrentItem ? latestBadge(item.slug, language: language) : nil,
                        formerly: isCurrentItem ? formerNumber(item.slug, language: language) : nil,
                        answerChanged: isCurrentItem ? answerLastChanged(item.slug, language: language).map {
                            text("answerChanged", language, ["date": displayDate($0, language)])
                        } : nil)
    }

    /// Every revision that changed the item, newest first, with its diffs.
    func itemHistory(_ slug: String, language: Language, path: String) -> [ItemView.HistoryEntry] {
        // In English, as the pages displayed it: a Japanese change awaiting translation is a change of the English page.
        let events = history.events(of: slug, language: language)
        return events.map { entry, event in
            let date = entry.revision.date
            let href = SitePath.relative(from: path, to: entry.previous == nil ? SitePath.archive(date, language) : SitePath.changes(date, language))
            switch event {
            case .published:
                return .init(date: date, title: entry.revision.title[language], href: href, what: text("eventPublished", language), fields: [])
            case .added:
                let what = isRestored(slug, before: entry.previous?.date, language: language) ? "restored" : "eventAdded"
                return .init(date: date, title: entry.revision.title[language], href: href, what: text(what, language), fields: [])
            case let .changed(change):
                var fields = fieldDiffs(change, revision: entry.revision, language: language)
                if change.isRenumbered {
                    fields.insert(FieldDiff(name: Field.no.header(in: language), diffHTML: diffHTML(String(change.old.no), String(change.new.no), language: language),
                                            pendingNote: nil), at: 0)
                }
                let renumberedOnly = change.isRenumbered && fields.count == 1
                let what = renumberedOnly ? "eventRenumbered" : change.changesContent ? "eventChanged" : "eventTranslated"
                return .init(date: date, title: entry.revision.title[language], href: href, what: text(what, language), fields: fields)
            case .removed:
                return .init(date: date, title: entry.revision.title[language], href: href, what: text("eventRemoved", language), fields: [])
            }
        }
    }

    /// The inline diff of each changed field, in schema order; the answer is compared as the text a reader sees. On
    /// English pages a field pending translation at the end shows its Japanese change, in Japanese, with the note
    /// (in the past tense when `revision` has been superseded); a field translated in the span shows the Japanese
    /// the page displayed and the English that replaced it, noted as a translation rather than a change of content.
    func fieldDiffs(_ change: RevisionDiff.Change, revision: Revision, language: Language) -> [FieldDiff] {
        change.fields.map { field in
            let old = change.old.plainText(of: field), new = change.new.plainText(of: field)
            switch change.translation[field] {
            case let .pending(since, japaneseBefore)?:
                return FieldDiff(name: field.header(in: language), diffHTML: "<span lang=\"ja\">" + diffHTML(japaneseBefore, new, language: .ja) + "</span>",
                                 pendingNote: pendingNote(since: since, in: revision))
            case let .translated(since)?:
                let between = old.holdsBytes("\n") || new.holdsBytes("\n") ? "\n" : " <span class=\"diff-arrow\">→</span> "
                return FieldDiff(name: field.header(in: language), diffHTML: "<del lang=\"ja\">\(old.htmlEscaped)</del>" + between + "<ins>\(new.htmlEscaped)</ins>",
                                 pendingNote: translatedNote(since: since))
            case nil:
                return FieldDiff(name: field.header(in: language), diffHTML: diffHTML(old, new, language: language), pendingNote: nil)
            }
        }
    }

    /// The page at the current URL of an item a revision removed, so that links to it keep working: its last version.
    func removedItemView(_ slug: String, language: Language) -> ItemView {
        var lastSeen: (Revision, Int)?
        var removedIn: String?
        for entry in history.entries {
            if let position = entry.revision.position(of: slug, language) { lastSeen = (entry.revision, position) }
            if entry.changes?[language].removed.contains(where: { $0.slug == slug }) == true { removedIn = entry.revision.date }
        }
        let (revision, position) = lastSeen!
        let path = SitePath.item(slug, language)
        return itemView(revision.items[language][position], in: revision, position: nil, language: language, path: path, archived: false,
                        removedIn: removedIn ?? revision.date)
    }
}
