extension RevisionSource {
    /// Whether `revision.yml` marks this revision a draft (`draft: true`); false when it is missing or unreadable, which
    /// loading reports on its own.
    public var isDraft: Bool {
        guard let metadata, case let .success(parsed) = RevisionMetadata.parse(metadata, folderName: folderName) else { return false }
        return parsed.draft
    }
}
