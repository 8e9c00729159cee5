import Foundation
import Mustache

/// Renders the pages of the site from a validated sheet and a theme. Pure: values in, files out.
public struct SiteRenderer {
    /// Templates the theme must provide.
    public static let requiredTemplates = ["layout", "index", "sheet", "item", "search", "404", "sitemap", "robots"]
    /// Assets the layout links to.
    public static let requiredAssets = ["style.css", "search.js"]

    let sheet: Sheet
    let theme: Theme
    let library: MustacheLibrary
    let assets: AssetCatalog
    let baseURL: String

    /// Prepares the theme: parses every template and checks that the required ones, their UI strings and assets exist.
    public static func make(sheet: Sheet, theme: Theme, baseURL: String? = nil) -> Result<SiteRenderer, DiagnosticsError> {
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        for name in theme.templates.keys.sorted() {
            let file = "\(theme.path)/templates/\(name).mustache"
            do {
                try library.register(theme.templates[name]!, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                           message: "invalid template: \(error.error)", hint: "near `\(error.context.line.trimmingCharacters(in: .whitespaces))`"))
            } catch {
                problems.append(Diagnostic(file: file, message: "invalid template: \(error)"))
            }
            for match in theme.templates[name]!.matches(of: /\{\{\s*t\.([A-Za-z0-9_]+)\s*\}\}/) where theme.strings[String(match.1)] == nil {
                let line = theme.templates[name]![..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                problems.append(Diagnostic(file: file, line: line, message: "UI string 't.\(match.1)' is not defined",
                                           hint: "add `\(match.1): {ja: …, en: …}` to \(theme.path)/strings.yml"))
            }
        }
        for name in requiredTemplates where theme.templates[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/templates/\(name).mustache", message: "the theme has no '\(name)' template",
                                       hint: "every theme provides " + requiredTemplates.joined(separator: ", ")))
        }
        for name in requiredAssets where theme.assets[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/assets/\(name)", message: "the theme has no '\(name)'"))
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        var base = baseURL ?? sheet.configuration.baseURL
        if !base.hasSuffix("/") { base += "/" }
        return .success(SiteRenderer(sheet: sheet, theme: theme, library: library, assets: AssetCatalog(assets: theme.assets), baseURL: base))
    }

    /// Every file of the site, sorted by path.
    public func render() throws -> [OutputFile] {
        guard let revision = sheet.current else { return [] }
        var files = assets.files
        files.append(try page("index", path: "index.html", view: chooser(revision)))
        for language in Language.allCases {
            let index = SearchIndex.build(revision, language: language)
            files.append(OutputFile(path: SitePath.searchIndex(language), contents: index.json()))
            files.append(OutputFile(path: SitePath.searchScript(language), contents: index.script()))
            let path = SitePath.sheet(language)
            files.append(try page("sheet", path: path, view: sheetView(revision, language: language, path: path)))
            let items = revision.items[language]
            for (index, item) in items.enumerated() {
                let path = SitePath.item(item.slug, language)
                let view = itemView(item, previous: index > 0 ? items[index - 1] : nil, next: index + 1 < items.count ? items[index + 1] : nil,
                                    revision: revision, language: language, path: path)
                files.append(try page("item", path: path, view: view))
            }
            files.append(try page("search", path: SitePath.search(language), view: searchView(language)))
        }
        files.append(try page("404", path: "404.html", view: notFound()))
        files.append(try page("sitemap", path: "sitemap.xml", view: sitemap(revision)))
        files.append(try page("robots", path: "robots.txt", view: ["sitemap": baseURL + "sitemap.xml"]))
        return files.sorted { $0.path < $1.path }
    }

    /// A template's output; a template that renders nothing is an error, never an empty page.
    func page(_ template: String, path: String, view: Any) throws -> OutputFile {
        guard let text = library.render(view, withTemplate: template), !text.isEmpty else {
            throw DiagnosticsError([Diagnostic(file: "\(theme.path)/templates/\(template).mustache", message: "the template rendered nothing for \(path)")])
        }
        return OutputFile(path: path, text: text)
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
            lang: language.rawValue, title: title, description: description,
            canonical: SitePath.url(path, base: baseURL), alternates: alternates, root: root,
            stylesheet: SitePath.relative(from: path, to: assets.path("style.css")),
            siteTitle: sheet.configuration.title[language],
            homeHref: SitePath.relative(from: path, to: SitePath.sheet(language)),
            otherLanguageHref: SitePath.relative(from: path, to: alternatePaths[other]),
            otherLanguageName: other.endonym, otherLanguageCode: other.rawValue,
            ogLocale: language.locale, ogLocaleAlternate: other.locale,
            t: strings(language),
            search: .init(action: SitePath.relative(from: path, to: SitePath.search(language)),
                          index: SitePath.relative(from: path, to: SitePath.searchIndex(language)),
                          indexScript: SitePath.relative(from: path, to: SitePath.searchScript(language)),
                          // The folder of the item pages, as a prefix the script appends `{slug}/index.html` to.
                          items: String(SitePath.relative(from: path, to: "\(language.rawValue)/items/_").dropLast()),
                          script: SitePath.relative(from: path, to: assets.path("search.js")),
                          resultsID: "search-results", isSearchPage: false))
    }

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

    func headers(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0.rawValue, $0.header(in: language)) })
    }

    func sheetView(_ revision: Revision, language: Language, path: String) -> SheetView {
        let page = layout(language: language, path: path, title: sheet.configuration.title[language],
                          description: revision.title[language], alternatePaths: Localized(ja: SitePath.sheet(.ja), en: SitePath.sheet(.en)))
        var sections: [SheetView.SectionGroup] = []
        for item in revision.items[language] {
            let row = SheetView.Row(no: item.no, slug: item.slug, item: item.item, href: SitePath.relative(from: path, to: SitePath.item(item.slug, language)),
                                    definition: item.definition, unit: item.unit, answerHTML: Markdown.html(item.answer))
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
                         itemCount: revision.items[language].count, headers: headers(language), sections: sections)
    }

    func itemView(_ item: Item, previous: Item?, next: Item?, revision: Revision, language: Language, path: String) -> ItemView {
        let paths = Localized(ja: SitePath.item(item.slug, .ja), en: SitePath.item(item.slug, .en))
        let answerText = Markdown.plainText(item.answer)
        let page = layout(language: language, path: path, title: "\(item.no). \(item.item) | \(sheet.configuration.title[language])",
                          description: answerText, alternatePaths: paths)
        func neighbour(_ other: Item?) -> ItemView.Neighbour? {
            other.map { .init(href: SitePath.relative(from: path, to: SitePath.item($0.slug, language)), no: $0.no, item: $0.item) }
        }
        let otherItem = revision.items[language.other].first { $0.slug == item.slug }?.item ?? ""
        let sheetHref = SitePath.relative(from: path, to: SitePath.sheet(language))
        return ItemView(page: page, no: item.no, slug: item.slug, item: item.item, section: item.section, category: item.category,
                        definition: item.definition, unit: item.unit, answerHTML: Markdown.html(item.answer), headers: headers(language),
                        sheetHref: sheetHref, rowHref: sheetHref + "#" + item.slug, previous: neighbour(previous), next: neighbour(next),
                        otherLanguageItem: otherItem, revisionTitle: revision.title[language], revisionDate: revision.date)
    }

    func searchView(_ language: Language) -> ChooserView {
        let path = SitePath.search(language)
        var page = layout(language: language, path: path, title: "\(theme.strings["search"]?[language] ?? "") | \(sheet.configuration.title[language])",
                          description: "", alternatePaths: Localized(ja: SitePath.search(.ja), en: SitePath.search(.en)))
        page.search.resultsID = "search-page-results"
        page.search.isSearchPage = true
        return ChooserView(page: page, choices: [])
    }

    func notFound() -> ChooserView {
        // Served for any missing path, so its links cannot be relative: they start at the site's root path.
        let rootPath = URL(string: baseURL).map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" } ?? "/"
        var page = layout(language: .ja, path: "404.html", title: "404", description: "", alternatePaths: Localized(ja: "404.html", en: "404.html"))
        page.root = rootPath
        page.stylesheet = rootPath + assets.path("style.css")
        page.homeHref = rootPath + SitePath.sheet(.ja)
        page.alternates = []
        page.search = .init(action: rootPath + SitePath.search(.ja), index: rootPath + SitePath.searchIndex(.ja), indexScript: rootPath + SitePath.searchScript(.ja),
                            items: rootPath + "ja/items/", script: rootPath + assets.path("search.js"), resultsID: "search-results", isSearchPage: false)
        let choices = Language.allCases.map { language in
            ChooserView.Choice(lang: language.rawValue, href: rootPath + SitePath.sheet(language), name: language.endonym,
                               siteTitle: sheet.configuration.title[language], description: theme.strings["notFound"]?[language] ?? "")
        }
        return ChooserView(page: page, choices: choices)
    }

    func sitemap(_ revision: Revision) -> SitemapView {
        var entries: [SitemapView.Entry] = []
        func add(_ paths: Localized<String>) {
            let alternates = Language.allCases.map { PageView.Alternate(hreflang: $0.rawValue, href: SitePath.url(paths[$0], base: baseURL)) }
            for language in Language.allCases { entries.append(.init(loc: SitePath.url(paths[language], base: baseURL), alternates: alternates)) }
        }
        add(Localized(ja: SitePath.sheet(.ja), en: SitePath.sheet(.en)))
        for item in revision.items.ja { add(Localized(ja: SitePath.item(item.slug, .ja), en: SitePath.item(item.slug, .en))) }
        return SitemapView(entries: entries, baseURL: baseURL)
    }
}
