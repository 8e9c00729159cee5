import Foundation

extension ReleaseGate {
    /// Internal links that lead nowhere, or only from a web server's root: in the draft's answers (at the link in the
    /// answer's file) and notes (at the link in `notesFile`, its revision.yml), and in every page of the site as it would
    /// be published (at the page's line).
    static func brokenLinks(_ candidate: Revision, notesFile: SourceFile, sheet: Sheet, history: SheetHistory, theme: Theme) -> [Diagnostic] {
        guard case let .success(renderer) = SiteRenderer.make(sheet: sheet, history: history, theme: theme),
              let files = try? renderer.render() else { return [] }
        let site = LinkTargets(files)
        var problems: [Diagnostic] = []
        // Where each broken link of an answer leads: the pages that show the answer (its item's, the sheets' tables,
        // where the link is rewritten for their depth) are not reported again for it.
        var reported: Set<String> = []
        for language in Language.allCases {
            for item in candidate.items[language] {
                guard let source = candidate.sources[language][item.slug] else { continue }
                let page = SitePath.item(item.slug, language)
                var searchedUpTo: [String: String.Index] = [:]
                for target in links(in: Markdown.html(item.answer)) {
                    guard let problem = site.problem(with: target.value, from: page) else { continue }
                    for shownOn in [page, SitePath.archivedItem(item.slug, candidate.date, language)] {
                        reported.insert(LinkTargets.key(target.value, from: shownOn))
                    }
                    let start = source.positions[.answer]?.line ?? 1
                    let place = position(of: target.value, in: item.answer, after: &searchedUpTo[target.value])
                    var message = "the answer of '\(item.slug)' links to '\(target.value)', \(problem.reason)", hint = problem.answerHint
                    if problem == .missing, target.isImage {
                        // The build publishes no image files for answers: what it takes from Content/ is site.yml's logo and favicon.
                        let path = AnswerLinks.resolved(target.value, from: page)?.path ?? target.value
                        message = "the answer of '\(item.slug)' shows the image '\(target.value)', which is not a file of the site"
                        hint = "no file can be at \(path): the build publishes no images for answers (of Content/ it takes only site.yml's logo and favicon); "
                            + "embed the image in the answer as `![…](data:image/png;base64,…)`, or describe it in words"
                    } else if problem == .missing, !target.value.contains("/"), site.paths.contains(SitePath.item(target.value, language)) {
                        // An item's slug alone leads to a file beside the item's page, not to the item.
                        hint = "link to the item as `../\(target.value)/index.html`"
                    }
                    problems.append(Diagnostic(file: source.file, line: start + place.line, column: place.column, message: message, hint: hint))
                }
            }
        }
        // The notes are shown on the changes pages and the sheet, each link rebased for its page: they are reported where
        // the docs team wrote them, once.
        for language in Language.allCases where !candidate.notes[language].isEmpty {
            let page = SiteViews.notesBase(language)
            var searchedUpTo: [String: String.Index] = [:]
            let notes = notesSection(language, in: notesFile.text)
            for target in links(in: Markdown.html(candidate.notes[language])) {
                guard let problem = site.problem(with: target.value, from: page) else { continue }
                reported.insert(LinkTargets.key(target.value, from: page))
                let place = position(of: target.value, in: String(notesFile.text[notes]), after: &searchedUpTo[target.value])
                let line = notesFile.text[..<notes.lowerBound].filter { $0 == "\n" }.count + 1 + place.line
                problems.append(Diagnostic(file: notesFile.path, line: line, column: place.column,
                                           message: "the \(language.rawValue) notes link to '\(target.value)', \(problem.reason)",
                                           hint: problem.answerHint.replacingOccurrences(of: "the item's page", with: "an item's page, as in answers")))
            }
        }
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for target in links(in: html) {
                guard let problem = site.problem(with: target.value, from: file.path),
                      !reported.contains(LinkTargets.key(target.value, from: file.path)) else { continue }
                let line = html[..<target.position].filter { $0 == "\n" }.count + 1
                problems.append(Diagnostic(file: file.path, line: line, column: 1, message: "broken internal link '\(target.value)': \(problem.reason)",
                                           hint: problem.pageHint(date: candidate.date)))
            }
        }
        return problems
    }

    /// The part of a revision.yml from its `notes:` language key (`  en:`) to the file's end: where that language's notes
    /// and their links are written. The whole file when the key is not found as written.
    static func notesSection(_ language: Language, in text: String) -> Range<String.Index> {
        guard let notes = text.firstRange(of: /(?m)^notes:/),
              let key = text[notes.upperBound...].firstRange(of: try! Regex("(?m)^[ \t]+\(language.rawValue):")) else {
            return text.startIndex..<text.endIndex
        }
        return key.lowerBound..<text.endIndex
    }

    /// The `href` and `src` values of an HTML text, with where each starts; an `src` is an image's (cmark writes no other).
    static func links(in html: String) -> [(value: String, position: String.Index, isImage: Bool)] {
        html.matches(of: /(href|src)="([^"]*)"/).map { (LinkTargets.unescaped(String($0.2)), $0.range.lowerBound, $0.1 == "src") }
    }

    /// Where `link` is written in an answer's Markdown: the line after the answer's first (0 for the first) and the
    /// 1-based column in Unicode scalars. A link written twice is found at its next place each time; one that cmark
    /// wrote differently (percent-encoded) is looked for decoded, else placed at the answer's start.
    static func position(of link: String, in answer: String, after searched: inout String.Index?) -> (line: Int, column: Int) {
        // The whole destination, not the start of a longer one: `../rto/` is not the link `../rto/index.html`.
        func find(_ text: String) -> Range<String.Index>? {
            var from = searched ?? answer.startIndex
            while let range = answer.range(of: text, range: from..<answer.endIndex) {
                if range.upperBound == answer.endIndex || ")>\"' \n\t".contains(answer[range.upperBound]) { return range }
                from = answer.index(after: range.lowerBound)
            }
            return nil
        }
        guard let range = find(link) ?? link.removingPercentEncoding.flatMap(find) else { return (0, 1) }
        searched = range.upperBound
        let before = answer[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { answer.index(after: $0) } ?? answer.startIndex
        return (before.filter { $0 == "\n" }.count, answer.unicodeScalars[lineStart..<range.lowerBound].count + 1)
    }

    /// Why an internal link fails.
    enum LinkProblem: Equatable {
        /// No file of the site is there.
        case missing
        /// Written from the site's root (`/ja/…`); `working` is the same link made relative.
        case rooted(working: String)
        /// A folder (`../rto/`); `working` names its `index.html`.
        case folder(working: String)
        /// The page exists but has no element with the fragment's id; `working` is the link without the fragment.
        case anchor(page: String, id: String, working: String, ids: [String])

        var reason: String {
            switch self {
            case .missing: return "which is not a page of the site"
            case .rooted: return "a link from the site's root, which leads nowhere when the site is opened from disk or published below a path"
            case .folder: return "a link to a folder, which shows a file listing instead of the page when the site is opened from disk"
            case let .anchor(page, id, _, _): return "but \(page) has no element with id '\(id)'"
            }
        }

        /// What to write in the answer instead.
        var answerHint: String {
            switch self {
            case .missing: return "link to an item as `../OTHER-SLUG/index.html`, or give a full https:// address"
            case let .rooted(working), let .folder(working): return "write it relative to the item's page: `\(working)`"
            case let .anchor(_, _, working, ids):
                // A sheet's table has an id per item: too many to list, and the item's own page is the better link.
                let named = ids.isEmpty || ids.count > 8 ? "" : ", or to one of its ids (" + ids.map { "#" + $0 }.joined(separator: ", ") + ")"
                return working.isEmpty ? "link to an id this page has" : "link to the page, `\(working)`\(named)"
            }
        }

        /// What to change in the theme (or the content that made the page).
        func pageHint(date: String) -> String {
            switch self {
            case .missing: return "the site as published with \(date) has no such file"
            case let .rooted(working), let .folder(working): return "the working link from this page is `\(working)`"
            case let .anchor(page, _, _, _): return "link to an id that \(page) has, or to the page alone"
            }
        }
    }

    /// The files of the site as it would be published, and the ids each HTML page has, for judging links.
    struct LinkTargets {
        /// Pages that only a web server shows (for any missing path), where a link from the root is right.
        static let serverOnly = Set(Language.allCases.map(SitePath.notFound))
        var paths: Set<String>
        var ids: [String: Set<String>]

        init(_ files: [OutputFile]) {
            paths = Set(files.map(\.path))
            ids = [:]
            for file in files where file.path.hasSuffix(".html") {
                let html = String(decoding: file.contents, as: UTF8.self)
                // What a #fragment scrolls to: `id` on any element (the theme writes no `<a name>`, cmark no raw HTML).
                ids[file.path] = Set(html.matches(of: /\sid="([^"]*)"/).map { Self.unescaped(String($0.1)) })
            }
        }

        /// Why a link written in `page` fails; nil for a link that works, and for one that leaves the site (a scheme
        /// such as https: or mailto:, or `//host`).
        func problem(with link: String, from page: String) -> LinkProblem? {
            if link.isEmpty || link.hasPrefix("//") { return nil }
            if let colon = link.firstIndex(of: ":"), colon < (link.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? link.endIndex) { return nil }
            let cut = link.firstIndex { $0 == "?" || $0 == "#" } ?? link.endIndex
            let written = link[..<cut]
            let hash = link.firstIndex(of: "#")
            let fragment = hash.map { String(link[link.index(after: $0)...]) } ?? ""
            let query = String(link[cut..<(hash ?? link.endIndex)])
            guard !written.isEmpty else { return anchorProblem(fragment, in: page, working: "") }
            let rooted = written.hasPrefix("/")
            var parts: [Substring] = rooted ? [] : Array(page.split(separator: "/").dropLast())
            for part in written.split(separator: "/") {
                if part == ".." {
                    guard !parts.isEmpty else { return .missing }
                    parts.removeLast()
                } else if part != "." {
                    parts.append(part)
                }
            }
            let path = parts.joined(separator: "/")
            let folder = path.isEmpty ? "index.html" : path + "/index.html"
            let target: String
            if !written.hasSuffix("/"), paths.contains(path) {
                target = path
            } else if paths.contains(folder) {
                target = folder
            } else {
                return .missing
            }
            let working = SitePath.relative(from: page, to: target) + query
            let suffix = hash.map { String(link[$0...]) } ?? ""
            if !Self.serverOnly.contains(page) {
                if rooted { return .rooted(working: working + suffix) }
                if target != path { return .folder(working: working + suffix) }
            }
            return anchorProblem(fragment, in: target, working: working)
        }

        /// The problem of a `#fragment` that names no element of the HTML page `path` (an empty one is the page's top).
        func anchorProblem(_ fragment: String, in path: String, working: String) -> LinkProblem? {
            guard !fragment.isEmpty, let ids = ids[path] else { return nil }
            let id = fragment.removingPercentEncoding ?? fragment
            return ids.contains(id) ? nil : .anchor(page: path, id: id, working: working, ids: ids.sorted())
        }

        /// What identifies a link's target across the pages that show one answer: the site path and what follows it for
        /// a relative link (rewritten per page), else the link as written.
        static func key(_ link: String, from page: String) -> String {
            AnswerLinks.resolved(link, from: page).map { $0.path + $0.suffix } ?? link
        }

        /// An attribute value as the browser reads it: the entities the renderer writes, decoded.
        static func unescaped(_ value: String) -> String {
            guard value.contains("&") else { return value }
            return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
