import Foundation

extension ContentLoader {
    /// Loads the content for a build that leaves drafts out: a draft's own errors do not stop it. A half-edited draft
    /// would otherwise keep a fix to the published sheet from shipping. The draft's problems are still listed, as
    /// warnings saying the draft is left out; a problem outside the drafts stops the build as ever.
    public static func loadLeavingDraftsOut(_ source: ContentSource, reusing earlier: ParsedPages? = nil, remembering record: LoadedRevisions? = nil) -> Outcome {
        let loaded = load(source, reusing: earlier, remembering: record)
        guard loaded.sheet == nil else { return loaded }
        let drafts = source.revisions.filter(\.isDraft)
        func draft(of diagnostic: Diagnostic) -> RevisionSource? {
            drafts.first { diagnostic.file == $0.path || diagnostic.file.hasPrefix($0.path + "/") }
        }
        guard loaded.diagnostics.contains(where: { $0.severity == .error && draft(of: $0) != nil }) else { return loaded }
        var published = source
        published.revisions.removeAll { revision in drafts.contains { $0.path == revision.path } }
        published.diagnostics.removeAll { draft(of: $0) != nil }
        var outcome = load(published, reusing: earlier, remembering: record)
        let left = loaded.diagnostics.compactMap { diagnostic -> Diagnostic? in
            guard let revision = draft(of: diagnostic) else { return nil }
            var warning = diagnostic
            if warning.severity == .error {
                warning.severity = .warning
                warning.message = "in draft \(revision.folderName), which this build leaves out: " + warning.message
            }
            return warning
        }
        outcome.diagnostics = (outcome.diagnostics + left).sorted()
        outcome.parsed.take(loaded.parsed)
        return outcome
    }
}
