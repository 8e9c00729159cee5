/// The files of one revision folder, `Content/revisions/YYYY-MM-DD/`.
public struct RevisionSource: Sendable, Equatable {
    /// The folder's name, which must be the revision's date.
    public var folderName: String
    /// The folder's path, for diagnostics about the folder as a whole.
    public var path: String
    /// `revision.yml`, or nil when the folder has none.
    public var metadata: SourceFile?
    /// Item pages per language, in file-name order.
    public var pages: [Language: [SourceFile]]
    /// `translations.yml`, what `translations import` wrote into the English pages, or nil when the folder has none.
    public var translations: SourceFile?

    public init(folderName: String, path: String, metadata: SourceFile?, pages: [Language: [SourceFile]], translations: SourceFile? = nil) {
        self.folderName = folderName
        self.path = path
        self.metadata = metadata
        self.pages = pages
        self.translations = translations
    }
}
