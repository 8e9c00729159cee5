/// Links an answer writes relative to its item's page (`../rto/index.html`, as the release gate's hint says), made
/// relative to another page that shows the answer: the sheet's table is at another depth, where the same text led
/// nowhere.
enum AnswerLinks {
    /// `html` with each relative `href` and `src` that resolves inside the site from `itemPage` made relative to `page`.
    static func rebased(_ html: String, from itemPage: String, to page: String) -> String {
        guard itemPage != page else { return html }
        return rewritten(html, from: itemPage) { SitePath.relative(from: page, to: $0) }
    }

    /// `html` with each relative `href` and `src` that resolves inside the site from `itemPage` made absolute under
    /// `base`: for the feed, which a reader opens away from the site.
    static func absolute(_ html: String, from itemPage: String, base: String) -> String {
        rewritten(html, from: itemPage) { SitePath.url($0, base: base).htmlEscaped }
    }

    /// `html` with each relative `href` and `src` that resolves inside the site from `itemPage` written anew: `link`
    /// gives the new link to the site path it leads to, the query and fragment follow as they were.
    private static func rewritten(_ html: String, from itemPage: String, _ link: (String) -> String) -> String {
        guard html.holdsBytes("href=\"") || html.holdsBytes("src=\"") else { return html }
        return html.replacing(/(href|src)="([^"]*)"/) { match in
            guard let target = resolved(String(match.output.2), from: itemPage) else { return String(match.output.0) }
            return "\(match.output.1)=\"\(link(target.path) + target.suffix)\""
        }
    }

    /// The site path a relative link leads to from `page`, and its query and fragment; nil for a link that is not
    /// relative (empty, a fragment alone, rooted, with a scheme) or that climbs out of the site.
    static func resolved(_ link: String, from page: String) -> (path: String, suffix: String)? {
        guard let first = link.first, first != "#", first != "/", first != "?" else { return nil }
        if let colon = link.firstIndex(of: ":"), colon < (link.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? link.endIndex) { return nil }
        let cut = link.firstIndex { $0 == "?" || $0 == "#" } ?? link.endIndex
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link[..<cut].split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else if part != "." {
                parts.append(String(part))
            }
        }
        // A link ending in a folder keeps its slash: `../rto/` is the folder, not a file named `rto`.
        var path = parts.joined(separator: "/")
        if link[..<cut].hasSuffix("/") { path += "/index.html" }
        return path.isEmpty ? nil : (path, String(link[cut...]))
    }
}
