import Foundation

/// Turns an imported sheet into the files of a new revision folder. Pure.
public enum RevisionImport {
    public struct Outcome: Sendable, Equatable {
        /// Paths relative to the revision folder: `revision.yml`, `ja/NN-slug.md`, `en/NN-slug.md`.
        public var files: [OutputFile]
        /// Japanese items whose English page must be written (new, or changed since the English was written).
        public var needsEnglish: [Item]
        /// Items that got a slug no earlier revision or glossary gave: to be renamed before publishing.
        public var provisionalSlugs: [Item]
        /// Files of the replaced revision kept as they are (relative paths): its `revision.yml`, English pages the
        /// import could not match to an item, anything else the docs team put there. Never a translation lost.
        public var keptFiles: [String] = []
        /// Kept English pages of items the sheet no longer has (relative paths), for the person to decide.
        public var orphanedEnglish: [String] = []
        /// What the import took differently from what the export says, or what will keep the revision from building.
        public var warnings: [Diagnostic] = []
        /// Items of the revision compared with (the replaced one, else the previous one) that the sheet no longer has.
        public var removed: [Item] = []
        /// English pages of the replaced revision that translated Japanese this import changed: their changed fields
        /// went back to the previous revision's English, which the history then marks as pending (`reset`), or, with
        /// no earlier English to go back to, the page was left out, so that the item shows as having no English
        /// (`withdrawn`). Either way no English that says something the Japanese no longer says stays unmarked.
        public var resetEnglish: [String] = []
        public var withdrawnEnglish: [String] = []
    }

    /// The revision of the import's own date, replaced with `--force`: its slugs and English come first.
    public struct Replaced: Sendable, Equatable {
        /// What could be read of it (pages that do not parse are left out).
        public var revision: Revision
        /// Every file in its folder, relative to the folder.
        public var files: [String]
        /// The English page of each slug, relative to the folder.
        public var englishPages: [String: String]

        public init(revision: Revision, files: [String], englishPages: [String: String]) {
            self.revision = revision
            self.files = files
            self.englishPages = englishPages
        }
    }

    /// - Parameters:
    ///   - previous: the newest revision before `date`, whose slugs and English pages carry over.
    ///   - glossary: slugs for items no earlier revision names (the first import).
    ///   - later: the oldest revision after `date` when back-filling history: its slugs are kept too.
    ///   - replacing: the revision of `date` itself, replaced by `import --force`.
    public static func make(_ sheet: ImportedSheet, date: String, previous: Revision?, glossary: SlugGlossary?, sections: [Section] = [],
                            later: Revision? = nil, replacing: Replaced? = nil) -> Outcome {
        let neighbours = [replacing?.revision, previous, later].compactMap { $0 }
        let laterIndex = later == nil ? nil : neighbours.count - 1
        let slugs = assignSlugs(sheet.rows, neighbours: neighbours.map(\.items.ja), glossary: glossary)
        func bySlug(_ items: [Item]?) -> [String: Item] {
            Dictionary((items ?? []).map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        }
        // A draft's stand-ins for missing English pages are Japanese: never carried over as English.
        let sources = neighbours.map { revision in
            (ja: bySlug(revision.items.ja), en: bySlug(revision.items.en.filter { !revision.withoutEnglish.contains($0.slug) }))
        }

        let replacedMetadata = replacing.flatMap { $0.files.contains("revision.yml") ? "revision.yml" : nil }
        let title = sheet.japaneseTitle(for: date)
        var warnings = replacedMetadata == nil ? [title.warning].compactMap { $0 } : []
        var files: [OutputFile] = replacedMetadata == nil ? [OutputFile(path: "revision.yml", text: RevisionMetadata.source(date: date, japaneseTitle: title.title))] : []
        warnings += unlisted(sheet, sections: sections)
        var needsEnglish: [Item] = []
        var provisional: [Item] = []
        var movedEnglish: Set<String> = []
        var resetEnglish: [String] = [], withdrawnEnglish: [String] = []
        var keptEnglish: Set<String> = []
        for (row, slug) in zip(sheet.rows, slugs) {
            var item = Item(no: row.no, slug: slug.value, section: row.section, category: row.category, item: row.item,
                            definition: row.definition, unit: row.unit, answer: Markdown.escaped(row.answer))
            let earlier = sources.lazy.compactMap { $0.ja[item.slug] }.first
            item.keywords = earlier?.keywords ?? []
            if let earlier, earlier.plainAnswer == row.answer {
                // Same text: keep the earlier Markdown so that formatting the docs team added is not lost.
                item.answer = earlier.answer
            }
            let name = Item.pageName(item)
            files.append(OutputFile(path: "ja/" + name, text: item.pageSource))
            // The replaced revision's own English first, then the earlier revision's; a later revision's only when
            // it translates exactly this Japanese. Changed items keep their English: the history marks it pending.
            let translation = sources.indices.lazy.compactMap { index -> (english: Item, japanese: Item?)? in
                guard let english = sources[index].en[item.slug] else { return nil }
                let japanese = sources[index].ja[item.slug]
                if index == laterIndex, japanese.map({ !sameJapanese($0, item) }) ?? true { return nil }
                return (english, japanese)
            }.first
            var english = translation?.english
            if let replacing, let translated = translation, let japanese = translated.japanese, !sameJapanese(japanese, item),
               replacing.revision.item(item.slug, .en) == translated.english, let page = replacing.englishPages[item.slug] {
                // The replaced revision's own English translates Japanese this import changed. Kept, it would say
                // what the Japanese no longer says with nothing to mark it: the history only compares revisions.
                let changed = SheetHistory.translatedFields.filter { japanese.value(of: $0) != item.value(of: $0) }
                if let previous, let before = previous.item(item.slug, .en), previous.item(item.slug, .ja) != nil {
                    english?.take(changed, from: before)
                    if english != translated.english { resetEnglish.append(page) }
                } else {
                    english = nil
                    movedEnglish.insert(page)
                    withdrawnEnglish.append(page)
                }
            }
            if var english {
                english.no = item.no
                english.section = Self.translate(item.section, from: translation?.japanese?.section, to: english.section, sections: sections, category: false)
                english.category = Self.translate(item.category, from: translation?.japanese?.category, to: english.category, sections: sections, category: true)
                if let replacing, let page = replacing.englishPages[item.slug], replacing.revision.item(item.slug, .en) != nil {
                    // The replaced revision's own page: kept byte for byte unless its number or taxonomy moved.
                    if page == "en/" + name, replacing.revision.item(item.slug, .en) == english {
                        keptEnglish.insert(page)
                    } else {
                        movedEnglish.insert(page)
                        files.append(OutputFile(path: "en/" + name, text: english.pageSource))
                    }
                } else {
                    files.append(OutputFile(path: "en/" + name, text: english.pageSource))
                }
            }
            if translation == nil || translation!.japanese.map({ !sameJapanese($0, item) }) ?? true {
                needsEnglish.append(item)
            }
            if slug.provisional { provisional.append(item) }
        }

        var kept: [String] = []
        var orphaned: [String] = []
        if let replacing {
            let written = Set(files.map(\.path))
            let slugsNow = Set(slugs.map(\.value))
            let slugOfPage = Dictionary(replacing.englishPages.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for path in replacing.files.sorted() where !movedEnglish.contains(path) {
                // The sheet is the source of the Japanese pages; everything else of the folder stays.
                if path.hasPrefix("ja/") && path.hasSuffix(".md") && !path.dropFirst(3).contains("/") { continue }
                kept.append(path)
                if !keptEnglish.contains(path), let slug = slugOfPage[path], !slugsNow.contains(slug) { orphaned.append(path) }
                if written.contains(path) { files.removeAll { $0.path == path } }
            }
        }
        let slugsNow = Set(slugs.map(\.value))
        let removed = (replacing?.revision ?? previous)?.items.ja.filter { !slugsNow.contains($0.slug) } ?? []
        return Outcome(files: files, needsEnglish: needsEnglish, provisionalSlugs: provisional, keptFiles: kept, orphanedEnglish: orphaned,
                       warnings: warnings.sorted(), removed: removed, resetEnglish: resetEnglish, withdrawnEnglish: withdrawnEnglish)
    }

    /// A warning for each section, and each category of a section, that site.yml does not list: the revision is
    /// written, but it cannot build until site.yml names them (with their English), so the import says so at once.
    static func unlisted(_ sheet: ImportedSheet, sections: [Section]) -> [Diagnostic] {
        guard !sections.isEmpty else { return [] }
        var warned: Set<String> = []
        var warnings: [Diagnostic] = []
        for row in sheet.rows {
            guard let section = sections.first(where: { $0.name.ja == row.section }) else {
                if warned.insert("section\t" + row.section).inserted {
                    warnings.append(Diagnostic(file: sheet.file, line: row.line, severity: .warning, message: "section '\(row.section)' is not in site.yml",
                                               hint: "add it to site.yml's `sections`, with its English name and its categories, before building; the revision cannot build until then"))
                }
                continue
            }
            if !section.categories.contains(where: { $0.ja == row.category }), warned.insert(row.section + "\t" + row.category).inserted {
                warnings.append(Diagnostic(file: sheet.file, line: row.line, column: row.categoryColumn, severity: .warning,
                                           message: "category '\(row.category)' is not listed under section '\(row.section)' in site.yml",
                                           hint: "add it to that section's `categories` in site.yml, with its English name, before building; the revision cannot build until then"))
            }
        }
        return warnings
    }

    /// The English section or category for a Japanese one that may have moved: from site.yml when known.
    static func translate(_ japanese: String, from old: String?, to english: String, sections: [Section], category: Bool) -> String {
        if japanese == old { return english }
        let names = category ? sections.flatMap(\.categories) : sections.map(\.name)
        return names.first { $0.ja == japanese }?.en ?? english
    }

    static func sameJapanese(_ a: Item, _ b: Item) -> Bool {
        a.section == b.section && a.category == b.category && a.item == b.item && a.definition == b.definition && a.unit == b.unit && a.answer == b.answer
    }

    /// Keeps every slug that can be kept: by name in any neighbouring revision (the replaced one, the earlier, the
    /// later), then in the glossary; then by number in the same order. A provisional slug never takes one of theirs.
    static func assignSlugs(_ rows: [ImportedSheet.Row], neighbours: [[Item]], glossary: SlugGlossary?) -> [(value: String, provisional: Bool)] {
        var assigned: [String?] = Array(repeating: nil, count: rows.count)
        var taken: Set<String> = []
        let sources: [[(no: Int, item: String, slug: String)]] = neighbours.map { $0.map { ($0.no, $0.item, $0.slug) } }
            + [(glossary?.entries ?? []).map { ($0.no, $0.item, $0.slug) }]
        for byName in [true, false] {
            for source in sources {
                let index = Dictionary(grouping: source, by: { byName ? $0.item : String($0.no) })
                for (position, row) in rows.enumerated() where assigned[position] == nil {
                    if let match = index[byName ? row.item : String(row.no)]?.first(where: { !taken.contains($0.slug) }) {
                        assigned[position] = match.slug
                        taken.insert(match.slug)
                    }
                }
            }
        }
        let reserved = taken.union(sources.joined().map(\.slug))
        var used = reserved
        return rows.enumerated().map { index, row in
            if let slug = assigned[index] { return (slug, false) }
            var candidate = "item-\(row.no)"
            var suffix = 2
            while used.contains(candidate) {
                candidate = "item-\(row.no)-\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            return (candidate, true)
        }
    }
}
