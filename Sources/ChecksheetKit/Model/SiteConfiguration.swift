/// What `Content/site.yml` says: the site's name, where it is published and the known sections.
public struct SiteConfiguration: Sendable, Equatable {
    public var title: Localized<String>
    /// Absolute URL ending in `/`, used for canonical links and the sitemap.
    public var baseURL: String
    public var sections: [Section]
    /// Whose sheet this is, in both languages; nil when `site.yml` names no provider.
    public var provider: Localized<String>? = nil
    /// The name the header shows beside the provider's; nil means `title`.
    public var shortTitle: Localized<String>? = nil
    public var logo: SiteImage? = nil
    public var favicon: SiteImage? = nil
    /// Where to send security questions: an `https:` URL or a `mailto:` address.
    public var contact: String? = nil

    public init(title: Localized<String>, baseURL: String, sections: [Section]) {
        self.title = title
        self.baseURL = baseURL
        self.sections = sections
    }

    /// The short name of the site in a language: `shortTitle`, or the full `title` when there is none.
    public func shortName(_ language: Language) -> String { shortTitle?[language] ?? title[language] }

    /// The section with this name in the given language.
    public func section(named name: String, in language: Language) -> Section? {
        sections.first { $0.name[language] == name }
    }
}
