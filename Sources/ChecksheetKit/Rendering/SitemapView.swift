/// `sitemap.xml` with language alternates (`sitemap.mustache`).
struct SitemapView: Encodable {
    struct Entry: Encodable {
        var loc: String
        var alternates: [PageView.Alternate]
    }

    var entries: [Entry]
}
