/// Everything the content folder holds, validated: the site's configuration and every revision.
public struct Sheet: Sendable, Equatable {
    public var configuration: SiteConfiguration
    /// Oldest first; the last one is the current sheet.
    public var revisions: [Revision]
    /// The customers' words for the sheet's words, for search.
    public var synonyms: Synonyms

    public init(configuration: SiteConfiguration, revisions: [Revision], synonyms: Synonyms = Synonyms(groups: [])) {
        self.configuration = configuration
        self.synonyms = synonyms
        self.revisions = revisions.sorted { $0.date < $1.date }
    }

    /// The newest revision, which the site shows as the sheet.
    public var current: Revision? { revisions.last }

    /// The sheet without its draft revisions: what `build` publishes; its newest revision is the current sheet.
    public var published: Sheet {
        Sheet(configuration: configuration, revisions: revisions.filter { !$0.draft }, synonyms: synonyms)
    }
}
