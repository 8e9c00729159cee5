extension ReleaseGate {
    /// A warning for each published revision (no `draft: true`) dated after `today`: the site shows the newest published
    /// revision as the current sheet whatever its date, so it is live before its date. Publishing ahead of time is
    /// legitimate, hence no error. Read from the revision.yml files alone, for `build` and `check` as for the gate.
    public static func futureRevisions(_ content: ContentSource, today: String) -> [Diagnostic] {
        content.revisions.compactMap { source -> Diagnostic? in
            guard let file = source.metadata, case let .success(metadata) = RevisionMetadata.parse(file, folderName: source.folderName),
                  !metadata.draft, metadata.date > today else { return nil }
            return diagnostic(in: file, key: "date", "the published revision \(metadata.date) is dated after today (\(today))",
                              hint: "the site shows it as the current sheet from now on; to publish it on its date, put `draft: true` back until then",
                              severity: .warning)
        }
    }
}
