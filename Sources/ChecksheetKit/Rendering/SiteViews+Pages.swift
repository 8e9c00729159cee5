import Foundation

extension SiteViews {
    func chooser(_ revision: Revision) -> ChooserView {
        let path = "index.html"
        var page = layout(language: .ja, path: path, title: sheet.configuration.title.ja + " / " + sheet.configuration.title.en,
                          description: revision.title.ja + " / " + revision.title.en, alternatePaths: Localized(ja: SitePath.sheet(.ja), en: SitePath.sheet(.en)))
        page.canonical = baseURL
        let choices = Language.allCases.map { language in
            ChooserView.Choice(lang: language.rawValue, href: SitePath.sheet(language), name: language.endonym,
                               siteTitle: sheet.configuration.title[language], description: revision.title[language])
        }
        return ChooserView(page: page, choices: choices)
    }

    func searchView(_ language: Language) -> SearchPageView {
        let path = SitePath.search(language)
        var page = layout(language: language, path: path, title: "\(text("search", language)) | \(sheet.configuration.title[language])",
                          description: "", alternatePaths: Localized(ja: SitePath.search(.ja), en: SitePath.search(.en)))
        page.search.resultsID = "search-page-results"
        page.search.isSearchPage = true
        return SearchPageView(page: page, queryTitle: "\(text("searchQueryTitle", language)) | \(sheet.configuration.title[language])")
    }

    /// The page a server sends for a missing path in the language's part of the site: the header, search and footer of
    /// that language, the language switch to the other's sheet, and both sheets to go to, its own first.
    func notFound(_ language: Language) -> NotFoundView {
        // Served for any missing path, so its links cannot be relative: they start at the site's root path.
        let rootPath = SitePath.rootPath(of: baseURL)
        let path = SitePath.notFound(language)
        var page = layout(language: language, path: path, title: text("notFoundTitle", language) + " | " + sheet.configuration.title[language],
                          description: "", alternatePaths: Localized(ja: SitePath.notFound(.ja), en: SitePath.notFound(.en)))
        page.root = rootPath
        page.stylesheet = rootPath + assets.path("style.css")
        page.homeHref = rootPath + SitePath.sheet(language)
        page.changesHref = rootPath + SitePath.changes(language)
        page.feedHref = rootPath + SitePath.feed(language)
        page.alternates = []
        page.otherLanguageHref = rootPath + SitePath.sheet(language.other)
        page.search = .init(action: rootPath + SitePath.search(language), index: rootPath + SitePath.searchIndex(language),
                            indexScript: rootPath + SitePath.searchScript(language), items: rootPath + "\(language.rawValue)/items/",
                            resultsID: "search-results", isSearchPage: false)
        page.scripts = ["search.js", "share.js"].map { rootPath + assets.path($0) }
        page.logo = sheet.configuration.logo.map { rootPath + assets.path(Self.assetName($0)) }
        page.favicon = favicon.map { .init(href: rootPath + assets.path($0.name), type: $0.type) }
        let choices = [language, language.other].map { choice in
            ChooserView.Choice(lang: choice.rawValue, href: rootPath + SitePath.sheet(choice), name: choice.endonym,
                               siteTitle: sheet.configuration.title[choice], description: text("notFoundSheet", choice))
        }
        return NotFoundView(page: page, choices: choices)
    }

    func sitemap(_ revision: Revision) -> SitemapView {
        var entries: [SitemapView.Entry] = []
        func add(_ paths: Localized<String>) {
            let alternates = Language.allCases.map { PageView.Alternate(hreflang: $0.rawValue, href: SitePath.url(paths[$0], base: baseURL)) }
            for language in Language.allCases { entries.append(.init(loc: SitePath.url(paths[language], base: baseURL), alternates: alternates)) }
        }
        add(Localized(ja: SitePath.sheet(.ja), en: SitePath.sheet(.en)))
        for item in revision.items.ja { add(Localized(ja: SitePath.item(item.slug, .ja), en: SitePath.item(item.slug, .en))) }
        add(Localized(ja: SitePath.changes(.ja), en: SitePath.changes(.en)))
        for entry in history.entries.dropFirst() {
            add(Localized(ja: SitePath.changes(entry.revision.date, .ja), en: SitePath.changes(entry.revision.date, .en)))
        }
        return SitemapView(entries: entries)
    }

    /// The item as the page shows it: on English pages, fields whose translation is pending hold the Japanese.
    func displayed(_ item: Item, in revision: Revision, language: Language) -> Item {
        history.shown(item, in: revision, language: language)
    }

    /// What the copy buttons copy: the permanent URL, and the answer with a one-line citation. What the page says
    /// around the answer goes with it: that the item was removed (`removedIn`), or that the answer is the Japanese
    /// awaiting translation, as a line after the citation.
    func share(_ presented: ItemPresentation, revision: Revision, language: Language, url: String, link: String? = nil, removedIn: String? = nil) -> ShareView {
        let item = presented.shown
        let version = removedIn.map { text("removedCitation", language, ["revision": revision.title[language], "date": displayDate($0, language)]) }
        var citation = text("citation", language, ["no": String(item.no), "item": item.item, "revision": version ?? revision.title[language], "url": url])
        if language == .en, let stale = history.staleFields(of: item.slug, in: revision.date).first(where: { $0.field == .answer }) {
            citation += "\n" + pendingNote(since: stale.since, in: revision)
        }
        return ShareView(url: url, link: link ?? url, answer: presented.answerText, citation: citation)
    }

    func downloadLinks(_ date: String, language: Language, from path: String) -> DownloadLinks {
        DownloadLinks(csv: SitePath.relative(from: path, to: SitePath.download(date, language, "csv")),
                      xlsx: SitePath.relative(from: path, to: SitePath.download(date, language, "xlsx")),
                      json: SitePath.relative(from: path, to: SitePath.download(date, language, "json")),
                      schema: SitePath.relative(from: path, to: SitePath.schema(language)))
    }

    /// The item as the pages of `revision` show it, made once per revision and language (an item that is not the
    /// revision's own, such as the template check's made-up ones, is made on its own).
    func presented(_ item: Item, in revision: Revision, language: Language) -> ItemPresentation {
        let all = presentations.value(revision.date + "|" + language.rawValue) {
            let list = revision.items[language].parallelMap { present($0, in: revision, language: language) }
            return RevisionPresentation(items: Dictionary(list.map { ($0.source.slug, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        if let found = all.items[item.slug], found.source == item { return found }
        return present(item, in: revision, language: language)
    }

    func present(_ item: Item, in revision: Revision, language: Language) -> ItemPresentation {
        let shown = displayed(item, in: revision, language: language)
        let answerText = shown.plainAnswer
        let description = text("itemDescription", language, ["answerLabel": Field.answer.header(in: language), "answer": answerText,
                                                              "definitionLabel": Field.definition.header(in: language), "definition": shown.definition])
        return ItemPresentation(source: item, shown: shown, item: field(.item, of: item, in: revision, language: language),
                                definition: field(.definition, of: item, in: revision, language: language),
                                unit: field(.unit, of: item, in: revision, language: language),
                                answer: field(.answer, of: item, in: revision, language: language),
                                answerText: answerText, metaDescription: MetaDescription.cut(description))
    }

    /// A field's value for display: on English pages a field whose translation is pending shows the current Japanese.
    func field(_ field: Field, of item: Item, in revision: Revision, language: Language) -> FieldView {
        let value = field == .answer ? Markdown.html(item.answer) : item.value(of: field).htmlEscaped
        guard language == .en, let stale = history.staleFields(of: item.slug, in: revision.date).first(where: { $0.field == field }),
              let japanese = revision.item(item.slug, .ja) else {
            return FieldView(html: value, pending: false, pendingNote: "", lang: nil)
        }
        let html = field == .answer ? Markdown.html(japanese.answer) : japanese.value(of: field).htmlEscaped
        return FieldView(html: html, pending: true, pendingNote: pendingNote(since: stale.since, in: revision), lang: "ja")
    }

    /// The answer as the sheet's table shows it, its links written for the item's page made relative to `page`.
    func rebased(_ answer: FieldView, from itemPage: String, to page: String) -> FieldView {
        var answer = answer
        answer.html = AnswerLinks.rebased(answer.html, from: itemPage, to: page)
        return answer
    }

    func sheetView(_ revision: Revision, language: Language, path: String, archived: Bool) -> SheetView {
        let alternates = archived ? Localized(ja: SitePath.archive(revision.date, .ja), en: SitePath.archive(revision.date, .en))
                                  : Localized(ja: SitePath.sheet(.ja), en: SitePath.sheet(.en))
        let provider = sheet.configuration.provider.map { " — " + $0[language] } ?? ""
        var page = layout(language: language, path: path, title: sheet.configuration.title[language] + (archived ? " | " + revision.title[language] : "") + provider,
                          description: revision.title[language], alternatePaths: alternates)
        page.printHeader = printHeader(revision, language: language)
        var banner: Banner?
        if archived, let current = sheet.current {
            let isCurrent = current.date == revision.date
            page.canonical = SitePath.url(isCurrent ? SitePath.sheet(language) : path, base: baseURL)
            banner = Banner(text: isCurrent ? text("currentBanner", language, ["date": displayDate(revision.date, language)])
                                            : text("supersededBanner", language, ["date": displayDate(revision.date, language), "current": displayDate(current.date, language)]),
                            linkHref: isCurrent ? nil : SitePath.relative(from: path, to: SitePath.sheet(language)),
                            linkText: isCurrent ? nil : text("viewCurrent", language),
                            sinceHref: isCurrent ? nil : SitePath.relative(from: path, to: SitePath.changes(since: revision.date, language)),
                            sinceText: isCurrent ? nil : text("viewChangesSince", language))
        }
        var sections: [SheetView.SectionGroup] = []
        for item in revision.items[language] {
            let target = archived ? SitePath.archivedItem(item.slug, revision.date, language) : SitePath.item(item.slug, language)
            let shown = presented(item, in: revision, language: language)
            let row = SheetView.Row(no: item.no, slug: item.slug, item: shown.item,
                                    href: SitePath.relative(from: path, to: target),
                                    definition: shown.definition, unit: shown.unit, answer: rebased(shown.answer, from: target, to: path),
                                    share: share(shown, revision: revision, language: language, url: SitePath.url(target, base: baseURL)),
                                    badge: archived ? nil : latestBadge(item.slug, language: language),
                                    formerly: archived ? nil : formerNumber(item.slug, language: language))
            if sections.last?.name != item.section {
                sections.append(.init(name: item.section, id: "section-\(sections.count + 1)", categories: []))
            }
            if sections[sections.count - 1].categories.last?.name != item.category {
                sections[sections.count - 1].categories.append(.init(name: item.category, showName: item.category != item.section, rows: []))
            }
            let last = sections[sections.count - 1].categories.count - 1
            sections[sections.count - 1].categories[last].rows.append(row)
        }
        return SheetView(page: page, revisionTitle: revision.title[language], revisionDate: revision.date,
                         itemCountText: text("itemCount", language, ["count": String(revision.items[language].count)]), headers: headers(language), sections: sections, banner: banner,
                         changesHref: SitePath.relative(from: path, to: SitePath.changes(revision.date, language)),
                         downloads: downloadLinks(revision.date, language: language, from: path),
                         latest: archived ? nil : latestRevision(language: language, path: path))
    }
}
