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
    var t: [String: String]
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
