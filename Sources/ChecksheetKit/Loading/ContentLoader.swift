/// Turns the files of the content folder into a validated `Sheet`, or every problem found in them.
///
/// Pure: it reads nothing from disk. All files are parsed and checked before deciding, so a single run
/// reports every problem at once.
public enum ContentLoader {
    /// The outcome of loading: a sheet when there were no errors, and all diagnostics (warnings included).
    public struct Outcome: Sendable {
        public var sheet: Sheet?
        public var diagnostics: [Diagnostic]
    }

    public static func load(_ source: ContentSource) -> Outcome {
        var problems = source.diagnostics
        var configuration: SiteConfiguration?
        if let site = source.site {
            switch SiteConfiguration.parse(site) {
            case let .success(value): configuration = value
            case let .failure(error): problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: source.path + "/site.yml", message: "the site configuration is missing",
                                       hint: "create site.yml with the site's `title`, its `baseURL` and its `sections`"))
        }
        if source.revisions.isEmpty {
            problems.append(Diagnostic(file: source.path + "/revisions", message: "there is no revision of the sheet",
                                       hint: "import one with `checksheet import FILE --date YYYY-MM-DD`"))
        }
        var revisions: [Revision] = []
        for revisionSource in source.revisions {
            if let revision = loadRevision(revisionSource, configuration: configuration, into: &problems) {
                revisions.append(revision)
            }
        }
        var synonyms = Synonyms(groups: [])
        if let file = source.synonyms {
            switch Synonyms.parse(file) {
            case let .success(value): synonyms = value
            case let .failure(error): problems += error.diagnostics
            }
        }
        problems.sort()
        guard !problems.hasErrors, let configuration else { return Outcome(sheet: nil, diagnostics: problems) }
        return Outcome(sheet: Sheet(configuration: configuration, revisions: revisions, synonyms: synonyms), diagnostics: problems)
    }

    static func loadRevision(_ source: RevisionSource, configuration: SiteConfiguration?, into problems: inout [Diagnostic]) -> Revision? {
        var failed = false
        if !RevisionDate.isValid(source.folderName) {
            problems.append(Diagnostic(file: source.path, message: "revision folder '\(source.folderName)' is not named after a date",
                                       hint: "name each folder under revisions/ by its date, YYYY-MM-DD"))
            failed = true
        }
        var metadata: RevisionMetadata?
        if let file = source.metadata {
            switch RevisionMetadata.parse(file, folderName: source.folderName) {
            case let .success(value): metadata = value
            case let .failure(error): problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: source.path + "/revision.yml", message: "the revision's metadata is missing",
                                       hint: "create revision.yml with `date:` and `title:` in `ja:` and `en:`"))
        }

        var pages = Localized<[ItemPage]>(ja: [], en: [])
        for language in Language.allCases {
            let files = source.pages[language] ?? []
            if files.isEmpty {
                problems.append(Diagnostic(file: "\(source.path)/\(language.rawValue)", message: "the revision has no \(language == .ja ? "Japanese" : "English") item pages",
                                           hint: "every item is published in Japanese and English; add one Markdown page per item"))
                failed = true
            }
            for result in files.parallelMap({ ItemPage.parse($0.text, file: $0.path, language: language) }) {
                switch result {
                case let .success(page): pages[language].append(page)
                case let .failure(error):
                    problems += error.diagnostics
                    failed = true
                }
            }
        }

        let count = problems.count
        for language in Language.allCases {
            checkUnique(pages[language], problems: &problems)
            if let configuration { checkTaxonomy(pages[language], language: language, configuration: configuration, problems: &problems) }
        }
        // Gaps are only meaningful once every Japanese page was read; English numbers follow the Japanese ones.
        if !failed { checkSequence(pages.ja, problems: &problems) }
        checkTranslations(pages, revisionPath: source.path, configuration: configuration, problems: &problems)
        if problems.count > count { failed = true }

        guard !failed, let metadata else { return nil }
        let items = Localized(ja: pages.ja.map(\.item).sorted { $0.no < $1.no }, en: pages.en.map(\.item).sorted { $0.no < $1.no })
        func sources(_ pages: [ItemPage]) -> [String: ItemSource] {
            Dictionary(pages.map { ($0.item.slug, ItemSource(file: $0.file, positions: $0.positions)) }, uniquingKeysWith: { a, _ in a })
        }
        return Revision(date: metadata.date, title: metadata.title, notes: metadata.notes, items: items,
                        sources: Localized(ja: sources(pages.ja), en: sources(pages.en)))
    }

    /// Slugs and numbers are unique per language, and numbers run 1…N: the number is the place in the sheet.
    static func checkUnique(_ pages: [ItemPage], problems: inout [Diagnostic]) {
        var bySlug: [String: ItemPage] = [:]
        var byNumber: [Int: ItemPage] = [:]
        for page in pages.sorted(by: { $0.file < $1.file }) {
            if let first = bySlug[page.item.slug] {
                problems.append(page.diagnostic(at: .slug, "slug '\(page.item.slug)' is also used by \(first.file)", hint: "each item has its own slug; keep the published one and give the other item a new slug"))
            } else {
                bySlug[page.item.slug] = page
            }
            if let first = byNumber[page.item.no] {
                problems.append(page.diagnostic(at: .no, "number \(page.item.no) is also used by \(first.file)", hint: "numbers give each item's place in the sheet: renumber so that each is used once"))
            } else {
                byNumber[page.item.no] = page
            }
        }
    }

    /// Numbers run 1…N: the number is the item's place in the sheet.
    static func checkSequence(_ pages: [ItemPage], problems: inout [Diagnostic]) {
        let byNumber = Dictionary(pages.map { ($0.item.no, $0) }, uniquingKeysWith: { first, _ in first })
        guard byNumber.count == pages.count else { return }
        let numbers = byNumber.keys.sorted()
        guard let last = numbers.last, last != numbers.count else { return }
        let missing = (1...last).filter { byNumber[$0] == nil }
        if let first = missing.first, let after = numbers.first(where: { $0 > first }), let page = byNumber[after] {
            problems.append(page.diagnostic(at: .no, "the numbers skip \(missing.map(String.init).joined(separator: ", "))", hint: "number the items 1 to \(numbers.count) in sheet order"))
        }
    }

    /// Every section and category must be listed in site.yml, and each category under its section.
    static func checkTaxonomy(_ pages: [ItemPage], language: Language, configuration: SiteConfiguration, problems: inout [Diagnostic]) {
        for page in pages {
            guard let section = configuration.section(named: page.item.section, in: language) else {
                let known = configuration.sections.map { "'\($0.name[language])'" }.joined(separator: ", ")
                problems.append(page.diagnostic(at: .section, "unknown section '\(page.item.section)'", hint: "use one of \(known), or add the section to site.yml"))
                continue
            }
            if !section.categories.contains(where: { $0[language] == page.item.category }) {
                let known = section.categories.map { "'\($0[language])'" }.joined(separator: ", ")
                problems.append(page.diagnostic(at: .category, "unknown category '\(page.item.category)' in section '\(page.item.section)'", hint: "use one of \(known), or add the category to the section in site.yml"))
            }
        }
    }

    /// Japanese and English list the same items with the same numbers, sections and categories.
    static func checkTranslations(_ pages: Localized<[ItemPage]>, revisionPath: String, configuration: SiteConfiguration?, problems: inout [Diagnostic]) {
        let english = Dictionary(pages.en.map { ($0.item.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let japanese = Dictionary(pages.ja.map { ($0.item.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for page in pages.ja where seen.insert(page.item.slug).inserted {
            guard let translation = english[page.item.slug] else {
                let name = String(format: "%02d", page.item.no) + "-\(page.item.slug).md"
                problems.append(Diagnostic(file: page.file, line: page.positions[.slug]?.line ?? 1, column: page.positions[.slug]?.column ?? 1,
                                           message: "item '\(page.item.slug)' has no English page",
                                           hint: "add \(revisionPath)/en/\(name), a translation of this page"))
                continue
            }
            if translation.item.no != page.item.no {
                problems.append(translation.diagnostic(at: .no, "item '\(page.item.slug)' is number \(translation.item.no) here but \(page.item.no) in \(page.file)", hint: "the Japanese page decides the number; use `no: \(page.item.no)`"))
            }
            if let section = configuration?.section(named: page.item.section, in: .ja) {
                if translation.item.section != section.name.en, configuration?.section(named: translation.item.section, in: .en) != nil {
                    problems.append(translation.diagnostic(at: .section, "section '\(translation.item.section)' does not translate '\(page.item.section)' of \(page.file)", hint: "use `section: \(section.name.en)`"))
                } else if let category = section.categories.first(where: { $0.ja == page.item.category }), translation.item.category != category.en,
                          section.categories.contains(where: { $0.en == translation.item.category }) {
                    problems.append(translation.diagnostic(at: .category, "category '\(translation.item.category)' does not translate '\(page.item.category)' of \(page.file)", hint: "use `category: \(category.en)`"))
                }
            }
        }
        for page in pages.en where japanese[page.item.slug] == nil {
            problems.append(page.diagnostic(at: .slug, "item '\(page.item.slug)' has no Japanese page", hint: "Japanese is the source of truth: add the Japanese page first, or fix the slug to match it"))
        }
    }
}
