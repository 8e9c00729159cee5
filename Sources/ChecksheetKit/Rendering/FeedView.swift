/// The Atom feed of one language (`feed.mustache`).
struct FeedView: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: String
        var updated: String
        var href: String
        var contentHTML: String
    }

    var id: String
    var title: String
    var updated: String
    var selfHref: String
    var alternateHref: String
    var lang: String
    var author: String
    var entries: [Entry]
}
