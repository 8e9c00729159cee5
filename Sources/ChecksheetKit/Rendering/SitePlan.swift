/// Every file of the site (assets aside) as a typed page with the fingerprint of its inputs: pure, made from the
/// sheet, its history and the input keys, building no view. A build renders from the plan only what an earlier
/// build does not already hold.
struct SitePlan: Sendable {
    var pages: [PlannedPage]

    init(sheet: Sheet, history: SheetHistory, inputs: PageInputs) {
        guard let current = sheet.current else {
            pages = []
            return
        }
        // Listed here, fingerprinted below on all cores: a long history has thousands of pages.
        var listed: [(kind: PageKind, keys: [String])] = []
        func add(_ kind: PageKind, _ keys: [String]) { listed.append((kind, keys)) }
        func item(_ slug: String, _ date: String) -> String { inputs.item[slug]?[date] ?? "" }
        // The fields a superseded version's item page says have changed since, by revision and slug: the Japanese tells,
        // so both languages' pages say the same.
        let saidSince = history.entries.map { entry -> [String: [String]] in
            guard entry.revision.date != current.date else { return [:] }
            var said: [String: [String]] = [:]
            for slug in entry.revision.items.ja.map(\.slug) {
                let changed = sheet.changedFields(of: slug, since: entry.revision)
                if !changed.isEmpty { said[slug] = ["changed since: " + changed.map(\.rawValue).joined(separator: ",")] }
            }
            return said
        }
        add(.chooser, [])
        for entry in current.items.ja { add(.itemLink(slug: entry.slug), [inputs.outline[current.date] ?? "", item(entry.slug, current.date)]) }
        for slug in Self.removedSlugs(sheet, language: .ja) { add(.itemLink(slug: slug), [item(slug, current.date)]) }
        for language in Language.allCases {
            add(.searchIndex(language), [inputs.all])
            add(.searchScript(language), [inputs.all])
            add(.sheet(language), [inputs.all])
            for entry in current.items[language] {
                add(.item(slug: entry.slug, language), [inputs.outline[current.date] ?? "", item(entry.slug, current.date)])
            }
            for slug in Self.removedSlugs(sheet, language: language) {
                add(.removedItem(slug: slug, language), [item(slug, current.date)])
            }
            add(.changes(language), [inputs.all])
            for (entry, said) in zip(history.entries, saidSince) {
                let date = entry.revision.date, upTo = inputs.upTo[date] ?? ""
                if entry.changes != nil {
                    add(.revisionChanges(date: date, language), [upTo])
                    add(.changesCSV(date: date, language), [upTo])
                }
                // The current version's too, saying nothing changed since: a reader's link to "since the version I
                // reviewed" keeps working when that version is the current one.
                add(.changesSince(date: date, language), [date == current.date ? upTo : inputs.all])
                add(.archive(date: date, language), [upTo])
                for archived in entry.revision.items[language] {
                    // A superseded version's item page says which of its fields have changed since: only that, not the
                    // current text, is among its inputs (so editing the current answer again leaves it be).
                    add(.archivedItem(date: date, slug: archived.slug, language), [inputs.outline[date] ?? "", item(archived.slug, date)] + (said[archived.slug] ?? []))
                }
                for format in ["csv", "xlsx", "json"] { add(.download(date: date, language, format: format), [upTo]) }
            }
            add(.feed(language), [inputs.all])
            add(.search(language), [])
            add(.questionnaire(language), [])
            add(.schema(language), [])
        }
        for language in Language.allCases { add(.notFound(language), []) }
        add(.sitemap, [])
        add(.robots, [])
        let site = inputs.site
        pages = listed.parallelMap { page in
            PlannedPage(kind: page.kind, fingerprint: PageInputs.fingerprint(template: page.kind.template, keys: [site] + page.keys))
        }
    }

    /// Items some revision had and the current one has not, by slug: their permanent URLs keep a page.
    static func removedSlugs(_ sheet: Sheet, language: Language) -> [String] {
        guard let current = sheet.current else { return [] }
        let currentSlugs = Set(current.items[language].map(\.slug))
        var removed: Set<String> = []
        for revision in sheet.revisions {
            for item in revision.items[language] where !currentSlugs.contains(item.slug) { removed.insert(item.slug) }
        }
        return removed.sorted()
    }
}
