extension SiteViews {
    /// Templates that other templates include: required like the pages, since a missing one empties parts of pages.
    static let requiredPartials = ["banner", "field", "field-block"]

    /// Checks every tag of every template against the theme and the views: UI strings that are not defined,
    /// partials that do not exist, and names that no view of the site has (a typo renders as nothing).
    func templateProblems() -> [Diagnostic] {
        let known = viewNames()
        var problems: [Diagnostic] = []
        for name in theme.templates.keys.sorted() {
            let file = "\(theme.path)/templates/\(name).mustache"
            for tag in TemplateTags(theme.templates[name]!).tags {
                switch tag.kind {
                case .partial where theme.templates[tag.name] == nil:
                    problems.append(Diagnostic(file: file, line: tag.line, column: tag.column, message: "partial '\(tag.name)' does not exist",
                                               hint: "create \(theme.path)/templates/\(tag.name).mustache, or fix the name"))
                case .partial:
                    break
                case .variable, .section:
                    if let key = TemplateTags.stringKey(tag.name) {
                        if theme.strings[key] == nil {
                            problems.append(Diagnostic(file: file, line: tag.line, column: tag.column, message: "UI string '\(key)' is not defined",
                                                       hint: "add `\(key): {ja: …, en: …}` to \(theme.path)/strings.yml"))
                        }
                        continue
                    }
                    guard tag.name != "." else { continue }
                    for part in tag.name.split(separator: ".").map(String.init) where !known.contains(part) {
                        let guess = YAMLDocument.nearest(to: part, in: known.sorted()).map { "did you mean '\($0)'? " } ?? ""
                        problems.append(Diagnostic(file: file, line: tag.line, column: tag.column, message: "unknown name '\(part)' in {{\(tag.name)}}",
                                                   hint: guess + "a template can show the fields of its page's view; see README, \"Where to change what\""))
                        break
                    }
                }
            }
        }
        return problems
    }

    /// Every field name of the views the site's pages are rendered from, nil fields included, found by rendering
    /// the views (not the pages) of one page of each kind.
    func viewNames() -> Set<String> {
        guard let full = sheet.current else { return [] }
        // A few items show every name a sheet or item view has; the whole sheet would only cost time.
        var current = full
        current.items = Localized(ja: Array(full.items.ja.prefix(3)), en: Array(full.items.en.prefix(3)))
        var views: [Any] = [chooser(current), sitemap(current), ["sitemap": baseURL]] + Language.allCases.map(notFound)
        for language in Language.allCases {
            let items = current.items[language]
            views.append(sheetView(current, language: language, path: SitePath.sheet(language), archived: false))
            views.append(sheetView(current, language: language, path: SitePath.archive(current.date, language), archived: true))
            for (position, item) in items.prefix(3).enumerated() {
                views.append(itemView(item, in: current, position: position, language: language, path: SitePath.item(item.slug, language), archived: false))
                views.append(itemView(item, in: current, position: position, language: language, path: SitePath.item(item.slug, language), archived: true,
                                      removedIn: current.date))
            }
            views += [changesView(language), feedView(language), searchView(language), questionnaireView(current, language: language)]
            // A made-up change of every kind (added, removed, changed, renumbered), made from the first item, so that
            // the change pages' fields are known before a second revision exists, whatever the sheet holds.
            if let base = items.first {
                func variant(_ suffix: String, no: Int, answer: String = base.answer) -> Item {
                    var item = base
                    item.slug += suffix
                    item.no = no
                    item.answer = answer
                    return item
                }
                let earlier = [variant("", no: 1), variant("-removed", no: 2), variant("-moved", no: 3)]
                let later = [variant("", no: 1, answer: base.answer + " —"), variant("-moved", no: 2), variant("-added", no: 3)]
                let diff = RevisionDiff.compare(earlier, later, from: current.date, to: current.date, language: language)
                var changes = revisionChangesView(diff, revision: current, language: language, path: SitePath.changes(current.date, language), heading: "", notes: "")
                // As a "changes since" page lists the versions of its span.
                changes.revisions = revisionSummaries(history.entries, language: language, path: SitePath.changes(since: current.date, language))
                views.append(changes)
            }
        }
        var names: Set<String> = []
        for view in views { Self.collectNames(view, into: &names) }
        return names
    }

    static func collectNames(_ value: Any, into names: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            for child in mirror.children { collectNames(child.value, into: &names) }
        case .collection, .set:
            // Elements of a list share their type: the first few show every name.
            for child in mirror.children.prefix(3) { collectNames(child.value, into: &names) }
        case .struct, .class:
            for child in mirror.children {
                if let label = child.label { names.insert(label) }
                collectNames(child.value, into: &names)
            }
        case .dictionary:
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String {
                    names.insert(key)
                    collectNames(pair[1], into: &names)
                }
            }
        default:
            break
        }
    }
}
