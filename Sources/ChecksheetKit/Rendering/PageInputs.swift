/// What the pages are made from, as hashes computed from the model alone, without building a single view: a page's
/// fingerprint combines the few of them it reads, so a rebuild knows which pages an edit touched before it does any
/// work for them. An archived revision's pages keep their fingerprints for ever, unless something every page shows
/// (site.yml, the theme, the list of revisions) changes.
///
/// Each key must cover everything its pages show; what a key leaves out, a rebuild would leave stale. The property
/// test of random edits against clean builds (`IncrementalBuildTests`) holds this to account.
struct PageInputs: Sendable {
    /// What every page shows or depends on: the theme and the tool, the base URL, site.yml, the assets' names, the
    /// list of revisions (dates, titles, drafts) and which items the current revision holds.
    var site: String
    /// By revision date: every revision up to and including that one, in full (its items, notes, titles and translation
    /// records): what the revision's sheet, changes page and downloads show, pending translations included.
    var upTo: [String: String]
    /// By revision date: its items' numbers, slugs and names in both languages, which an item page's neighbour links show.
    var outline: [String: String]
    /// By slug, then revision date: the item in both languages and its translation records in every revision up to
    /// that one (absent ones too).
    var item: [String: [String: String]]
    /// Everything, the search synonyms included: for the pages of the current revision that show every revision.
    var all: String

    init(sheet: Sheet, renderKey: String, baseURL: String, assets: AssetCatalog) {
        var site = ContentHash()
        site.add(part: renderKey)
        site.add(part: baseURL)
        site.add(part: String(reflecting: sheet.configuration))
        for image in [sheet.configuration.logo, sheet.configuration.favicon] {
            site.add(part: image?.contents.map { ContentHash($0).hex } ?? "-")
        }
        for name in assets.paths.keys.sorted() { site.add(part: name + " " + assets.paths[name]!) }
        for revision in sheet.revisions {
            site.add(part: revision.date)
            site.add(part: revision.title.ja)
            site.add(part: revision.title.en)
            site.add(integer: revision.draft ? 1 : 0)
        }
        for language in Language.allCases {
            for item in sheet.current?.items[language] ?? [] { site.add(part: item.slug) }
            site.add(part: "|")
        }
        self.site = site.hex

        var upTo: [String: String] = [:], outline: [String: String] = [:], item: [String: [String: String]] = [:]
        var running = ContentHash()
        var histories: [String: ContentHash] = [:]
        // Each item's own hash, every revision's on all cores; what follows chains them in order.
        let itemHashes = sheet.revisions.parallelMap(spreadingFrom: 2) { revision in
            Localized(ja: revision.items.ja.map(ContentHash.init(item:)), en: revision.items.en.map(ContentHash.init(item:)))
        }
        for (revision, hashes) in zip(sheet.revisions, itemHashes) {
            var shape = ContentHash()
            running.add(part: revision.date)
            for text in [revision.title.ja, revision.title.en, revision.notes.ja, revision.notes.en] { running.add(part: text) }
            running.add(integer: revision.draft ? 1 : 0)
            for slug in revision.withoutEnglish { running.add(part: slug) }
            var here: [String: ContentHash] = [:]
            for language in Language.allCases {
                for (entry, one) in zip(revision.items[language], hashes[language]) {
                    running.add(integer: Int(bitPattern: UInt(one.value)))
                    here[entry.slug, default: ContentHash()].add(part: language.rawValue + " " + one.hex)
                    shape.add(integer: entry.no)
                    shape.add(part: entry.slug)
                    shape.add(part: entry.item)
                }
                running.add(part: "|")
                shape.add(part: "|")
            }
            // What the import recorded decides which English fields are pending: the revision's pages and its items' own.
            let records = revision.translationRecords.records
            for key in records.keys.sorted() {
                let record = key + " " + records[key]!.japanese + " " + records[key]!.english
                running.add(part: record)
                if let slug = key.split(separator: "/").first.map(String.init), here[slug] != nil { here[slug]!.add(part: record) }
            }
            upTo[revision.date] = running.hex
            outline[revision.date] = shape.hex
            // Every item seen so far takes this revision into its history, present or not.
            for slug in here.keys where histories[slug] == nil { histories[slug] = ContentHash() }
            for slug in histories.keys {
                histories[slug]!.add(part: revision.date)
                histories[slug]!.add(part: here[slug]?.hex ?? "absent")
                item[slug, default: [:]][revision.date] = histories[slug]!.hex
            }
        }
        self.upTo = upTo
        self.outline = outline
        self.item = item
        var all = ContentHash()
        all.add(part: running.hex)
        for group in sheet.synonyms.groups + [sheet.synonyms.general] {
            for word in group { all.add(part: word) }
            all.add(part: "|")
        }
        self.all = all.hex
    }

    /// The fingerprint of a page made from these keys with a template.
    static func fingerprint(template: String?, keys: [String]) -> String {
        var hash = ContentHash()
        hash.add(part: template ?? "-")
        for key in keys { hash.add(part: key) }
        return hash.hex
    }
}

extension ContentHash {
    /// A string preceded by its length, so that consecutive parts cannot run into each other ("ab" + "c" ≠ "a" + "bc").
    mutating func add(part: String) {
        add(integer: part.utf8.count)
        add(part)
    }

    /// The hash of an item's fields alone.
    init(item: Item) {
        self.init()
        add(item: item)
    }

    /// Every field of an item, each a part.
    mutating func add(item: Item) {
        add(integer: item.no)
        for text in [item.slug, item.section, item.category, item.item, item.definition, item.unit, item.answer] { add(part: text) }
        add(integer: item.keywords.count)
        for keyword in item.keywords { add(part: keyword) }
    }
}
