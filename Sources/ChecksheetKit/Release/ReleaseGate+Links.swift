extension ReleaseGate {
    /// Internal links that lead nowhere: in the draft's answers (at the answer's line), and in every page of the
    /// site as it would be published (at the page's line).
    static func brokenLinks(_ candidate: Revision, sheet: Sheet, history: SheetHistory, theme: Theme) -> [Diagnostic] {
        guard case let .success(renderer) = SiteRenderer.make(sheet: sheet, history: history, theme: theme),
              let files = try? renderer.render() else { return [] }
        let paths = Set(files.map(\.path))
        var problems: [Diagnostic] = []
        // Where each broken link of an answer leads: the pages that show the answer (its item's, the sheets' tables,
        // where the link is rewritten for their depth) are not reported again for it.
        var brokenTargets: Set<String> = []
        for language in Language.allCases {
            for item in candidate.items[language] {
                guard let source = candidate.sources[language][item.slug] else { continue }
                let page = SitePath.item(item.slug, language)
                for target in links(in: Markdown.html(item.answer)) where !resolves(target.value, from: page, in: paths) {
                    for shownOn in [page, SitePath.archivedItem(item.slug, candidate.date, language)] {
                        if let path = AnswerLinks.resolved(target.value, from: shownOn)?.path { brokenTargets.insert(path) }
                    }
                    let start = source.positions[.answer]?.line ?? 1
                    let offset = item.answer.range(of: target.value).map { item.answer[..<$0.lowerBound].filter { $0 == "\n" }.count } ?? 0
                    problems.append(Diagnostic(file: source.file, line: start + offset, column: 1,
                                               message: "the answer of '\(item.slug)' links to '\(target.value)', which is not a page of the site",
                                               hint: "link to an item as `../OTHER-SLUG/index.html`, or give a full https:// address"))
                }
            }
        }
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for target in links(in: html) where !resolves(target.value, from: file.path, in: paths) {
                if let path = AnswerLinks.resolved(target.value, from: file.path)?.path, brokenTargets.contains(path) { continue }
                let line = html[..<target.position].filter { $0 == "\n" }.count + 1
                problems.append(Diagnostic(file: file.path, line: line, column: 1, message: "broken internal link '\(target.value)'",
                                           hint: "the site as published with \(candidate.date) has no such file"))
            }
        }
        return problems
    }

    /// The `href` and `src` values of an HTML text, with where each starts.
    static func links(in html: String) -> [(value: String, position: String.Index)] {
        html.matches(of: /(?:href|src)="([^"]*)"/).map { (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), $0.range.lowerBound) }
    }

    /// True for an external link, a fragment of the same page, or a relative path to a file of the site.
    static func resolves(_ link: String, from page: String, in paths: Set<String>) -> Bool {
        if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("//") || link.contains(":") && !link.hasPrefix("/") && link.firstIndex(of: ":")! < (link.firstIndex(of: "/") ?? link.endIndex) {
            return true
        }
        var target = link
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.isEmpty { return true }
        var parts: [Substring] = target.hasPrefix("/") ? [] : Array(page.split(separator: "/").dropLast())
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                guard !parts.isEmpty else { return false }
                parts.removeLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        return paths.contains(path) || paths.contains(path.isEmpty ? "index.html" : path + "/index.html")
    }
}
