import Foundation

/// Turns an imported sheet into the files of a new revision folder. Pure.
public enum RevisionImport {
    public struct Outcome: Sendable, Equatable {
        /// Paths relative to the revision folder: `revision.yml`, `ja/NN-slug.md`, `en/NN-slug.md`, `.imported.yml`,
        /// and `translations.yml` when the import changed what it records.
        public var files: [OutputFile]
        /// Japanese items whose English page must be written (new, or changed since the English was written).
        public var needsEnglish: [Item]
        /// Items that got a slug no earlier revision or glossary gave: to be renamed before publishing.
        public var provisionalSlugs: [Item]
        /// Files of the replaced revision kept as they are (relative paths): its `revision.yml`, its English pages
        /// (every one: an import never deletes English), anything else the docs team put there.
        public var keptFiles: [String] = []
        /// Kept English pages of items the sheet no longer has (relative paths), for the person to decide.
        public var orphanedEnglish: [String] = []
        /// What the import took differently from what the export says, or what will keep the revision from building.
        public var warnings: [Diagnostic] = []
        /// Items of the revision compared with (the replaced one, else the previous one) that the sheet no longer has.
        public var removed: [Item] = []
        /// Items of the replaced draft whose Japanese this import changed: what it replaced, and which English fields
        /// are now pending translation (the others keep the draft's English).
        public var replaced: [ReplacedItem] = []
        /// Japanese pages of the replaced draft edited by hand since it was imported, whose edits the sheet's text
        /// replaced (relative paths, and the fields that differ from the sheet).
        public var overwrittenEdits: [OverwrittenEdit] = []
        /// Items of the replaced draft that the import left as they were.
        public var unchanged = 0
    }

    /// An item of the replaced draft that the import changed.
    public struct ReplacedItem: Sendable, Equatable {
        public var item: Item
        /// The Japanese fields that changed, in schema order.
        public var fields: [Field]
        /// The English fields now pending translation because of it; nil when the item has no English at all.
        public var pendingEnglish: [Field]?
    }

    /// A hand edit of a Japanese page that the sheet's text replaced.
    public struct OverwrittenEdit: Sendable, Equatable {
        /// The page, relative to the revision folder.
        public var path: String
        /// Fields where the edited page differs from the sheet.
        public var fields: [Field]
        /// The page was added by hand (no import wrote it) for an item the sheet does not have: the import deletes it.
        public var addedByHand = false
    }

    /// The revision of the import's own date, replaced with `--force`: its slugs and English come first.
    public struct Replaced: Sendable, Equatable {
        /// What could be read of it (pages that do not parse are left out), with its `draft` flag and the
        /// records of `translations.yml`.
        public var revision: Revision
        /// Every file in its folder, relative to the folder.
        public var files: [String]
        /// The English page of each slug, relative to the folder.
        public var englishPages: [String: String]
        /// The Japanese page of each slug, relative to the folder, and the hash of its text now.
        public var japanesePages: [String: (path: String, hash: String)]
        /// The hash of each Japanese page as the last import wrote it (`.imported.yml`), by relative path.
        public var imported: [String: String]

        public init(revision: Revision, files: [String], englishPages: [String: String],
                    japanesePages: [String: (path: String, hash: String)] = [:], imported: [String: String] = [:]) {
            self.revision = revision
            self.files = files
            self.englishPages = englishPages
            self.japanesePages = japanesePages
            self.imported = imported
        }

        public static func == (a: Replaced, b: Replaced) -> Bool {
            a.revision == b.revision && a.files == b.files && a.englishPages == b.englishPages && a.imported == b.imported
                && a.japanesePages.mapValues { [$0.path, $0.hash] } == b.japanesePages.mapValues { [$0.path, $0.hash] }
        }
    }

    /// The file, in the revision folder, that records what the import wrote into each Japanese page.
    public static let importRecordName = ".imported.yml"

    /// Fields an import compares and reports, in schema order.
    static let sheetFields: [Field] = [.no, .section, .category, .item, .definition, .unit, .answer]

    /// - Parameters:
    ///   - previous: the newest revision before `date`, whose slugs and English pages carry over.
    ///   - glossary: slugs for items no earlier revision names (the first import).
    ///   - later: the oldest revision after `date` when back-filling history: its slugs are kept too.
    ///   - replacing: the draft of `date` itself, replaced by `import --force` (a published revision is refused before).
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
        var keptEnglish: Set<String> = []
        var replacedItems: [ReplacedItem] = []
        var unchanged = 0
        var overwritten: [OverwrittenEdit] = []
        var imported: [String: String] = [:]
        var records = replacing?.revision.translationRecords ?? TranslationRecords()
        for (row, slug) in zip(sheet.rows, slugs) {
            if let displaced = slug.displaced {
                warnings.append(Diagnostic(file: sheet.file, line: row.line, severity: .warning,
                                           message: "item \(row.no) '\(row.item)' has the number of '\(displaced.slug)' (\(displaced.item)) of an earlier revision, but neither its name nor its definition: it is a new item, with the provisional slug '\(slug.value)'",
                                           hint: "if it is that item rewritten, keep its name or its definition in this import and change the rest afterwards, so that it keeps its URL and English; otherwise name its slug before publishing"))
            }
            var item = Item(no: row.no, slug: slug.value, section: row.section, category: row.category, item: row.item,
                            definition: row.definition, unit: row.unit, answer: Markdown.escaped(row.answer))
            let earlier = sources.lazy.compactMap { $0.ja[item.slug] }.first
            item.keywords = earlier?.keywords ?? []
            let earlierRevision = earlier.flatMap { earlier in neighbours.first { $0.item(item.slug, .ja) == earlier } }
            if let earlier, let earlierRevision {
                warnings += reformattedCells(row, earlier: earlier, of: earlierRevision.date, file: sheet.file)
            }
            if let earlier {
                // A cell that differs from the earlier text only by a Shift_JIS table's variant characters is the same text.
                if ShiftJISVariants.same(item.section, earlier.section) { item.section = earlier.section }
                if ShiftJISVariants.same(item.category, earlier.category) { item.category = earlier.category }
                if ShiftJISVariants.same(item.item, earlier.item) { item.item = earlier.item }
                if ShiftJISVariants.same(item.definition, earlier.definition) { item.definition = earlier.definition }
                if ShiftJISVariants.same(item.unit, earlier.unit) { item.unit = earlier.unit }
                if ShiftJISVariants.same(earlier.plainAnswer, row.answer) {
                    // Same text: keep the earlier Markdown so that formatting the docs team added is not lost.
                    item.answer = earlier.answer
                } else if let carried = AnswerEdit.carried(into: earlier.answer, before: earlier.plainAnswer, after: row.answer) {
                    // An edit of the text alone: made in the Markdown, its links, lists and emphasis kept.
                    item.answer = carried
                } else if AnswerEdit.isFormatted(earlier.answer) {
                    let source = earlierRevision?.sources.ja[item.slug]?.file
                    warnings.append(Diagnostic(file: sheet.file, line: row.line, column: row.columns[.answer] ?? 0, severity: .warning,
                                               message: "the answer of '\(item.slug)' had formatting a cell cannot hold (a link, a list, emphasis), and this edit of it could not be carried into its Markdown: the page takes the cell's text, without the formatting",
                                               hint: "put the formatting back in the imported page ja/\(Item.pageName(item))" + (source.map { "; \($0) has it" } ?? "")
                                                   + ", or make such edits in the Markdown page rather than in the sheet"))
                }
            }
            let name = Item.pageName(item)
            let page = OutputFile(path: "ja/" + name, text: item.pageSource)
            files.append(page)
            imported[page.path] = TranslationRecords.hash(item.pageSource)
            if let replacing, let edit = overwrittenEdit(of: item, page: item.pageSource, in: replacing, previous: previous) { overwritten.append(edit) }
            // The replaced draft's own English first, then the earlier revision's; a later revision's only when
            // it translates exactly this Japanese. Changed items keep their English: the history marks it pending.
            let translation = sources.indices.lazy.compactMap { index -> (english: Item, japanese: Item?)? in
                guard let english = sources[index].en[item.slug] else { return nil }
                let japanese = sources[index].ja[item.slug]
                if index == laterIndex, japanese.map({ !sameJapanese($0, item) }) ?? true { return nil }
                return (english, japanese)
            }.first
            var pendingEnglish: [Field]?
            if let replacing, let translated = translation, let japanese = translated.japanese,
               replacing.revision.item(item.slug, .en) == translated.english {
                // The draft's own English: every field is kept; a field whose Japanese this import changed is pending
                // unless it translates the new Japanese already.
                pendingEnglish = pending(item, draftJapanese: japanese, english: translated.english, previous: previous, records: &records)
            }
            if let replacing, let old = replacing.revision.item(item.slug, .ja) {
                if sameJapanese(old, item) && old.no == item.no {
                    unchanged += 1
                } else {
                    let stillPending = pendingEnglish ?? translation.map { translated in
                        SheetHistory.translatedFields.filter { translated.japanese?.value(of: $0) != item.value(of: $0) }
                    }
                    replacedItems.append(ReplacedItem(item: item, fields: sheetFields.filter { old.value(of: $0) != item.value(of: $0) }, pendingEnglish: stillPending))
                }
            }
            if var carried = translation?.english {
                carried.no = item.no
                carried.section = Self.english(section: item.section, carried: carried.section, sections: sections)
                carried.category = Self.english(category: item.category, in: item.section, carried: carried.category, sections: sections)
                if let replacing, let page = replacing.englishPages[item.slug], replacing.revision.item(item.slug, .en) != nil {
                    // The replaced draft's own page: kept byte for byte unless its number or taxonomy moved.
                    if page == "en/" + name, replacing.revision.item(item.slug, .en) == carried {
                        keptEnglish.insert(page)
                    } else {
                        movedEnglish.insert(page)
                        files.append(OutputFile(path: "en/" + name, text: carried.pageSource))
                    }
                } else {
                    files.append(OutputFile(path: "en/" + name, text: carried.pageSource))
                }
            }
            if let pendingEnglish {
                if !pendingEnglish.isEmpty { needsEnglish.append(item) }
            } else if translation == nil || translation!.japanese.map({ !sameJapanese($0, item) }) ?? true {
                needsEnglish.append(item)
            }
            if slug.provisional { provisional.append(item) }
        }
        let slugsNow = Set(slugs.map(\.value))
        if let replacing {
            // Hand edits of pages of items the sheet no longer has go with the page: said too.
            for (slug, page) in replacing.japanesePages.sorted(by: { $0.value.path < $1.value.path }) where !slugsNow.contains(slug) {
                if let old = replacing.revision.item(slug, .ja), editedByHand(old, page: page, in: replacing, previous: previous) {
                    overwritten.append(OverwrittenEdit(path: page.path, fields: [], addedByHand: addedByHand(slug, page: page.path, in: replacing, previous: previous)))
                }
            }
        }
        records.records = records.records.filter { slugsNow.contains(String($0.key.prefix { $0 != "/" })) }
        let recordsChanged = records != (replacing?.revision.translationRecords ?? TranslationRecords())
        if recordsChanged { files.append(OutputFile(path: TranslationRecords.fileName, text: records.source)) }
        files.append(OutputFile(path: importRecordName, text: importRecordSource(imported)))

        var kept: [String] = []
        var orphaned: [String] = []
        if let replacing {
            let written = Set(files.map(\.path))
            let slugOfPage = Dictionary(replacing.englishPages.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for path in replacing.files.sorted() where !movedEnglish.contains(path) {
                // The sheet is the source of the Japanese pages; the import writes its own records anew; everything
                // else of the folder stays.
                if path.hasPrefix("ja/") && path.hasSuffix(".md") && !path.dropFirst(3).contains("/") { continue }
                if path == importRecordName || (path == TranslationRecords.fileName && recordsChanged) { continue }
                kept.append(path)
                if !keptEnglish.contains(path), let slug = slugOfPage[path], !slugsNow.contains(slug) { orphaned.append(path) }
                if written.contains(path) { files.removeAll { $0.path == path } }
            }
        }
        let removed = (replacing?.revision ?? previous)?.items.ja.filter { !slugsNow.contains($0.slug) } ?? []
        return Outcome(files: files, needsEnglish: needsEnglish, provisionalSlugs: provisional, keptFiles: kept, orphanedEnglish: orphaned,
                       warnings: warnings.sorted(), removed: removed, replaced: replacedItems, overwrittenEdits: overwritten, unchanged: unchanged)
    }

    /// Which English fields of a draft's item are pending after the import changed its Japanese from `draftJapanese`
    /// to `item`'s. The English of a field translates, in this order: the Japanese that `translations.yml` records for
    /// it while the English is as recorded; the previous revision's Japanese while it is the previous revision's
    /// English (the history compares them); else the draft's Japanese, as English written by hand does. A field whose
    /// translated Japanese is not the new one is pending; where the history would not say so, a record in
    /// `translations.yml` does, so the translator's English stays and is marked.
    static func pending(_ item: Item, draftJapanese: Item, english: Item, previous: Revision?, records: inout TranslationRecords) -> [Field] {
        var pending: [Field] = []
        for field in SheetHistory.translatedFields where draftJapanese.value(of: field) != item.value(of: field) {
            let text = english.value(of: field)
            let now = TranslationRecords.hash(item.value(of: field))
            var translated = TranslationRecords.hash(draftJapanese.value(of: field))
            var historySays = false
            if let record = records.record(item.slug, field), record.english == TranslationRecords.hash(text) {
                translated = record.japanese
            } else if let before = previous?.item(item.slug, .en), let japanese = previous?.item(item.slug, .ja), before.value(of: field) == text {
                translated = TranslationRecords.hash(japanese.value(of: field))
                historySays = true
            }
            guard translated != now else { continue }
            pending.append(field)
            if !historySays { records.records["\(item.slug)/\(field.rawValue)"] = TranslationRecords.Record(japanese: translated, english: TranslationRecords.hash(text)) }
        }
        return pending
    }

    /// A warning at each cell that is a bare number (`0.999`, `45658`) where the earlier revision's text is not one
    /// (`99.9%以上`, an answer in words): most likely Excel reformatted the cell, a percentage as a fraction and a
    /// date-like text as its serial number, and the import would publish the number as a change.
    static func reformattedCells(_ row: ImportedSheet.Row, earlier: Item, of date: String, file: String) -> [Diagnostic] {
        func isNumber(_ text: String) -> Bool {
            let trimmed = text.trimmed
            return ImportedSheet.excelNumber(trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed) != nil
        }
        let cells: [(SheetColumn, String, String)] = [(.item, row.item, earlier.item), (.definition, row.definition, earlier.definition),
                                                      (.unit, row.unit, earlier.unit), (.answer, row.answer, earlier.plainAnswer)]
        return cells.compactMap { column, now, before -> Diagnostic? in
            guard isNumber(now), !isNumber(before) else { return nil }
            let shown = before.count > 40 ? String(before.prefix(39)) + "…" : before
            return Diagnostic(file: file, line: row.line, column: row.columns[column] ?? 0, severity: .warning,
                              message: "item \(row.no)'s \(column.japanese) is the bare number '\(now)', where the revision of \(date) has '\(shown)'",
                              hint: "Excel reformats a cell whose format is a number: 99.9% becomes 0.999, a date its serial number (45658); "
                                  + "format the column as text (文字列), write the cell again and export again, unless the number is what the sheet says")
        }
    }

    /// The hand edit of the draft's page of `item` that the sheet's `page` text replaces, if any.
    static func overwrittenEdit(of item: Item, page: String, in replacing: Replaced, previous: Revision?) -> OverwrittenEdit? {
        guard let current = replacing.japanesePages[item.slug], current.hash != TranslationRecords.hash(page),
              let old = replacing.revision.item(item.slug, .ja), editedByHand(old, page: current, in: replacing, previous: previous) else { return nil }
        return OverwrittenEdit(path: current.path, fields: sheetFields.filter { old.value(of: $0) != item.value(of: $0) })
    }

    /// Whether a draft's Japanese page differs from what made it: the last import's text as `.imported.yml` records it,
    /// or, without a record (a draft started by `new-revision`, a copy), the previous revision's item.
    static func editedByHand(_ old: Item, page: (path: String, hash: String), in replacing: Replaced, previous: Revision?) -> Bool {
        if let recorded = replacing.imported[page.path] { return recorded != page.hash }
        if addedByHand(old.slug, page: page.path, in: replacing, previous: previous) { return true }
        if replacing.imported.isEmpty, let before = previous?.item(old.slug, .ja) {
            var copy = old
            copy.keywords = before.keywords
            return copy != before
        }
        return false
    }

    /// Whether a draft's Japanese page was added by hand: no import wrote it (`.imported.yml` does not list it), or,
    /// without a record, the revision it was copied from has no such item.
    static func addedByHand(_ slug: String, page: String, in replacing: Replaced, previous: Revision?) -> Bool {
        replacing.imported.isEmpty ? previous.map { $0.item(slug, .ja) == nil } ?? false : replacing.imported[page] == nil
    }

    /// The text of `.imported.yml`: a comment, then each Japanese page and the hash of the text the import wrote.
    static func importRecordSource(_ hashes: [String: String]) -> String {
        "# Written by `checksheet import`: the hash of each Japanese page as the import wrote it, so that the next import of\n"
            + "# this draft can tell pages edited by hand since. Not edited by hand.\n"
            + hashes.keys.sorted().map { "\($0): '\(hashes[$0]!)'\n" }.joined()
    }

    /// The pages and hashes an `.imported.yml` records; nothing from a file not as the import writes it.
    public static func importRecord(parsing text: String) -> [String: String] {
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let match = line.wholeMatch(of: /(ja\/[^:\s]+\.md): '([0-9a-f]{16})'/) else { return [:] }
            hashes[String(match.output.1)] = String(match.output.2)
        }
        return hashes
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

    /// The English name of a section: site.yml's, whenever it names the Japanese one (so that a renamed section
    /// never carries its old English over), else the carried English.
    static func english(section japanese: String, carried: String, sections: [Section]) -> String {
        sections.first { $0.name.ja == japanese }?.name.en ?? carried
    }

    /// The English name of a category of a section: site.yml's, whenever it lists it, else the carried English.
    static func english(category japanese: String, in section: String, carried: String, sections: [Section]) -> String {
        let listed = sections.first { $0.name.ja == section }?.categories ?? sections.flatMap(\.categories)
        return listed.first { $0.ja == japanese }?.en ?? carried
    }

    static func sameJapanese(_ a: Item, _ b: Item) -> Bool {
        a.section == b.section && a.category == b.category && a.item == b.item && a.definition == b.definition && a.unit == b.unit && a.answer == b.answer
    }

    /// Keeps every slug that can be kept: by name in any neighbouring revision (the replaced one, the earlier, the
    /// later), then in the glossary; then by number in the same order, but not when both the name and the definition
    /// differ (another item under a retired number would inherit its URL and English): such an item is new, and says
    /// whose number it has (`displaced`). Names compare as `ShiftJISVariants` does. A provisional slug never takes one of theirs.
    static func assignSlugs(_ rows: [ImportedSheet.Row], neighbours: [[Item]], glossary: SlugGlossary?)
        -> [(value: String, provisional: Bool, displaced: (slug: String, item: String)?)] {
        var assigned: [String?] = Array(repeating: nil, count: rows.count)
        var displaced: [(slug: String, item: String)?] = Array(repeating: nil, count: rows.count)
        var taken: Set<String> = []
        typealias Entry = (no: Int, item: String, definition: String?, slug: String)
        let sources: [[Entry]] = neighbours.map { $0.map { ($0.no, $0.item, $0.definition, $0.slug) } }
            + [(glossary?.entries ?? []).map { ($0.no, $0.item, nil, $0.slug) }]
        for byName in [true, false] {
            for source in sources {
                let index = Dictionary(grouping: source, by: { byName ? ShiftJISVariants.folded($0.item) : String($0.no) })
                for (position, row) in rows.enumerated() where assigned[position] == nil {
                    guard let match = index[byName ? ShiftJISVariants.folded(row.item) : String(row.no)]?.first(where: { !taken.contains($0.slug) }) else { continue }
                    if !byName, let definition = match.definition, !ShiftJISVariants.same(match.item, row.item), !ShiftJISVariants.same(definition, row.definition) {
                        if displaced[position] == nil { displaced[position] = (match.slug, match.item) }
                        continue
                    }
                    assigned[position] = match.slug
                    taken.insert(match.slug)
                }
            }
        }
        let reserved = taken.union(sources.joined().map(\.slug))
        var used = reserved
        return rows.enumerated().map { index, row in
            if let slug = assigned[index] { return (slug, false, nil) }
            var candidate = "item-\(row.no)"
            var suffix = 2
            while used.contains(candidate) {
                candidate = "item-\(row.no)-\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            return (candidate, true, displaced[index])
        }
    }
}
