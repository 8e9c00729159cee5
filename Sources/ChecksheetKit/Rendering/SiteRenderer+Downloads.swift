extension SiteRenderer {
    /// Every revision's sheet in each language as CSV, Excel and JSON, the JSON's schema, and each revision's
    /// differences from its predecessor as CSV.
    func downloads() throws -> [OutputFile] {
        var files: [OutputFile] = []
        for language in Language.allCases {
            files.append(OutputFile(path: SitePath.schema(language), contents: SheetTable.jsonSchema(id: SitePath.url(SitePath.schema(language), base: baseURL))))
            for entry in history.entries {
                let revision = entry.revision
                let table = sheetTable(revision, language: language)
                files.append(OutputFile(path: SitePath.download(revision.date, language, "csv"), contents: table.csv()))
                // Both languages in one workbook, the download's own language first.
                files.append(OutputFile(path: SitePath.download(revision.date, language, "xlsx"),
                                        contents: try SheetTable.xlsx([table, sheetTable(revision, language: language.other)])))
                files.append(OutputFile(path: SitePath.download(revision.date, language, "json"), contents: table.json(schemaURL: "checksheet.schema.json")))
                if let changes = entry.changes?[language] {
                    files.append(OutputFile(path: SitePath.changesCSV(revision.date, language), contents: changes.csv()))
                }
            }
        }
        return files
    }

    /// One revision's sheet in one language as the downloads hold it, named with the provider when there is one.
    func sheetTable(_ revision: Revision, language: Language) -> SheetTable {
        let provider = sheet.configuration.provider?[language]
        return SheetTable(language: language, date: revision.date,
                          title: (provider.map { $0 + " " } ?? "") + sheet.configuration.title[language] + " " + revision.title[language],
                          items: revision.items[language].map { displayed($0, in: revision, language: language) }, baseURL: baseURL, provider: provider)
    }
}
