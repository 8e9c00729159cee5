import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension RevisionImport.Outcome {
    /// Writes the revision folder at `path`: the new tree is written beside it (with the kept files of the folder
    /// it replaces), then swapped in. The replaced tree is then removed; if that fails, the run fails and names
    /// what is left, under a name that says what it is. Problems are diagnostics of one line each.
    public func write(to path: String) -> [Diagnostic] {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).import-\(getpid())")
        let replaced = parent.appendingPathComponent(".\(target.lastPathComponent).replaced-\(getpid())")
        func problem(_ file: String, _ message: String, _ hint: String) -> [Diagnostic] {
            [Diagnostic(file: file, message: message, hint: hint)]
        }
        let exists = manager.fileExists(atPath: target.path)
        if exists, let locked = Self.firstUnremovable(target.path) {
            return problem(path, "cannot replace the revision: \(locked.path) cannot be changed (\(locked.cause))",
                           "make the folder writable (or remove it yourself), then import again; nothing was changed")
        }
        _ = Self.removeTree(staging.path)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try OutputFolder.write(files, into: staging)
            for file in keptFiles {
                guard let contents = manager.contents(atPath: target.path + "/" + file) else {
                    throw OutputFolder.WriteError(path: target.path + "/" + file, reason: "cannot read it to keep it")
                }
                let destination = staging.appendingPathComponent(file)
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputTree.writeFile(destination.path, contents)
            }
        } catch {
            _ = Self.removeTree(staging.path)
            let reason = (error as? OutputFolder.WriteError).map { "\($0.path): \($0.reason)" } ?? "\(error.localizedDescription)"
            return problem(path, "cannot write the revision: \(reason)", "check that the content folder is writable; nothing was changed")
        }
        guard exists else {
            if rename(staging.path, target.path) != 0 {
                let cause = String(cString: strerror(errno))
                _ = Self.removeTree(staging.path)
                return problem(path, "cannot create the revision folder: \(cause)", "check that the content folder is writable")
            }
            return []
        }
        // The old tree moves to a name that says what it is before it is removed, so an interruption or a failed
        // removal never leaves it looking like a new revision.
        if LocalPath.exchange(staging.path, target.path) {
            _ = rename(staging.path, replaced.path)
        } else if rename(target.path, replaced.path) == 0 {
            if rename(staging.path, target.path) != 0 {
                let cause = String(cString: strerror(errno))
                _ = rename(replaced.path, target.path)
                _ = Self.removeTree(staging.path)
                return problem(path, "cannot replace the revision: \(cause)", "nothing was changed")
            }
        } else {
            let cause = String(cString: strerror(errno))
            _ = Self.removeTree(staging.path)
            return problem(path, "cannot replace the revision: \(cause)", "nothing was changed")
        }
        let leftover = manager.fileExists(atPath: replaced.path) ? replaced.path : staging.path
        if let failure = Self.removeTree(leftover) {
            return problem(leftover, "the revision was imported, but the files it replaced could not all be removed: \(failure.path): \(failure.cause)",
                           "every English page was carried into \(path); delete \(leftover) by hand")
        }
        return []
    }

    /// Removes a file or folder tree; the first path that could not be removed and why.
    static func removeTree(_ path: String) -> (path: String, cause: String)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT ? nil : (path, String(cString: strerror(errno))) }
        if status.st_mode & S_IFMT == S_IFDIR {
            var failure: (path: String, cause: String)?
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                if let problem = removeTree(path + "/" + name), failure == nil { failure = problem }
            }
            if let failure { return failure }
            return rmdir(path) == 0 ? nil : (path, String(cString: strerror(errno)))
        }
        return unlink(path) == 0 ? nil : (path, String(cString: strerror(errno)))
    }

    /// The first folder in the tree whose entries this process may not remove (permissions, or a mount point).
    static func firstUnremovable(_ path: String) -> (path: String, cause: String)? {
        var root = stat()
        guard lstat(path, &root) == 0 else { return nil }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(parent, W_OK | X_OK) != 0 { return (parent, String(cString: strerror(errno))) }
        func check(_ folder: String) -> (path: String, cause: String)? {
            var status = stat()
            guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
            if status.st_dev != root.st_dev { return (folder, "a mount point") }
            if access(folder, W_OK | X_OK) != 0 { return (folder, String(cString: strerror(errno))) }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if let problem = check(folder + "/" + name) { return problem }
            }
            return nil
        }
        return check(path)
    }
}
