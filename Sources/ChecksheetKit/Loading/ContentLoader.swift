import Foundation

/// Turns the files of the content folder into a validated `Sheet`, or every problem found in them.
///
/// Pure: it reads nothing from disk. All files are parsed and checked before deciding, so a single run
/// reports every problem at once.
public enum ContentLoader {
    /// The outcome of loading: a sheet when there were no errors, and all diagnostics (warnings included).
    public struct Outcome: Sendable {
        public var sheet: Sheet?
        public var diagnostics: [Diagnostic]
        /// Every item page parsed without error, for the next load to take as it is.
        public var parsed = ParsedPages()
    }

    /// Loads the content; pages whose text `earlier` already parsed are taken from it, and revisions `record` holds
    /// as checked from the same inputs are taken from it (and those checked now kept there).
    public static func load(_ source: ContentSource, reusing earlier: ParsedPages? = nil, remembering record: LoadedRevisions? = nil) -> Outcome {
        var kept = ParsedPages()
        var problems = source.diagnostics
        var configuration: SiteConfiguration?
        // What the pages are checked against: the configuration, or only its sections when another part of it is wrong.
        var declared: SiteConfiguration?
        if let site = source.site {
            switch SiteConfiguration.parse(site) {
            case var .success(value):
                // An image in the content folder travels with the configuration; one not there is looked up in the theme.
                if let path = value.logo?.path { value.logo?.contents = source.images[path] }
                if let path = value.favicon?.path { value.favicon?.contents = source.images[path] }
                configuration = value
            case let .failure(error):
                problems += error.diagnostics
                declared = SiteConfiguration.declaredSections(site).map { SiteConfiguration(title: Localized(ja: "", en: ""), baseURL: "", sections: $0) }
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
        // Files the reader could not take (not UTF-8, unreadable) still stand for an item of their revision.
        let unreadable = Set(source.diagnostics.filter { $0.severity == .error }.map(\.file))
        // What is checked against: the configuration, or only its sections when another part of it is wrong.
        let checkedAgainst = configuration ?? declared
        // Revisions this process checked from the same inputs are taken as they were (the preview's unchanged ones).
        let known = source.revisions.map { revision in
            record?.loaded(revision, configuration: checkedAgainst, unreadable: LoadedRevisions.unreadable(unreadable, in: revision))
        }
        // Every page of every other revision parsed at once, on all cores: a revision alone is too few pages to spread.
        let jobs = zip(source.revisions, known).filter { $0.1 == nil }.map(\.0)
            .flatMap { revision in Language.allCases.flatMap { language in (revision.pages[language] ?? []).map { ($0, language) } } }
        // A page whose text an earlier load parsed is taken from it. Each text is hashed once, here, for both.
        var parsed = jobs.parallelMap { file, language in
            let textHash = ContentHash(text: file.text).value
            return ParsedPage(result: earlier?.page(file, language, textHash: textHash).map { .success($0) }
                ?? ItemPage.parse(file.text, file: file.path, language: language), textHash: textHash)
        }[...]
        var jobsByRevision: [(source: RevisionSource, pages: Localized<[ParsedPage]>)] = []
        for (revisionSource, known) in zip(source.revisions, known) where known == nil {
            var pages = Localized<[ParsedPage]>(ja: [], en: [])
            for language in Language.allCases {
                let count = revisionSource.pages[language]?.count ?? 0
                pages[language] = Array(parsed.prefix(count))
                parsed = parsed.dropFirst(count)
            }
            jobsByRevision.append((revisionSource, pages))
        }
        // Revisions are checked apart from one another, on all cores; their problems are sorted below.
        var checked = jobsByRevision.parallelMap(spreadingFrom: 2) { job in
            var kept = ParsedPages(), problems: [Diagnostic] = []
            let revision = loadRevision(job.source, configuration: checkedAgainst, unreadable: unreadable, parsed: job.pages, keeping: &kept,
                                        into: &problems)
            let loaded = LoadedRevisions.Loaded(source: job.source, configuration: checkedAgainst,
                                                unreadable: LoadedRevisions.unreadable(unreadable, in: job.source),
                                                revision: revision, kept: kept, problems: problems)
            record?.keep(loaded)
            return loaded
        }[...]
        // In the content's order, each revision either taken as it was or checked now.
        let loadedRevisions = known.map { known -> LoadedRevisions.Loaded in
            if let known { return known }
            return checked.removeFirst()
        }
        // Sized once for every revision's pages: merged one by one, the table grew and rehashed twenty times over a long history.
        kept.reserveCapacity(loadedRevisions.reduce(kept.count) { $0 + $1.kept.count })
        for loaded in loadedRevisions {
            if let revision = loaded.revision { revisions.append(revision) }
            kept.take(loaded.kept)
            problems += loaded.problems
        }
        var synonyms = Synonyms(groups: [])
        if let file = source.synonyms {
            switch Synonyms.parse(file) {
            case let .success(value): synonyms = value
            case let .failure(error): problems += error.diagnostics
            }
        }
        problems += reusedNumbers(revisions)
        problems.sort()
        guard !problems.hasErrors, let configuration else { return Outcome(sheet: nil, diagnostics: problems, parsed: kept) }
        return Outcome(sheet: Sheet(configuration: configuration, revisions: revisions, synonyms: synonyms), diagnostics: problems, parsed: kept)
    }

    /// A page as parsed (or taken from an earlier load), with the hash of its text.
    struct ParsedPage: Sendable, Equatable {
        var result: Result<ItemPage, DiagnosticsError>
        var textHash: UInt64
    }

    /// `parsed` holds the pages already parsed, in the order of `source.pages`; without it they are parsed here.
    static func loadRevision(_ source: RevisionSource, configuration: SiteConfiguration?, unreadable files: Set<String> = [],
                             parsed: Localized<[ParsedPage]>? = nil, keeping kept: inout ParsedPages,
                             into problems: inout [Diagnostic]) -> Revision? {
        var failed = false
        if !RevisionDate.isValid(source.folderName) {
            problems.append(Diagnostic(file: source.path, message: "revision folder '\(source.folderName)' is not named after a date",
                                       hint: "name each folder under revisions/ by its date, YYYY-MM-DD"))
            failed = true
        }
        var metadata: RevisionMetadata?
        if let file = source.metadata {
            switch RevisionMetadata.parse(file, folderName: source.folderName) {
            case let .success(value): metadata = value; problems += value.warnings
            case let .failure(error): problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: source.path + "/revision.yml", message: "the revision's metadata is missing",
                                       hint: "create revision.yml with `date:` and `title:` in `ja:` and `en:`"))
        }

        var pages = Localized<[ItemPage]>(ja: [], en: [])
        // Pages that could not be read still name an item: its counterpart in the other language is not reported as alone.
        var unreadable = Localized<[SourceFile]>(ja: [], en: [])
        for language in Language.allCases {
            let folder = source.path + "/" + language.rawValue + "/"
            for path in files.sorted() where path.hasPrefix(folder) && !path.dropFirst(folder.count).contains("/") {
                unreadable[language].append(SourceFile(path: path, text: ""))
                failed = true
            }
            let files = source.pages[language] ?? []
            if files.isEmpty && unreadable[language].isEmpty {
                problems.append(Diagnostic(file: "\(source.path)/\(language.rawValue)", message: "the revision has no \(language == .ja ? "Japanese" : "English") item pages",
                                           hint: "every item is published in Japanese and English; add one Markdown page per item"))
                failed = true
            }
            let results = parsed?[language] ?? files.parallelMap {
                ParsedPage(result: ItemPage.parse($0.text, file: $0.path, language: language), textHash: ContentHash(text: $0.text).value)
            }
            for (file, parsedPage) in zip(files, results) {
                switch parsedPage.result {
                case let .success(page):
                    pages[language].append(page)
                    kept.keep(page, parsedFrom: file, textHash: parsedPage.textHash)
                    problems += externalImages(page)
                    problems += rawHTML(page)
                    problems += unsupportedMarkdown(page)
                    problems += overlongFields(page)
                    problems += ItemPage.invisibleCharacters(in: file.text, file: file.path).filter { $0.severity == .warning }
                case let .failure(error):
                    problems += error.diagnostics
                    unreadable[language].append(file)
                    failed = true
                }
            }
        }

        let count = problems.count
        for language in Language.allCases {
            checkUnique(pages[language], problems: &problems)
            if let configuration { checkTaxonomy(pages[language], language: language, configuration: configuration, problems: &problems) }
        }
        let draft = metadata?.draft ?? false
        let withoutEnglish = checkTranslations(pages, unreadable: unreadable, revisionPath: source.path, configuration: configuration, draft: draft,
                                               problems: &problems)
        var records = TranslationRecords()
        if let file = source.translations {
            let read = TranslationRecords.parse(file, slugs: Set(pages.ja.map(\.item.slug)))
            records = read.records
            problems += read.problems
        }
        if problems[count...].contains(where: { $0.severity == .error }) { failed = true }

        guard !failed, let metadata else { return nil }
        let standIns = withoutEnglish.map { japaneseStandIn(for: $0, configuration: configuration) }
        let items = Localized(ja: pages.ja.map(\.item).sorted { $0.no < $1.no }, en: (pages.en.map(\.item) + standIns).sorted { $0.no < $1.no })
        func sources(_ pages: [ItemPage]) -> [String: ItemSource] {
            Dictionary(pages.map { ($0.item.slug, $0.source) }, uniquingKeysWith: { a, _ in a })
        }
        var revision = Revision(date: metadata.date, title: metadata.title, notes: metadata.notes, items: items,
                                sources: Localized(ja: sources(pages.ja), en: sources(pages.en)))
        revision.draft = metadata.draft
        revision.withoutEnglish = withoutEnglish.map(\.slug).sorted()
        revision.translationRecords = records
        return revision
    }

    /// A warning for each image an answer takes from another site: the pages' Content-Security-Policy
    /// (`img-src 'self' data:`) blocks it, so readers would see a broken image where the answer has one.
    static func externalImages(_ page: ItemPage) -> [Diagnostic] {
        guard page.item.answer.holdsBytes("![") else { return [] }
        return Markdown.html(page.item.answer).matches(of: /<img src="([^"]*)"/).compactMap { match in
            let source = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
            guard source.contains("://") || source.hasPrefix("//") else { return nil }
            return page.diagnostic(at: .answer, "the answer of '\(page.item.slug)' shows an image from another site, '\(source)', which the pages' Content-Security-Policy blocks",
                                   hint: "readers would see a broken image: link to it instead, `[what it shows](\(source))`, or leave it out", severity: .warning)
        }
    }

    /// A warning where a new item takes the number of an item an earlier revision removed: customers cite items by
    /// number, so a retired number stays out of use. Said in the revision that adds the item, not again after. (An item
    /// renumbered into it is not: the changes pages and the item's page say "formerly No. N" for it.)
    static func reusedNumbers(_ revisions: [Revision]) -> [Diagnostic] {
        var retired: [Int: (slug: String, removedIn: String)] = [:]
        var used: Set<Int> = []
        var problems: [Diagnostic] = []
        var previous: Revision?
        for revision in revisions {
            let slugs = Set(revision.items.ja.map(\.slug))
            for item in previous?.items.ja ?? [] where !slugs.contains(item.slug) { retired[item.no] = (item.slug, revision.date) }
            for item in revision.items.ja { used.insert(item.no) }
            for item in revision.items.ja {
                guard let holder = retired[item.no], holder.slug != item.slug, previous?.item(item.slug, .ja) == nil,
                      let source = revision.sources.ja[item.slug] else { continue }
                let free = (used.max() ?? 0) + 1
                problems.append(source.diagnostic(at: .no, "number \(item.no) was item '\(holder.slug)' until revision \(holder.removedIn) removed it",
                                                  hint: "customers cite items by number: give '\(item.slug)' a number never used, such as \(free), "
                                                      + "or keep the slug '\(holder.slug)' if it is the same item", severity: .warning))
            }
            for item in revision.items.ja where retired[item.no]?.slug == item.slug { retired[item.no] = nil }
            previous = revision
        }
        return problems
    }

    /// The English stand-in for a draft's item that has no English page yet: its Japanese, with the sections
    /// and categories named in English; every written field is then pending translation.
    static func japaneseStandIn(for item: Item, configuration: SiteConfiguration?) -> Item {
        var english = item
        if let section = configuration?.section(named: item.section, in: .ja) {
            english.section = section.name.en
            english.category = section.categories.first { $0.ja == item.category }?.en ?? item.category
        }
        return english
    }

    /// Slugs and numbers are unique per language. Numbers may have gaps: a retired item's number is not reused,
    /// because customers cite items by number.
    static func checkUnique(_ pages: [ItemPage], problems: inout [Diagnostic]) {
        var bySlug: [String: ItemPage] = [:]
        var byNumber: [Int: ItemPage] = [:]
        for page in pages.sorted(by: { $0.file < $1.file }) {
            if let first = bySlug[page.item.slug] {
                // The page whose file name says another slug is most likely the one that took this slug by mistake.
                let slug = page.item.slug
                let (taker, holder) = fileSlug(page.file) == slug && fileSlug(first.file) != slug ? (first, page) : (page, first)
                let named = fileSlug(holder.file) == slug ? fileSlug(taker.file).map { isSlug($0) ? " (this file is named for '\($0)')" : "" } ?? "" : ""
                problems.append(taker.diagnostic(at: .slug, "slug '\(slug)' is also used by \(holder.file)",
                                                 hint: "each item has its own slug; keep the published one and give the other item a new slug\(named)"))
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
    /// A draft may lack English pages (a warning): the Japanese items without one are returned.
    @discardableResult
    static func checkTranslations(_ pages: Localized<[ItemPage]>, unreadable: Localized<[SourceFile]> = .init(ja: [], en: []), revisionPath: String,
                                  configuration: SiteConfiguration?, draft: Bool = false, problems: inout [Diagnostic]) -> [Item] {
        var withoutEnglish: [Item] = []
        // A slug two pages of a language share is an error of its own. Which of them a page of the other language
        // translates is known only from a file of the same name: without one, nothing is said that the duplicate
        // may have caused (a missing page, a number to change on a page that is right).
        let shared = Localized(ja: sharedSlugs(pages.ja), en: sharedSlugs(pages.en))
        func clashes(_ page: ItemPage, _ others: [ItemPage], _ slugs: Set<String>) -> Bool {
            others.contains { slugs.contains($0.item.slug) && ($0.item.no == page.item.no || fileName($0.file) == fileName(page.file)) }
        }
        let english = Dictionary(pages.en.map { ($0.item.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let japanese = Dictionary(pages.ja.map { ($0.item.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for page in pages.ja where shared.ja.contains(page.item.slug) || seen.insert(page.item.slug).inserted {
            let ambiguous = shared.ja.contains(page.item.slug) || shared.en.contains(page.item.slug)
            let counterpart = ambiguous ? pages.en.first { $0.item.slug == page.item.slug && fileName($0.file) == fileName(page.file) } : english[page.item.slug]
            guard let translation = counterpart else {
                if ambiguous || unreadable.en.contains(where: { names($0, page) }) || clashes(page, pages.en, shared.en) { continue }
                let name = String(format: "%02d", page.item.no) + "-\(page.item.slug).md"
                problems.append(page.diagnostic(at: .slug, "item '\(page.item.slug)' has no English page",
                                                hint: "add \(revisionPath)/en/\(name), a translation of this page" + (draft ? ", or import one: `checksheet translations export`" : ""),
                                                severity: draft ? .warning : .error))
                if draft { withoutEnglish.append(page.item) }
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
        for page in pages.en where japanese[page.item.slug] == nil && !unreadable.ja.contains(where: { names($0, page) }) && !clashes(page, pages.ja, shared.ja) {
            problems.append(page.diagnostic(at: .slug, "item '\(page.item.slug)' has no Japanese page", hint: "Japanese is the source of truth: add the Japanese page first, or fix the slug to match it"))
        }
        return withoutEnglish
    }

    /// The slugs more than one of `pages` use.
    static func sharedSlugs(_ pages: [ItemPage]) -> Set<String> {
        var seen: Set<String> = []
        return Set(pages.map(\.item.slug).filter { !seen.insert($0).inserted })
    }

    /// The file's name without its folder.
    static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// The slug a page's file name gives (`04-sudden-discontinuation.md` gives `sudden-discontinuation`), if it has one.
    static func fileSlug(_ path: String) -> String? {
        guard let match = fileName(path).wholeMatch(of: /[0-9]+-(.+)\.md/) else { return nil }
        return String(match.output.1)
    }

    /// True when a page that could not be parsed is the same item as `page`: same file name, or a `slug:` line naming it.
    static func names(_ file: SourceFile, _ page: ItemPage) -> Bool {
        if (file.path as NSString).lastPathComponent == (page.file as NSString).lastPathComponent { return true }
        return file.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(60).contains { line in
            line.hasPrefix("slug:") && line.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) == page.item.slug
        }
    }
}
