/// `sitemap.xml` with language alternates (`sitemap.mustache`).
struct SitemapView {
    struct Entry {
        var loc: String
        var alternates: [PageView.Alternate]
    }

    var entries: [Entry]
    var baseURL: String
}
