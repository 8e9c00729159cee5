import Foundation

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
