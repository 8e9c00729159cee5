import Foundation

/// Builds the view of every kind of page from the validated sheet: each decision about wording, links, dates and
/// pending translations is made here, in Swift, so that templates only lay out what they are given. Pure; the work a
/// revision shares across its pages (its items' presentation, its summary) is done once and kept.
struct SiteViews: Sendable {
    let sheet: Sheet
    let history: SheetHistory
    let theme: Theme
    let assets: AssetCatalog
    /// Ends with `/`.
    let baseURL: String
    /// Each revision's items as pages show them, by revision date and language, made when a page first needs them.
    let presentations = Memo<String, RevisionPresentation>()
    /// Each language's search index as JSON and as a script, made together from one index.
    let searchIndexes = Memo<String, SearchIndexFiles>()
    /// The theme's UI strings in each language, as every page's view carries them.
    let uiStrings: Localized<UIStrings>

    init(sheet: Sheet, history: SheetHistory, theme: Theme, assets: AssetCatalog, baseURL: String) {
        self.sheet = sheet
        self.history = history
        self.theme = theme
        self.assets = assets
        self.baseURL = baseURL
        uiStrings = Localized(ja: UIStrings(theme.strings.mapValues(\.ja)), en: UIStrings(theme.strings.mapValues(\.en)))
    }

    /// The asset name of an image `site.yml` names: content images under `content/`, apart from the theme's own.
    static func assetName(_ image: SiteImage) -> String {
        image.contents == nil ? image.path : "content/" + image.path
    }

    func layout(language: Language, path: String, title: String, description: String, alternatePaths: Localized<String>) -> PageView {
        let root = SitePath.root(from: path)
        var alternates = Language.allCases.map { PageView.Alternate(hreflang: $0.rawValue, href: SitePath.url(alternatePaths[$0], base: baseURL)) }
        alternates.append(.init(hreflang: "x-default", href: SitePath.url(alternatePaths.ja, base: baseURL)))
        let other = language.other
        return PageView(
            lang: language.rawValue, title: title, ogTitle: title, ogType: "website", description: description.isEmpty ? nil : MetaDescription.cut(description),
            canonical: SitePath.url(path, base: baseURL), alternates: alternates, root: root,
            stylesheet: SitePath.relative(from: path, to: assets.path("style.css")),
            scripts: ["search.js", "share.js"].map { SitePath.relative(from: path, to: assets.path($0)) },
            siteTitle: sheet.configuration.title[language], shortTitle: sheet.configuration.shortName(language),
            provider: sheet.configuration.provider?[language], siteName: siteName(language),
            logo: sheet.configuration.logo.map { SitePath.relative(from: path, to: assets.path(Self.assetName($0))) },
            favicon: favicon.map { .init(href: SitePath.relative(from: path, to: assets.path($0.name)), type: $0.type) },
            cardImage: card.map { SitePath.url(assets.path($0.name), base: baseURL) }, twitterCard: card?.twitter ?? "summary",
            contact: sheet.configuration.contact,
            homeHref: SitePath.relative(from: path, to: SitePath.sheet(language)),
            changesHref: SitePath.relative(from: path, to: SitePath.changes(language)),
            feedHref: SitePath.relative(from: path, to: SitePath.feed(language)),
            printHeader: printHeader(sheet.current, language: language), printURL: SitePath.url(path, base: baseURL),
            otherLanguageHref: SitePath.relative(from: path, to: alternatePaths[other]),
            otherLanguageName: other.endonym, otherLanguageCode: other.rawValue, showLanguageSwitch: true,
            contentSecurityPolicy: HostingHeaders.contentSecurityPolicy,
            ogLocale: language.locale, ogLocaleAlternate: other.locale,
            t: uiStrings[language],
            search: .init(action: SitePath.relative(from: path, to: SitePath.search(language)),
                          index: SitePath.relative(from: path, to: SitePath.searchIndex(language)),
                          indexScript: SitePath.relative(from: path, to: SitePath.searchScript(language)),
                          // The folder of the item pages, as a prefix the script appends `{slug}/index.html` to.
                          items: String(SitePath.relative(from: path, to: "\(language.rawValue)/items/_").dropLast()),
                          resultsID: "search-results", isSearchPage: false),
            draftBanner: draftBanner(language))
    }

    /// The Open Graph site name: the provider's name with the short title, or the full title without a provider.
    func siteName(_ language: Language) -> String {
        guard let provider = sheet.configuration.provider?[language] else { return sheet.configuration.title[language] }
        return text("siteName", language, ["provider": provider, "title": sheet.configuration.shortName(language)])
    }

    /// Who answers, for the end of page titles: the provider's name, or the site's short title.
    func brand(_ language: Language) -> String {
        sheet.configuration.provider?[language] ?? sheet.configuration.shortName(language)
    }

    /// The page icon: `site.yml`'s favicon, or the theme's `favicon.svg`.
    var favicon: (name: String, type: String)? {
        if let image = sheet.configuration.favicon { return (Self.assetName(image), image.mediaType) }
        return theme.assets["favicon.svg"] == nil ? nil : ("favicon.svg", "image/svg+xml")
    }

    /// The link-preview image: a PNG logo (a square "summary" card), else the theme's wide `card.png`. Previewers
    /// do not show SVG, so an SVG logo falls back to the theme's card.
    var card: (name: String, twitter: String)? {
        if let logo = sheet.configuration.logo, logo.fileExtension == "png" { return (Self.assetName(logo), "summary") }
        return theme.assets["card.png"] == nil ? nil : ("card.png", "summary_large_image")
    }

    /// The notice that this build shows draft revisions, naming them; nil when every revision is published.
    func draftBanner(_ language: Language) -> Banner? {
        let drafts = sheet.revisions.filter(\.draft).map { displayDate($0.date, language) }
        guard !drafts.isEmpty else { return nil }
        return Banner(text: text("draftBanner", language, ["date": drafts.joined(separator: language == .ja ? "、" : ", ")]))
    }

    /// A UI string with `{name}` placeholders filled in, in one pass: a value that itself holds `{name}` (an item
    /// called "{url}") stays as written.
    func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        let template = theme.strings[key]?[language] ?? key
        guard !values.isEmpty, template.holdsBytes("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A revision date as readers of the language write it.
    func displayDate(_ date: String, _ language: Language) -> String {
        language == .ja ? RevisionDate.japanese(date) : RevisionDate.english(date)
    }

    func headers(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0.rawValue, $0.header(in: language)) })
    }
}
