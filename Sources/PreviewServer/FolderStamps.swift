import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The modification time, size and inode of every file under some folders, to notice edits by polling.
///
/// Modification times are sub-second on the file systems the preview runs on, so polling a few times
/// a second sees every save; an editor that replaces the file (new inode) is seen too. Hidden files and
/// folders (editors' swap files, `.git`) are left out, as the content reader leaves them out.
struct FolderStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt64

        init(_ info: stat) {
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            seconds = Int(modified.tv_sec)
            nanoseconds = Int(modified.tv_nsec)
            size = Int(info.st_size)
            inode = UInt64(info.st_ino)
        }
    }

    /// Stamps by path, each path as the folder was named plus `/relative/path`.
    var files: [String: Stamp]

    /// Scans every folder in `roots`; a missing folder contributes nothing.
    static func scan(_ roots: [String]) -> FolderStamps {
        var files: [String: Stamp] = [:]
        for root in roots { scan(root, depth: 0, into: &files) }
        return FolderStamps(files: files)
    }

    /// Each entry is looked up relative to its open folder (`fstatat`), not by its whole path: the preview scans
    /// every page of every revision after each save, and walking each path from the root was half of the scan.
    private static func scan(_ folder: String, depth: Int, into files: inout [String: Stamp]) {
        // Deep enough for revisions/DATE/LANG/page.md; a bound keeps a symbolic-link loop from running away.
        guard depth < 8, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            // Follows symbolic links, as the content reader does.
            guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
            let path = folder + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR: folders.append(path)
            case S_IFREG: files[path] = Stamp(info)
            default: continue
            }
        }
        for path in folders { scan(path, depth: depth + 1, into: &files) }
    }

    /// These stamps with the files at `paths` looked at again (a file now missing is left out): whether the files a
    /// scan found changed have kept still, without scanning every folder again.
    func restamped(_ paths: [String]) -> FolderStamps {
        var again = self
        for path in paths {
            var info = stat()
            again.files[path] = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Stamp(info) : nil
        }
        return again
    }

    /// The paths that were added, removed or modified since `earlier`, sorted.
    func changes(since earlier: FolderStamps) -> Changes {
        var changes = Changes()
        for (path, stamp) in files {
            if let old = earlier.files[path] {
                if old != stamp { changes.modified.append(path) }
            } else {
                changes.added.append(path)
            }
        }
        for path in earlier.files.keys where files[path] == nil { changes.removed.append(path) }
        changes.added.sort()
        changes.removed.sort()
        changes.modified.sort()
        return changes
    }

    /// What changed between two scans.
    struct Changes: Equatable, Sendable {
        var added: [String] = []
        var removed: [String] = []
        var modified: [String] = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
        var all: [String] { (added + removed + modified).sorted() }
    }
}
