extension SiteViews {
    /// One revision's sheet in one language as the downloads hold it, named with the provider when there is one.
    func sheetTable(_ revision: Revision, language: Language) -> SheetTable {
        let provider = sheet.configuration.provider?[language]
        return SheetTable(language: language, date: revision.date,
                          title: (provider.map { $0 + " " } ?? "") + sheet.configuration.title[language] + " " + revision.title[language],
                          items: revision.items[language].map { presented($0, in: revision, language: language).shown }, baseURL: baseURL, provider: provider)
    }
}
