extension SiteViews {
    /// `{lang}/questionnaire/index.html`: the search page's index and scripts plus `questionnaire.js`.
    func questionnaireView(_ revision: Revision, language: Language) -> QuestionnaireView {
        let path = "\(language.rawValue)/questionnaire/index.html"
        var page = layout(language: language, path: path, title: "\(text("questionnaire", language)) | \(sheet.configuration.title[language])",
                          description: text("questionnaireLead", language),
                          alternatePaths: Localized(ja: "ja/questionnaire/index.html", en: "en/questionnaire/index.html"))
        page.scripts.append(SitePath.relative(from: path, to: assets.path("questionnaire.js")))
        return QuestionnaireView(page: page, revision: revision.date, itemsURL: SitePath.url("\(language.rawValue)/items/", base: baseURL))
    }
}
