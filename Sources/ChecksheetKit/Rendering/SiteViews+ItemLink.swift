import Foundation

extension SiteViews {
    /// The page at an item's link in no language (`items/rto/`): the theme's language script sends the reader on to the
    /// item in their browser's language at once; without scripts, the page offers both, Japanese first.
    func itemLink(_ slug: String, in current: Revision) -> ChooserView {
        let path = SitePath.itemLink(slug)
        let paths = Localized(ja: SitePath.item(slug, .ja), en: SitePath.item(slug, .en))
        let names = Localized(ja: lastItem(slug, .ja, in: current), en: lastItem(slug, .en, in: current))
        // A link preview (chat, mail) names the item in both languages: the reader's is not known yet.
        let title = names.ja.map { japanese in "\(japanese.no). \(japanese.item)" + (names.en.map { " / \($0.item)" } ?? "") } ?? sheet.configuration.title.ja
        var page = layout(language: .ja, path: path, title: title, description: "", alternatePaths: paths)
        if let neutral = page.alternates.firstIndex(where: { $0.hreflang == "x-default" }) { page.alternates[neutral].href = SitePath.url(path, base: baseURL) }
        page.scripts = [SitePath.relative(from: path, to: assets.path("language.js"))] + page.scripts
        let choices = Language.allCases.map { language in
            ChooserView.Choice(lang: language.rawValue, href: SitePath.relative(from: path, to: paths[language]), name: language.endonym,
                               siteTitle: names[language].map { "\($0.no). \($0.item)" } ?? slug, description: sheet.configuration.title[language])
        }
        return ChooserView(page: page, choices: choices)
    }

    /// The item as the current revision states it, or as the last revision that had it did.
    func lastItem(_ slug: String, _ language: Language, in current: Revision) -> Item? {
        if let item = current.item(slug, language) { return displayed(item, in: current, language: language) }
        return history.entries.reversed().lazy.compactMap { $0.revision.item(slug, language) }.first
    }
}
