import Foundation

/// Each revision folder as the last load given this record checked it, by folder path: the preview loads the content
/// after every save, and all but the edited revision are the same values (the same texts, the same configuration) as
/// the time before. A revision whose inputs equal those kept is taken as it was, with its problems and parsed pages,
/// instead of parsed and checked again. Checking a revision is a pure function of these inputs, so what is taken is
/// what checking it again would give. The preview keeps one record for its life; `build` loads once and keeps none.
public final class LoadedRevisions: @unchecked Sendable {
    /// What one revision's check was given, and what it gave.
    struct Loaded {
        var source: RevisionSource
        var configuration: SiteConfiguration?
        /// The files of the content the reader could not take that lie in this revision's folder.
        var unreadable: Set<String>
        var revision: Revision?
        var kept: ParsedPages
        var problems: [Diagnostic]
    }

    public init() {}

    private let lock = NSLock()
    private var byPath: [String: Loaded] = [:]

    /// The revision as last checked, when it was checked from these very inputs.
    func loaded(_ source: RevisionSource, configuration: SiteConfiguration?, unreadable: Set<String>) -> Loaded? {
        lock.lock()
        let known = byPath[source.path]
        lock.unlock()
        guard let known, known.unreadable == unreadable, known.configuration == configuration, known.source == source else { return nil }
        return known
    }

    func keep(_ loaded: Loaded) {
        lock.lock()
        defer { lock.unlock() }
        byPath[loaded.source.path] = loaded
    }

    /// Forgets the revisions whose folders are not among `paths`: a folder deleted or renamed while the preview runs
    /// would otherwise stay in memory, with all its pages, for the rest of the preview's life (see `Pipeline.prepare`).
    func keepOnly(_ paths: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        byPath = byPath.filter { paths.contains($0.key) }
    }

    /// The folders of the revisions kept.
    var paths: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return Set(byPath.keys)
    }

    /// The files of `unreadable` inside the revision's folder.
    static func unreadable(_ files: Set<String>, in source: RevisionSource) -> Set<String> {
        guard !files.isEmpty else { return [] }
        let folder = source.path + "/"
        return files.filter { $0.hasPrefix(folder) }
    }
}
