extension SiteRenderer {
    /// Every revision's sheet in each language as CSV, Excel and JSON, the JSON's schema, and each revision's
    /// differences from its predecessor as CSV.
    func downloads() throws -> [OutputFile] {
        var files: [OutputFile] = []
        for language in Language.allCases {
            files.append(OutputFile(path: SitePath.schema(language), contents: SheetTable.jsonSchema(id: SitePath.url(SitePath.schema(language), base: baseURL))))
            for entry in history.entries {
                let revision = entry.revision
                let table = SheetTable(language: language, date: revision.date, title: sheet.configuration.title[language] + " " + revision.title[language],
                                       items: revision.items[language].map { displayed($0, in: revision, language: language) })
                files.append(OutputFile(path: SitePath.download(revision.date, language, "csv"), contents: table.csv()))
                files.append(OutputFile(path: SitePath.download(revision.date, language, "xlsx"), contents: try table.xlsx()))
                files.append(OutputFile(path: SitePath.download(revision.date, language, "json"), contents: table.json(schemaURL: "checksheet.schema.json")))
                if let changes = entry.changes?[language] {
                    files.append(OutputFile(path: SitePath.changesCSV(revision.date, language), contents: changes.csv()))
                }
            }
        }
        return files
    }
}
