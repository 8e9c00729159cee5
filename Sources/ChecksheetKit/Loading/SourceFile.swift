import Foundation

/// A text file as read from disk, named by the path a person would type (used in diagnostics).
public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

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

    public init(folderName: String, path: String, metadata: SourceFile?, pages: [Language: [SourceFile]]) {
        self.folderName = folderName
        self.path = path
        self.metadata = metadata
        self.pages = pages
    }
}

/// Everything under the content folder, read but not yet understood.
public struct ContentSource: Sendable, Equatable {
    /// The content folder's path, for diagnostics.
    public var path: String
    /// `site.yml`, or nil when missing.
    public var site: SourceFile?
    public var revisions: [RevisionSource]
    /// `synonyms.yml`, or nil when the sheet has none (it is optional).
    public var synonyms: SourceFile?
    /// Problems met while reading (unreadable or non-UTF-8 files).
    public var diagnostics: [Diagnostic]
    /// Images (`.svg`, `.png`, `.ico`) outside `revisions/`, by path relative to the content folder: what `site.yml`'s
    /// `logo` and `favicon` may name.
    public var images: [String: Data] = [:]

    public init(path: String, site: SourceFile?, revisions: [RevisionSource], synonyms: SourceFile? = nil, diagnostics: [Diagnostic] = [],
                images: [String: Data] = [:]) {
        self.path = path
        self.synonyms = synonyms
        self.site = site
        self.revisions = revisions
        self.diagnostics = diagnostics
        self.images = images
    }
}
