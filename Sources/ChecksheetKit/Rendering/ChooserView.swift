/// The root page (`index.mustache`): the language chooser, Japanese first.
struct ChooserView: Encodable {
    struct Choice: Encodable {
        var lang: String
        var href: String
        var name: String
        var siteTitle: String
        var description: String
    }

    var page: PageView
    var choices: [Choice]
}
