/// What the shared layout (`layout.mustache`) shows on every page.
struct PageView {
    /// A link to this page in another language, for `hreflang` alternates and the language switch.
    struct Alternate {
        var hreflang: String
        var href: String
    }

    var lang: String
    var title: String
    var description: String
    /// Absolute URL of this page.
    var canonical: String
    var alternates: [Alternate]
    /// Relative prefix to the site root, such as `../../`.
    var root: String
    var stylesheet: String
    var siteTitle: String
    var homeHref: String
    /// The switch to the other language's version of this page.
    var otherLanguageHref: String
    var otherLanguageName: String
    var otherLanguageCode: String
    var ogLocale: String
    var ogLocaleAlternate: String
    /// UI strings in the page's language.
    var t: [String: String]
}
