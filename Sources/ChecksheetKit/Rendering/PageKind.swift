/// What an output file of the site is, and so which view or file it is made from: the typed pages of the site plan.
enum PageKind: Sendable, Hashable {
    /// `index.html`: the choice of language.
    case chooser
    /// The current sheet.
    case sheet(Language)
    /// An item's page at its permanent URL, as the current revision states it.
    case item(slug: String, Language)
    /// An item's permanent URL after a revision removed it: its last version, saying so.
    case removedItem(slug: String, Language)
    /// An item's link in no language, which opens its page in the reader's language.
    case itemLink(slug: String)
    case search(Language)
    case questionnaire(Language)
    case searchIndex(Language)
    /// The search index as a script, for pages opened from disk (file:// cannot fetch JSON).
    case searchScript(Language)
    /// The list of revisions.
    case changes(Language)
    /// What one revision changed from its predecessor.
    case revisionChanges(date: String, Language)
    /// Everything that changed from one revision to the current one.
    case changesSince(date: String, Language)
    /// A revision's sheet as it was published.
    case archive(date: String, Language)
    /// An item as a revision published it.
    case archivedItem(date: String, slug: String, Language)
    case feed(Language)
    /// A revision's sheet as CSV, XLSX or JSON.
    case download(date: String, Language, format: String)
    /// A revision's changes from its predecessor as CSV.
    case changesCSV(date: String, Language)
    /// The JSON download's schema.
    case schema(Language)
    /// The page a server sends with status 404 for a missing path in the language's part of the site.
    case notFound(Language)
    case sitemap
    case robots

    /// Whether the page is made from another page's work, waited for while that page makes it: the search index's
    /// script wraps the JSON its page builds (most of a second at 10,000 items). Rendered last, so no core waits.
    var waitsForAnotherPage: Bool { if case .searchScript = self { return true } else { return false } }

    /// Whether making the page reads a whole revision (a sheet, a download, an index, a list of changes) rather
    /// than one item: such pages cost as much as hundreds of item pages, and are started first (see
    /// `SiteRenderer.render(inBatchesOf:_:)`). The search script is not: it wraps the index its language's search
    /// index page makes.
    var readsWholeRevision: Bool {
        switch self {
        case .sheet, .searchIndex, .changes, .revisionChanges, .changesSince, .archive, .feed, .download, .changesCSV, .sitemap: return true
        case .chooser, .item, .removedItem, .itemLink, .search, .questionnaire, .searchScript, .archivedItem, .schema, .notFound, .robots: return false
        }
    }

    /// The theme template the page is rendered with; nil for a file made without one (downloads, the search index).
    var template: String? {
        switch self {
        case .chooser: return "index"
        case .sheet, .archive: return "sheet"
        case .item, .removedItem, .archivedItem: return "item"
        case .itemLink: return "item-link"
        case .search: return "search"
        case .questionnaire: return "questionnaire"
        case .changes: return "changes"
        case .revisionChanges, .changesSince: return "revision-changes"
        case .feed: return "feed"
        case .notFound: return "404"
        case .sitemap: return "sitemap"
        case .robots: return "robots"
        case .searchIndex, .searchScript, .download, .changesCSV, .schema: return nil
        }
    }

    /// Where the file goes in the site.
    var path: String {
        switch self {
        case .chooser: return "index.html"
        case let .sheet(language): return SitePath.sheet(language)
        case let .item(slug, language), let .removedItem(slug, language): return SitePath.item(slug, language)
        case let .itemLink(slug): return SitePath.itemLink(slug)
        case let .search(language): return SitePath.search(language)
        case let .questionnaire(language): return "\(language.rawValue)/questionnaire/index.html"
        case let .searchIndex(language): return SitePath.searchIndex(language)
        case let .searchScript(language): return SitePath.searchScript(language)
        case let .changes(language): return SitePath.changes(language)
        case let .revisionChanges(date, language): return SitePath.changes(date, language)
        case let .changesSince(date, language): return SitePath.changes(since: date, language)
        case let .archive(date, language): return SitePath.archive(date, language)
        case let .archivedItem(date, slug, language): return SitePath.archivedItem(slug, date, language)
        case let .feed(language): return SitePath.feed(language)
        case let .download(date, language, format): return SitePath.download(date, language, format)
        case let .changesCSV(date, language): return SitePath.changesCSV(date, language)
        case let .schema(language): return SitePath.schema(language)
        case let .notFound(language): return SitePath.notFound(language)
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        }
    }
}
