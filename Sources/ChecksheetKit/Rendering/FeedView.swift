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

extension FeedView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 8)
        object.add("id", self.id)
        object.add("title", self.title)
        object.add("updated", self.updated)
        object.add("selfHref", self.selfHref)
        object.add("alternateHref", self.alternateHref)
        object.add("lang", self.lang)
        object.add("author", self.author)
        object.add("entries", self.entries)
        return object.value
    }
}

extension FeedView.Entry: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("id", self.id)
        object.add("title", self.title)
        object.add("updated", self.updated)
        object.add("href", self.href)
        object.add("contentHTML", self.contentHTML)
        return object.value
    }
}
