import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An edit that a check by inode, size and modification time cannot see: the file rewritten in place with bytes of
/// the same length, its access and modification times then put back to the nanosecond, as `touch -r` would (a `Date`
/// would lose the last digits, and a test relying on it could not fail). Only the change time tells it.
public enum SameStampEdit {
    /// Rewrites the file at `path` with `contents`; true when its inode, size and modification time are as before.
    public static func rewrite(_ path: String, with contents: Data) throws -> Bool {
        var before = stat()
        guard stat(path, &before) == 0 else { return false }
        // The clock must move past the change time the file has (a coarse tick on most file systems).
        usleep(20_000)
        guard let handle = FileHandle(forWritingAtPath: path) else { return false }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: contents)
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        var after = stat()
        guard utimensat(AT_FDCWD, path, times, 0) == 0, stat(path, &after) == 0 else { return false }
        return after.st_ino == before.st_ino && after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec
            && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
    }
}
