/// What `Content/site.yml` says: the site's name, where it is published and the known sections.
public struct SiteConfiguration: Sendable, Equatable {
    public var title: Localized<String>
    /// Absolute URL ending in `/`, used for canonical links and the sitemap.
    public var baseURL: String
    public var sections: [Section]

    public init(title: Localized<String>, baseURL: String, sections: [Section]) {
        self.title = title
        self.baseURL = baseURL
        self.sections = sections
    }

    /// The section with this name in the given language.
    public func section(named name: String, in language: Language) -> Section? {
        sections.first { $0.name[language] == name }
    }
}
