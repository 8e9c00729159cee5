extension SiteViews {
    /// One revision's sheet in one language as the downloads hold it, named as a printed page heads it: the provider
    /// when there is one, the sheet and the version, set apart by dashes (run together, the English title read
    /// "…Checklist Version dated …").
    func sheetTable(_ revision: Revision, language: Language) -> SheetTable {
        let provider = sheet.configuration.provider?[language]
        var table = SheetTable(language: language, date: revision.date,
                               title: printHeader(revision, language: language),
                               items: revision.items[language].map { presented($0, in: revision, language: language).shown }, baseURL: baseURL, provider: provider)
        if language == .en {
            for item in revision.items.en {
                let stale = history.staleFields(of: item.slug, in: revision.date)
                guard let since = stale.map(\.since).max() else { continue }
                let fields = Field.allCases.filter { field in stale.contains { $0.field == field } }
                table.pending[item.slug] = .init(fields: fields, note: pendingNote(since: since, in: revision))
            }
        }
        return table
    }
}
