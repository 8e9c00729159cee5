import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the preview's watcher the moment a file under its folders changes (Linux inotify), instead of at its next
/// poll: an edit is then seen in well under a millisecond, not in half a polling interval on average. The folder
/// scan stays what decides what changed; the signal only ends the wait. Where inotify is missing, or its watches
/// run out, the watcher polls as before.
final class ChangeSignal: @unchecked Sendable {
    #if os(Linux)
    private let descriptor: Int32
    /// Folders already watched; new ones (a new revision's) are added after each change.
    private var watched: Set<String> = []
    private let roots: [String]
    private let lock = NSLock()

    init?(folders: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        roots = folders
        watchNewFolders()
    }

    deinit { close(descriptor) }

    /// Waits until something under the folders changes, or `timeout` passes; true when something changed.
    func wait(timeout: Duration) -> Bool {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return false }
        // The events themselves do not matter (the scan says what changed): empty the queue for the next wait.
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while read(descriptor, &buffer, buffer.count) > 0 {}
        watchNewFolders()
        return true
    }

    /// Adds a watch on every folder under the roots not watched yet, hidden ones aside (as the scan leaves them out).
    private func watchNewFolders() {
        lock.lock()
        defer { lock.unlock() }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        var pending = roots
        while let folder = pending.popLast() {
            guard !watched.contains(folder), watched.count < 10_000 else { continue }
            if inotify_add_watch(descriptor, folder, mask) >= 0 { watched.insert(folder) }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { pending.append(path) }
            }
        }
    }
    #else
    init?(folders: [String]) { return nil }

    func wait(timeout: Duration) -> Bool { false }
    #endif
}
