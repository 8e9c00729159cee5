/// `sitemap.xml` with language alternates (`sitemap.mustache`).
struct SitemapView: Encodable {
    struct Entry: Encodable {
        var loc: String
        var alternates: [PageView.Alternate]
    }

    var entries: [Entry]
}

extension SitemapView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 1)
        object.add("entries", self.entries)
        return object.value
    }
}

extension SitemapView.Entry: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("loc", self.loc)
        object.add("alternates", self.alternates)
        return object.value
    }
}
