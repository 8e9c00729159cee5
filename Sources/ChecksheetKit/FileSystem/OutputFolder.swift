import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of files as a whole folder of the content (a revision), replacing what was there only once
/// everything is written. The site's output folder has rules of its own: `SiteOutput`.
///
/// The new tree is built in a hidden sibling folder, then swapped in with one atomic exchange of the two
/// names (`renameat2(RENAME_EXCHANGE)`), so readers and a failed run never see a half-written folder.
public enum OutputFolder {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write the folder: \(reason)" }
    }

    /// Replaces the folder at `path` with exactly `files`.
    public static func replace(_ path: String, with files: [OutputFile]) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try write(files, into: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(path: path, reason: LocalPath.reason(error))
        }
        if manager.fileExists(atPath: target.path) {
            if LocalPath.exchange(staging.path, target.path) || LocalPath.renameAside(target.path, replacingWith: staging.path) {
                try? manager.removeItem(at: staging)
                return
            }
            try? manager.removeItem(at: staging)
            throw WriteError(path: path, reason: "it cannot be replaced (\(LocalPath.errnoText()))")
        } else {
            do { try LocalPath.rename(staging.path, target.path) } catch {
                try? manager.removeItem(at: staging)
                throw WriteError(path: path, reason: LocalPath.reason(error))
            }
        }
    }

    /// Writes `files` below `folder`, creating subfolders.
    public static func write(_ files: [OutputFile], into folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var created: Set<String> = []
        for file in files {
            precondition(OutputFile.isSafePath(file.path), "output path escapes its folder: \(file.path)")
            let url = folder.appendingPathComponent(file.path)
            let directory = url.deletingLastPathComponent().path
            if !created.contains(directory) {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                created.insert(directory)
            }
            try OutputTree.writeFile(url.path, file.contents)
        }
    }
}
