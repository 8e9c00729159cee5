import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `stat` of many paths inside one folder, each looked up from an open descriptor of the folder two levels above it
/// rather than from `/`. A site's paths are deep (`revisions/2025-03-07/ja/items/rto/index.html`) and a rebuild checks
/// thousands of them: walked from `/` each time, the kernel's path lookup was 60 % of that check's system time. The
/// folders two levels up are few (`revisions/2025-03-07/ja/items` serves every item page of that revision), so each is
/// opened once, on whichever core first needs it. What `stat` would say of a path is what this says of it.
final class StatAnchors: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    /// By path inside `root` (`""` for `root`): the descriptor, or -1 for a folder that could not be opened.
    private var opened: [Substring: Int32] = [:]

    init(root: String) {
        self.root = root
    }

    deinit {
        for descriptor in opened.values where descriptor >= 0 { close(descriptor) }
    }

    /// What `stat` tells of `path` inside the root (`""` for the root itself); nil when there is nothing there.
    func identity(of path: String) -> FileIdentity? {
        if path.isEmpty { return Self.identity(atPath: root) }
        // The anchor ends before the second slash from the end; what follows it is looked up from there.
        let utf8 = path.utf8
        var slashes = 0, cut = utf8.endIndex
        var index = utf8.endIndex
        while index > utf8.startIndex, slashes < 2 {
            utf8.formIndex(before: &index)
            if utf8[index] == UInt8(ascii: "/") {
                slashes += 1
                cut = index
            }
        }
        let anchor = slashes == 2 ? path[..<cut] : Substring()
        let tailOffset = slashes == 2 ? utf8.distance(from: utf8.startIndex, to: cut) + 1 : 0
        let descriptor = self.descriptor(anchor)
        guard descriptor >= 0 else {
            // An anchor that cannot be opened (a file where a folder was, no permission): the path as `stat` takes it.
            return Self.identity(atPath: root + "/" + path)
        }
        var info = stat()
        let found = path.withCString { fstatat(descriptor, $0 + tailOffset, &info, 0) }
        return found == 0 ? FileIdentity(info) : nil
    }

    static func identity(atPath path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }

    private func descriptor(_ anchor: Substring) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = opened[anchor] { return known }
        let folder = anchor.isEmpty ? root : root + "/" + anchor
        // Opened to read, which a folder the build wrote allows; one that does not falls back to `stat` by path.
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        opened[anchor] = descriptor
        return descriptor
    }
}
