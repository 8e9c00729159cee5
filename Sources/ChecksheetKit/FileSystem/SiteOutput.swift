import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a build is published into, and the rule for when the tool may replace it.
///
/// The folder is replaced only when it is absent, empty, or was written by an earlier build: it holds the
/// marker (`OutputManifest`) and no file the marker does not list. It must not be, hold or lie inside the
/// content or theme folder, nor be or hold the current directory or a repository root. A refusal changes
/// nothing on disk. A symbolic link to a folder is followed: the link stays and the folder it names is replaced.
public struct SiteOutput: Sendable {
    /// What one write did, for the command's summary.
    public struct Report: Sendable, Equatable {
        /// Files whose bytes are new or changed.
        public var written: Int
        /// Files left as they were (same bytes, same modification time).
        public var unchanged: Int
        /// Files of the previous build that no longer belong to the site.
        public var removed: Int
        /// True when the folder could not be swapped (a mount point, a read-only parent) and was updated file by file.
        public var updatedInPlace: Bool
        /// For a folder updated file by file, the paths written or removed: every other file is as it was.
        public var touched: [String]?
        /// For a build written into a new folder as it was made, what the write learned of its files and folders.
        public var stamped: OutputStamps.Written?
    }

    /// The folder as the person named it.
    public var path: String
    /// Folders the output must neither be, hold, nor lie inside, each with what to call it in a message.
    public var protected: [(path: String, name: String)]
    public var currentDirectory: String
    /// What the last build here recorded of the folder (kept in the user's cache): while no folder of the tree
    /// changed, `check` knows no file was put in among the build's without walking it.
    public var stamps: OutputStamps?
    /// The folder as this run's `check()` resolved it just before the build. A write that updates a few files takes
    /// it as checked, since it touches only the build's own files and leaves any other be; a swap of the whole folder
    /// checks again, as a file put in meanwhile would go with the old folder.
    public var checked: String?

    public init(path: String, content: String, theme: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.path = path
        protected = [(content, "the content folder"), (theme, "the theme folder")]
        self.currentDirectory = currentDirectory
    }

    /// The folder's absolute path as named, before any rule is checked; nil when it cannot be resolved.
    public var resolved: String? {
        try? LocalPath.resolve(path, from: currentDirectory).get()
    }

    /// The real folder to write, after every rule held; a refusal names the folder and what to do.
    public func check() -> Result<String, DiagnosticsError> {
        let target: String
        switch LocalPath.resolve(path, from: currentDirectory) {
        case let .success(resolved): target = resolved
        case let .failure(problem): return refuse(problem.message, hint: problem.hint)
        }
        if target == "/" { return refuse("'\(path)' is the root folder", hint: Self.chooseAnother) }
        if let clash = clash(with: target) {
            switch clash.relation {
            case .same: return refuse("'\(path)' is \(clash.name)", hint: Self.chooseAnother)
            case .holds: return refuse("'\(path)' holds \(clash.name), '\(clash.folder)'", hint: Self.chooseAnother)
            case .inside: return refuse("'\(path)' lies inside \(clash.name), '\(clash.folder)'", hint: "the build would write pages among the files it reads; " + Self.chooseAnother)
            }
        }
        if case let .success(here) = LocalPath.resolve(currentDirectory, from: "/"), here == target || LocalPath.isInside(here, target) {
            return refuse("'\(path)' \(here == target ? "is" : "holds") the current directory", hint: Self.chooseAnother)
        }
        for start in [currentDirectory] + protected.map(\.path) {
            guard case let .success(folder) = LocalPath.resolve(start, from: currentDirectory), let root = LocalPath.repositoryRoot(above: folder) else { continue }
            if root == target || LocalPath.isInside(root, target) { return refuse("'\(path)' \(root == target ? "is" : "holds") the repository '\(root)'", hint: Self.chooseAnother) }
        }
        guard let kind = LocalPath.kind(target) else { return .success(target) }
        guard kind == .folder else { return refuse("'\(path)' is a file, not a folder", hint: Self.chooseAnother) }
        if FileManager.default.fileExists(atPath: target + "/.git") {
            return refuse("'\(path)' is the root of a repository", hint: Self.chooseAnother)
        }
        if let stamps, stamps.holdsNothingElse(target) { return .success(target) }
        let present: [String]
        do { present = try LocalPath.files(below: target) } catch {
            return refuse("cannot read '\(path)': \(LocalPath.reason(error))", hint: "check the folder's permissions, or choose another folder with --output")
        }
        if present.isEmpty { return .success(target) }
        guard let manifest = OutputManifest.read(in: target) else {
            return refuse("'\(path)' holds files that no checksheet build wrote (\(Self.sample(present)))",
                          hint: "choose an empty or new folder with --output, or move those files away first; nothing was changed")
        }
        let known = Set(manifest.files).union([OutputManifest.fileName])
        let unknown = present.filter { !known.contains($0) }
        // A temporary file of an update in place that was killed is the tool's own: removed, not refused.
        let abandoned = Set(unknown.filter { OutputTree.temporaryOwner($0).map { $0 != getpid() && !StagingFolder.isRunning($0) } ?? false })
        let foreign = unknown.filter { !abandoned.contains($0) }
        if !foreign.isEmpty {
            return refuse("'\(path)' holds files that the last build did not write (\(Self.sample(foreign)))",
                          hint: "move them out of the folder (a build replaces all of it), or choose another folder with --output; nothing was changed")
        }
        for leftover in abandoned { unlink(target + "/" + leftover) }
        if abandoned.isEmpty { stamps?.walkedAndFoundNothingElse(target) }
        return .success(target)
    }

    /// Replaces the folder with exactly `files` and the marker, after `check`.
    ///
    /// The new tree is written beside the folder and swapped in with one atomic exchange, so readers never see a
    /// half-written site and a failure leaves the old one. Files whose bytes did not change are hard links to the
    /// old ones, so they keep their modification time and an upload sends only what changed. A rebuild that changes
    /// only a few files replaces just those, each atomically.
    /// `inputs` and `warnings` are recorded in the marker, for `upToDate(inputs:)`.
    /// A file made from the inputs the marker lists for it, whose stamp the last write recorded (`stamps`), is taken
    /// as unchanged without reading it back.
    public func write(_ files: [OutputFile], inputs: String? = nil, warnings: [String]? = nil) -> Result<Report, DiagnosticsError> {
        let target: String, parent: String, name: String
        switch place() {
        case let .success(place): (target, parent, name) = place
        case let .failure(refusal): return .failure(refusal)
        }
        let exists = LocalPath.kind(target) == .folder
        let previous = exists ? OutputManifest.read(in: target) : nil
        // The marker's byte hashes are taken over for files made from the same inputs (and compared below anyway).
        let tree = OutputTree(files: files, inputs: inputs, warnings: warnings, previous: previous)
        let written = write(tree, to: target, parent: parent, name: name, previous: previous, exists: exists)
        // However the files went in, the next read of the marker takes it from memory.
        if case .success = written { tree.manifest.remember(in: target) }
        return written
    }

    /// `write`'s ways to put the tree in place: a few files replaced in place, a new tree swapped in whole, or, where
    /// the folder cannot be swapped, every file replaced in place.
    private func write(_ tree: OutputTree, to target: String, parent: String, name: String, previous: OutputManifest?,
                       exists: Bool) -> Result<Report, DiagnosticsError> {
        let files = tree.files
        // Each file of the site is compared with the folder's once, here; the new tree links those that are the same.
        var differing: Set<String>?
        // A rebuild that changes a few files of a build of ours updates just those, each through a rename: its cost
        // follows the change, where a swap would create and delete an entry for every file of the site.
        if exists, let previous {
            let stamps = stamps?.describing(target)
            let known = previous.pages ?? [:]
            let compared = files.parallelMap { file in
                if file.keptSize != nil { return true }
                if let stamps, let fingerprint = file.fingerprint, known[file.path]?.inputs == fingerprint, stamps.unchanged(file.path, in: target) {
                    return true
                }
                guard OutputTree.holds(target + "/" + file.path, file.contents) else { return false }
                stamps?.verified(file.path, in: target)
                return true
            }
            let changed = Set(zip(files, compared).lazy.filter { !$0.1 }.map(\.0.path))
            differing = changed
            let removed = Set(previous.files).subtracting(files.map(\.path)).count
            if changed.count + removed <= Swift.max(Self.smallChange, files.count / 10) {
                do {
                    var report = try tree.update(target, differing: changed, previous: previous.files,
                                                 staging: StagingFolder.path(in: parent, for: name, suffix: "new"))
                    report.updatedInPlace = false
                    return .success(report)
                } catch {
                    return refuse("cannot write '\(path)': \(LocalPath.reason(error))", hint: "check the folder's permissions and free space")
                }
            }
        }
        if exists, checked != nil, case let .failure(refusal) = check() { return .failure(refusal) }
        let staging = StagingFolder.path(in: parent, for: name, suffix: "new")
        do {
            if !exists { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            let counts = try tree.write(into: staging, reusing: exists ? target : nil, differing: differing)
            if !exists {
                try LocalPath.rename(staging, target)
                return .success(Report(written: counts.written, unchanged: 0, removed: 0, updatedInPlace: false))
            }
            let removed = Set(previous?.files ?? []).subtracting(files.map(\.path)).count
            if LocalPath.exchange(staging, target) || LocalPath.renameAside(target, replacingWith: staging) {
                StagingFolder.remove(staging)
                return .success(Report(written: counts.written, unchanged: counts.unchanged, removed: removed, updatedInPlace: false))
            }
            StagingFolder.remove(staging)
        } catch {
            StagingFolder.remove(staging)
            guard exists else { return refuse("cannot write '\(path)': \(LocalPath.reason(error))", hint: "check that its parent folder exists and can be written") }
        }
        // The folder cannot be swapped (a mount point, a parent that cannot be written): update it file by file.
        do {
            var report = try tree.update(target)
            report.updatedInPlace = true
            return .success(report)
        } catch {
            return refuse("cannot write '\(path)': \(LocalPath.reason(error))", hint: "check the folder's permissions and free space")
        }
    }

    /// How a path stands to a protected folder.
    enum Relation { case same, holds, inside }

    /// The first protected folder that `target` (resolved) is, holds or lies inside: the rule `check` applies to the
    /// site's folder, and `OutputFileTarget` to a file a command writes.
    func clash(with target: String) -> (folder: String, name: String, relation: Relation)? {
        for (folder, name) in protected {
            guard case let .success(other) = LocalPath.resolve(folder, from: currentDirectory) else { continue }
            if other == target { return (folder, name, .same) }
            if LocalPath.isInside(other, target) { return (folder, name, .holds) }
            if LocalPath.isInside(target, other) { return (folder, name, .inside) }
        }
        return nil
    }

    /// The marker of the folder when an earlier build with exactly these inputs wrote it and every file it wrote is
    /// still there with the same bytes: then there is nothing to build. Nil otherwise.
    /// A file whose stamp the last build recorded (`stamps`) is taken as written without reading it.
    /// `checked` is the folder as `check()` resolved it a moment before, which spares walking the folder twice.
    public func upToDate(inputs: String, checked: String? = nil) -> OutputManifest? {
        let target: String
        if let checked {
            target = checked
        } else {
            guard case let .success(resolved) = check() else { return nil }
            target = resolved
        }
        guard let manifest = OutputManifest.read(in: target),
              manifest.inputs == inputs, let pages = manifest.pages, pages.count == manifest.files.count else { return nil }
        let stamps = stamps?.describing(target)
        // Every other file is read and hashed, on all cores.
        let intact = manifest.files.parallelMap { path in
            if stamps?.unchanged(path, in: target) == true { return true }
            guard let record = pages[path], let bytes = LocalPath.contents(of: target + "/" + path),
                  OutputManifest.hash(of: bytes) == record.bytes else { return false }
            stamps?.verified(path, in: target)
            return true
        }
        return intact.allSatisfy { $0 } ? manifest : nil
    }

    /// The folder as `check()` resolves it, split into its parent and name for the staging folder beside it, with
    /// the staging folders that killed builds left there removed.
    func place() -> Result<(target: String, parent: String, name: String), DiagnosticsError> {
        (checked.map { .success($0) } ?? check()).map { target in
            let parent = (target as NSString).deletingLastPathComponent, name = (target as NSString).lastPathComponent
            StagingFolder.removeAbandoned(in: parent, for: name)
            return (target, parent, name)
        }
    }

    /// Up to this many changed files (or a tenth of the site, when that is more) are updated in place.
    static let smallChange = 64

    static let chooseAnother = "choose an empty or new folder for the site with --output, such as 'public'; nothing was changed"

    static func sample(_ paths: [String]) -> String {
        let shown = paths.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return paths.count > 3 ? shown + " and \(paths.count - 3) more" : shown
    }

    func refuse<T>(_ message: String, hint: String) -> Result<T, DiagnosticsError> {
        .failure(DiagnosticsError([Diagnostic(file: path, message: message, hint: hint)]))
    }
}
