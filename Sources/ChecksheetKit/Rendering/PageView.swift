/// What the shared layout (`layout.mustache`) shows on every page.
struct PageView: Encodable {
    /// A link to this page in another language, for `hreflang` alternates and the language switch.
    struct Alternate: Encodable {
        var hreflang: String
        var href: String
    }

    var lang: String
    var title: String
    /// The page's own name for link previews, without the site's name.
    var ogTitle: String
    var ogType: String
    /// nil where a page has nothing to say beyond its title.
    var description: String?
    /// Absolute URL of this page.
    var canonical: String
    var alternates: [Alternate]
    /// Relative prefix to the site root, such as `../../`.
    var root: String
    var stylesheet: String
    var scripts: [String]
    var siteTitle: String
    /// The header's name of the site: the short title when `site.yml` gives one.
    var shortTitle: String
    /// Whose sheet this is, shown before the short title in the header; nil when `site.yml` names no provider.
    var provider: String?
    /// The Open Graph site name: the provider's name with the short title, or the full title.
    var siteName: String
    /// The logo beside the provider's name, relative to this page.
    var logo: String?
    var favicon: Icon?
    /// Absolute URL of the link-preview card image, and the Twitter card kind that suits its shape.
    var cardImage: String?
    var twitterCard: String
    /// `https:` or `mailto:` link for security questions.
    var contact: String?
    var homeHref: String
    var changesHref: String
    /// The Atom feed of the page's language, for feed readers that look in every page's head.
    var feedHref: String
    /// The running head of printed pages ("site — version"); print CSS reads it with attr() into @page margin boxes.
    var printHeader: String
    /// This page's own permanent URL for the printed margin (an archived page's, where its canonical is the current one).
    var printURL: String
    /// The switch to the other language's version of this page.
    var otherLanguageHref: String
    var otherLanguageName: String
    var otherLanguageCode: String
    /// False on pages that exist in one form only (404).
    var showLanguageSwitch: Bool
    var contentSecurityPolicy: String
    var ogLocale: String
    var ogLocaleAlternate: String
    /// UI strings in the page's language.
    var t: UIStrings
    /// The search box: where it submits, where the index and the item pages are, relative to this page.
    var search: SearchBox
    /// "Draft, not published" on every page of a build that includes a draft revision.
    var draftBanner: Banner? = nil

    /// A `<link rel="icon">`.
    struct Icon: Encodable {
        var href: String
        var type: String
    }

    struct SearchBox: Encodable {
        var action: String
        var index: String
        var indexScript: String
        var items: String
        /// The results list the box fills: the dropdown, or the search page's own list.
        var resultsID: String
        var isSearchPage: Bool
    }
}

extension PageView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 34)
        object.add("lang", self.lang)
        object.add("title", self.title)
        object.add("ogTitle", self.ogTitle)
        object.add("ogType", self.ogType)
        object.add("description", self.description)
        object.add("canonical", self.canonical)
        object.add("alternates", self.alternates)
        object.add("root", self.root)
        object.add("stylesheet", self.stylesheet)
        object.add("scripts", self.scripts)
        object.add("siteTitle", self.siteTitle)
        object.add("shortTitle", self.shortTitle)
        object.add("provider", self.provider)
        object.add("siteName", self.siteName)
        object.add("logo", self.logo)
        object.add("favicon", self.favicon)
        object.add("cardImage", self.cardImage)
        object.add("twitterCard", self.twitterCard)
        object.add("contact", self.contact)
        object.add("homeHref", self.homeHref)
        object.add("changesHref", self.changesHref)
        object.add("feedHref", self.feedHref)
        object.add("printHeader", self.printHeader)
        object.add("printURL", self.printURL)
        object.add("otherLanguageHref", self.otherLanguageHref)
        object.add("otherLanguageName", self.otherLanguageName)
        object.add("otherLanguageCode", self.otherLanguageCode)
        object.add("showLanguageSwitch", self.showLanguageSwitch)
        object.add("contentSecurityPolicy", self.contentSecurityPolicy)
        object.add("ogLocale", self.ogLocale)
        object.add("ogLocaleAlternate", self.ogLocaleAlternate)
        object.add("t", self.t)
        object.add("search", self.search)
        object.add("draftBanner", self.draftBanner)
        return object.value
    }
}

extension PageView.Alternate: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("hreflang", self.hreflang)
        object.add("href", self.href)
        return object.value
    }
}

extension PageView.Icon: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("href", self.href)
        object.add("type", self.type)
        return object.value
    }
}

extension PageView.SearchBox: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 6)
        object.add("action", self.action)
        object.add("index", self.index)
        object.add("indexScript", self.indexScript)
        object.add("items", self.items)
        object.add("resultsID", self.resultsID)
        object.add("isSearchPage", self.isSearchPage)
        return object.value
    }
}
