extension RevisionImport {
    /// The revisions around an import's date, read as far as they can be read: an import is how a broken
    /// revision gets repaired, so a page that does not parse only drops out of the matching.
    public struct Neighbours: Sendable {
        /// The newest revision before the date.
        public var previous: Revision?
        /// The oldest revision after the date (when back-filling history).
        public var later: Revision?
        /// The revision of the date itself, to be replaced with `--force`.
        public var replacing: Replaced?
        /// Sections and categories of site.yml, when it reads.
        public var sections: [Section]

        /// Reads the neighbours of `date` in `source`; `replacedFiles` lists the replaced folder's files (relative), and
        /// `imported` its `.imported.yml` (`RevisionImport.importRecord(parsing:)`).
        public init(of date: String, in source: ContentSource, replacedFiles: [String] = [], imported: [String: String] = [:]) {
            var revisions: [(revision: Revision, folder: String)] = []
            for folder in source.revisions where RevisionDate.isValid(folder.folderName) {
                revisions.append((Self.lenient(folder), folder.path))
            }
            revisions.sort { $0.revision.date < $1.revision.date }
            previous = revisions.last { $0.revision.date < date }?.revision
            later = revisions.first { $0.revision.date > date }?.revision
            if let same = revisions.first(where: { $0.revision.date == date }) {
                let prefix = same.folder + "/"
                let english = same.revision.sources.en.compactMapValues { $0.file.hasPrefix(prefix) ? String($0.file.dropFirst(prefix.count)) : nil }
                let japanese = source.revisions.first { $0.path == same.folder }.map { folder in
                    Dictionary((folder.pages[.ja] ?? []).compactMap { file -> (String, (path: String, hash: String))? in
                        guard file.path.hasPrefix(prefix), case let .success(page) = ItemPage.parse(file.text, file: file.path, language: .ja) else { return nil }
                        return (page.item.slug, (String(file.path.dropFirst(prefix.count)), TranslationRecords.hash(file.text)))
                    }, uniquingKeysWith: { a, _ in a })
                } ?? [:]
                replacing = Replaced(revision: same.revision, files: replacedFiles, englishPages: english, japanesePages: japanese, imported: imported)
            }
            if let site = source.site, case let .success(configuration) = SiteConfiguration.parse(site) {
                sections = configuration.sections
            } else {
                sections = []
            }
        }

        /// The pages of a revision folder that parse, in sheet order; the first page of a slug wins.
        static func lenient(_ folder: RevisionSource) -> Revision {
            var items = Localized<[Item]>(ja: [], en: [])
            var sources = Localized<[String: ItemSource]>(ja: [:], en: [:])
            for language in Language.allCases {
                for file in folder.pages[language] ?? [] {
                    guard case let .success(page) = ItemPage.parse(file.text, file: file.path, language: language),
                          sources[language][page.item.slug] == nil else { continue }
                    items[language].append(page.item)
                    sources[language][page.item.slug] = page.source
                }
                items[language].sort { $0.no < $1.no }
            }
            var revision = Revision(date: folder.folderName, title: Localized(ja: folder.folderName, en: folder.folderName), items: items, sources: sources)
            // Published unless its revision.yml says `draft: true`: only a draft may be replaced.
            if let metadata = folder.metadata {
                switch RevisionMetadata.parse(metadata, folderName: folder.folderName) {
                case let .success(value): revision.draft = value.draft
                case .failure: revision.draft = metadata.text.split(whereSeparator: \.isNewline).contains { $0.trimmed == "draft: true" }
                }
            }
            if let translations = folder.translations {
                revision.translationRecords = TranslationRecords.parse(translations, slugs: Set(items.ja.map(\.slug))).records
            }
            return revision
        }
    }
}
