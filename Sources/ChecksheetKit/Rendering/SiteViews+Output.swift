import Foundation

extension SiteViews {
    /// The view a page's template is rendered from.
    func view(of kind: PageKind) -> any Encodable {
        guard let current = sheet.current else { return [String: String]() }
        let path = kind.path
        switch kind {
        case .chooser:
            return chooser(current)
        case let .sheet(language):
            return sheetView(current, language: language, path: path, archived: false)
        case let .item(slug, language):
            let position = current.position(of: slug, language) ?? 0
            return itemView(current.items[language][position], in: current, position: position, language: language, path: path, archived: false)
        case let .removedItem(slug, language):
            return removedItemView(slug, language: language)
        case let .itemLink(slug):
            return itemLink(slug, in: current)
        case let .search(language):
            return searchView(language)
        case let .questionnaire(language):
            return questionnaireView(current, language: language)
        case let .changes(language):
            return changesView(language)
        case let .revisionChanges(date, language):
            let entry = self.entry(date)
            return revisionChangesView(entry.changes?[language] ?? RevisionDiff.compare([], [], from: date, to: date, language: language),
                                       revision: entry.revision, language: language, path: path,
                                       heading: text("changesIn", language, ["date": displayDate(date, language)]), notes: entry.revision.notes[language])
        case let .changesSince(date, language):
            let diff = history.compare(self.entry(date).revision, current, language: language)
            var view = revisionChangesView(diff, revision: current, language: language, path: path,
                                           heading: text("changesSince", language, ["date": displayDate(date, language)]), notes: "")
            view.revisions = revisionSummaries(history.entries.filter { $0.revision.date > date }.reversed(), language: language, path: path)
            return view
        case let .archive(date, language):
            return sheetView(self.entry(date).revision, language: language, path: path, archived: true)
        case let .archivedItem(date, slug, language):
            let revision = self.entry(date).revision
            let position = revision.position(of: slug, language) ?? 0
            return itemView(revision.items[language][position], in: revision, position: position, language: language, path: path, archived: true)
        case let .feed(language):
            return feedView(language)
        case let .notFound(language):
            return notFound(language)
        case .sitemap:
            return sitemap(current)
        case .robots:
            return ["sitemap": baseURL + "sitemap.xml"]
        case .searchIndex, .searchScript, .download, .changesCSV, .schema:
            return [String: String]()
        }
    }

    /// The bytes of a file made without a template.
    func file(of kind: PageKind) throws -> Data {
        switch kind {
        case let .searchIndex(language):
            return searchIndexFiles(language).json
        case let .searchScript(language):
            return searchIndexFiles(language).script
        case let .download(date, language, format):
            let revision = entry(date).revision
            let table = sheetTable(revision, language: language)
            switch format {
            case "csv": return table.csv()
            // Both languages in one workbook, the download's own language first.
            case "xlsx": return try SheetTable.xlsx([table, sheetTable(revision, language: language.other)])
            default: return table.json(schemaURL: "checksheet.schema.json")
            }
        case let .changesCSV(date, language):
            return changesCSV(entry(date), language: language)
        case let .schema(language):
            return SheetTable.jsonSchema(id: SitePath.url(SitePath.schema(language), base: baseURL))
        default:
            return Data()
        }
    }

    /// The history's entry of the revision of that date (the plan lists only revisions the sheet has).
    func entry(_ date: String) -> SheetHistory.Entry {
        history.entries.first { $0.revision.date == date } ?? history.entries[history.entries.count - 1]
    }

    /// The current revision's index in one language, built once per build for both files that hold it.
    func searchIndexFiles(_ language: Language) -> SearchIndexFiles {
        searchIndexes.value(language.rawValue) {
            let index = SearchIndex.build(history.shown(sheet.current!), language: language, synonyms: sheet.synonyms)
            let json = index.json()
            return SearchIndexFiles(json: json, script: index.script(json: json))
        }
    }
}
