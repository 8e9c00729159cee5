/// The root page (`index.mustache`): the language chooser, Japanese first.
struct ChooserView {
    struct Choice {
        var lang: String
        var href: String
        var name: String
        var siteTitle: String
        var description: String
    }

    var page: PageView
    var choices: [Choice]
}
