import Foundation

/// Turns an imported sheet into the files of a new revision folder. Pure.
public enum RevisionImport {
    public struct Outcome: Sendable, Equatable {
        /// Paths relative to the revision folder: `revision.yml`, `ja/NN-slug.md`, `en/NN-slug.md`.
        public var files: [OutputFile]
        /// Japanese items whose English page must be written (new, or changed since the earlier revision).
        public var needsEnglish: [Item]
        /// Items that got a slug no earlier revision or glossary gave: to be renamed before publishing.
        public var provisionalSlugs: [Item]
    }

    /// - Parameters:
    ///   - previous: the newest revision before `date`, whose slugs and English pages carry over.
    ///   - glossary: slugs for items no earlier revision names (the first import).
    public static func make(_ sheet: ImportedSheet, date: String, previous: Revision?, glossary: SlugGlossary?, sections: [Section] = []) -> Outcome {
        let slugs = assignSlugs(sheet.rows, previous: previous?.items.ja ?? [], glossary: glossary)
        let previousJapanese = Dictionary((previous?.items.ja ?? []).map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let previousEnglish = Dictionary((previous?.items.en ?? []).map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })

        var files: [OutputFile] = [OutputFile(path: "revision.yml", text: RevisionMetadata.source(date: date, japaneseTitle: sheet.edition))]
        var needsEnglish: [Item] = []
        var provisional: [Item] = []
        for (row, slug) in zip(sheet.rows, slugs) {
            var item = Item(no: row.no, slug: slug.value, section: row.section, category: row.category, item: row.item,
                            definition: row.definition, unit: row.unit, answer: Markdown.escaped(row.answer))
            let earlier = previousJapanese[item.slug]
            item.keywords = earlier?.keywords ?? []
            if let earlier, Markdown.plainText(earlier.answer) == row.answer {
                // Same text: keep the earlier Markdown so that formatting the docs team added is not lost.
                item.answer = earlier.answer
            }
            let name = Item.pageName(item)
            files.append(OutputFile(path: "ja/" + name, text: item.pageSource))
            if var english = previousEnglish[item.slug] {
                // Carried over even when the Japanese changed: the history then marks those fields
                // "translation pending" and shows the Japanese, so outdated English never passes as current.
                english.no = item.no
                english.section = Self.translate(item.section, from: earlier?.section, to: english.section, sections: sections, category: false)
                english.category = Self.translate(item.category, from: earlier?.category, to: english.category, sections: sections, category: true)
                files.append(OutputFile(path: "en/" + name, text: english.pageSource))
            }
            if earlier == nil || !sameJapanese(earlier!, item) || previousEnglish[item.slug] == nil {
                needsEnglish.append(item)
            }
            if slug.provisional { provisional.append(item) }
        }
        return Outcome(files: files, needsEnglish: needsEnglish, provisionalSlugs: provisional)
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

    /// Keeps every slug that can be kept: by name, then by number, in the earlier revision, then in the glossary.
    static func assignSlugs(_ rows: [ImportedSheet.Row], previous: [Item], glossary: SlugGlossary?) -> [(value: String, provisional: Bool)] {
        var assigned: [String?] = Array(repeating: nil, count: rows.count)
        var taken: Set<String> = []
        let sources: [[(no: Int, item: String, slug: String)]] = [
            previous.map { ($0.no, $0.item, $0.slug) },
            (glossary?.entries ?? []).map { ($0.no, $0.item, $0.slug) },
        ]
        for source in sources {
            for byName in [true, false] {
                for (index, row) in rows.enumerated() where assigned[index] == nil {
                    let match = source.first { (byName ? $0.item == row.item : $0.no == row.no) && !taken.contains($0.slug) }
                    if let match {
                        assigned[index] = match.slug
                        taken.insert(match.slug)
                    }
                }
            }
        }
        return rows.enumerated().map { index, row in
            if let slug = assigned[index] { return (slug, false) }
            var candidate = "item-\(row.no)"
            var suffix = 2
            while taken.contains(candidate) {
                candidate = "item-\(row.no)-\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            return (candidate, true)
        }
    }
}
