import Foundation
import Mustache

/// Renders the pages of the site from a validated sheet and a theme. Pure: values in, files out.
public struct SiteRenderer: Sendable {
    /// Templates the theme must provide.
    public static let requiredTemplates = ["layout", "index", "sheet", "item", "search", "changes", "revision-changes", "feed", "404", "sitemap", "robots"]
    /// Assets the layout links to.
    public static let requiredAssets = ["style.css", "search.js", "share.js"]

    let sheet: Sheet
    let history: SheetHistory
    let theme: Theme
    /// swift-mustache's reading of the templates: the reference the compiled templates are proven against.
    let library: MustacheLibrary
    /// The templates as pages are rendered from them.
    let templates: ThemeTemplates
    /// Renders through swift-mustache instead, for the proof that both give the same bytes.
    var rendersThroughReference = false
    let assets: AssetCatalog
    let baseURL: String
    /// What every page's output depends on besides its view: the theme's files and the tool that renders them.
    var renderKey = ""
    /// Pages an earlier build made, taken as they are when their fingerprint is unchanged.
    var previous: PreviousBuild?

    /// Prepares the theme: parses every template and checks that the required ones, their UI strings and assets exist.
    public static func make(sheet: Sheet, history: SheetHistory? = nil, theme: Theme, baseURL: String? = nil) -> Result<SiteRenderer, DiagnosticsError> {
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for name in theme.templates.keys.sorted() {
            let file = "\(theme.path)/templates/\(name).mustache"
            do {
                try library.register(theme.templates[name]!, named: name)
                compiled[name] = try CompiledTemplate(theme.templates[name]!)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                           message: "invalid template: \(error.error)", hint: "near `\(error.context.line.trimmingCharacters(in: .whitespaces))`"))
            } catch let error as CompiledTemplate.ParseError {
                problems.append(Diagnostic(file: file, line: error.line, column: error.column, message: "invalid template: \(error.message)",
                                           hint: "theme templates use Mustache tags with the standard {{ }} delimiters"))
            } catch {
                problems.append(Diagnostic(file: file, message: "invalid template: \(error)"))
            }
        }
        for name in requiredTemplates + requiredPartials where theme.templates[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/templates/\(name).mustache", message: "the theme has no '\(name)' template",
                                       hint: "every theme provides " + (requiredTemplates + requiredPartials).joined(separator: ", ")))
        }
        for name in requiredAssets where theme.assets[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/assets/\(name)", message: "the theme has no '\(name)'"))
        }
        if let baseURL, SiteConfiguration.baseURL(baseURL) == nil {
            problems.append(Diagnostic(file: "--base-url", message: "'\(baseURL)' is not an absolute http(s) URL", hint: SiteConfiguration.baseURLHint))
        }
        var base = baseURL ?? sheet.configuration.baseURL
        if !base.hasSuffix("/") { base += "/" }
        var assetFiles = theme.assets
        // Images site.yml names from the content folder are published beside the theme's (their absence is checked
        // with the content, see `SiteConfiguration.missingImages`).
        for image in [sheet.configuration.logo, sheet.configuration.favicon].compactMap({ $0 }) {
            if let contents = image.contents { assetFiles[assetName(image)] = contents }
        }
        let renderer = SiteRenderer(sheet: sheet, history: history ?? SheetHistory(sheet), theme: theme, library: library,
                                    templates: ThemeTemplates(templates: compiled), assets: AssetCatalog(assets: assetFiles), baseURL: base)
        problems += renderer.templateProblems()
        return problems.isEmpty ? .success(renderer) : .failure(DiagnosticsError(problems))
    }

    /// The asset name of an image `site.yml` names: content images under `content/`, apart from the theme's own.
    static func assetName(_ image: SiteImage) -> String {
        image.contents == nil ? image.path : "content/" + image.path
    }

    /// The renderer with the tool's identity and an earlier build to take unchanged pages from.
    public func reusing(_ previous: PreviousBuild?, tool: String) -> SiteRenderer {
        var renderer = self
        renderer.previous = previous
        var key = ContentHash()
        key.add("tool \(tool)\n")
        for name in theme.templates.keys.sorted() { key.add("template \(name)\n\(theme.templates[name]!)\n") }
        for name in theme.strings.keys.sorted() { key.add("string \(name)\n\(theme.strings[name]!.ja)\n\(theme.strings[name]!.en)\n") }
        for name in theme.assets.keys.sorted() { key.add("asset \(name) \(ContentHash(theme.assets[name]!).hex)\n") }
        renderer.renderKey = key.hex
        return renderer
    }

    /// Every file of the site, sorted by path.
    public func render() throws -> [OutputFile] {
        guard let current = sheet.current else { return [] }
        var files = assets.files
        files.append(try page("index", path: "index.html", view: chooser(current)))
        for language in Language.allCases {
            let index = SearchIndex.build(current, language: language, synonyms: sheet.synonyms)
            let json = index.json()
            files.append(OutputFile(path: SitePath.searchIndex(language), contents: json))
            files.append(OutputFile(path: SitePath.searchScript(language), contents: index.script(json: json)))
            let path = SitePath.sheet(language)
            files.append(try page("sheet", path: path, view: sheetView(current, language: language, path: path, archived: false)))
            files += try itemPages(current, language: language, archived: false)
            files += try removedItemPages(language)
            files += try historyPages(language)
            files.append(try page("search", path: SitePath.search(language), view: searchView(language)))
            files.append(try page("questionnaire", path: "\(language.rawValue)/questionnaire/index.html", view: questionnaireView(current, language: language)))
        }
        files += try downloads()
        files.append(try page("404", path: "404.html", view: notFound()))
        files.append(try page("sitemap", path: "sitemap.xml", view: sitemap(current)))
        files.append(try page("robots", path: "robots.txt", view: ["sitemap": baseURL + "sitemap.xml"]))
        files.append(OutputFile(path: "_headers", text: HostingHeaders.netlify()))
        files.append(OutputFile(path: "nginx-headers.conf", text: HostingHeaders.nginx()))
        return files.sorted { $0.path < $1.path }
    }

    /// The page of every item of a revision, current or archived, rendered on all cores.
    func itemPages(_ revision: Revision, language: Language, archived: Bool) throws -> [OutputFile] {
        try Array(revision.items[language].indices).parallelMap { position -> Result<OutputFile, any Error> in
            let item = revision.items[language][position]
            let path = archived ? SitePath.archivedItem(item.slug, revision.date, language) : SitePath.item(item.slug, language)
            return Result { try page("item", path: path, view: itemView(item, in: revision, position: position, language: language, path: path, archived: archived)) }
        }.map { try $0.get() }
    }

    /// A template's output; a template that renders nothing is an error, never an empty page.
    func page(_ template: String, path: String, view: some Encodable) throws -> OutputFile {
        let value = try ViewValueEncoder.encode(view)
        var hash = ContentHash()
        hash.add(renderKey)
        hash.add(template)
        value.add(to: &hash)
        let fingerprint = hash.hex
        if !rendersThroughReference, let bytes = previous?.page(path, fingerprint) {
            return OutputFile(path: path, contents: bytes, fingerprint: fingerprint)
        }
        let rendered = rendersThroughReference ? library.render(value.plain, withTemplate: template) : templates.render(value, template: template)
        guard let text = rendered, !text.isEmpty else {
            throw DiagnosticsError([Diagnostic(file: "\(theme.path)/templates/\(template).mustache", message: "the template rendered nothing for \(path)")])
        }
        return OutputFile(path: path, contents: Data(text.utf8), fingerprint: fingerprint)
    }

    func strings(_ language: Language) -> [String: String] {
        theme.strings.mapValues { $0[language] }
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
            t: strings(language),
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
        guard !values.isEmpty, template.contains("{") else { return template }
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
