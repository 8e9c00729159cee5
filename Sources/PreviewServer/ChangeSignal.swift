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
    /// Folders already watched; new ones (a new revision's) are added when a folder comes.
    private var watched: Set<String> = []
    /// Each watch's folder, to name the file an event is about.
    private var folders: [Int32: String] = [:]
    private let roots: [String]
    private let lock = NSLock()

    init?(folders: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        roots = folders
        watchNewFolders()
    }

    deinit { close(descriptor) }

    /// What a wait saw.
    enum Wake: Equatable {
        /// `timeout` passed with no change.
        case timedOut
        /// Something changed; `complete` when the last thing a file had done to it ended a save (closed after
        /// writing, moved into place, deleted), so that no write of it is still under way. `files`, the paths of the
        /// files the events named (hidden ones left out, as the scan leaves them out); nil when an event was about a
        /// folder, or events were lost: then only a scan of every folder says what changed.
        case changed(complete: Bool, files: [String]?)
    }

    /// Waits until something under the folders changes, or `timeout` passes.
    func wait(timeout: Duration) -> Wake {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return .timedOut }
        // The events name the files that changed, say whether a save is still under way, and whether a folder came
        // (only then is the tree walked for new watches: walking it after every save cost as much as a scan).
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var complete = false, newFolder = false
        var files: Set<String>? = []
        lock.lock()
        let folders = self.folders
        lock.unlock()
        let ends = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                // struct inotify_event: wd, mask, cookie, len (each 32 bits), then `len` bytes of name.
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let watch = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { newFolder = true }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolder = true }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                if mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_DELETE_SELF | IN_IGNORED) != 0 || nameBytes.isEmpty {
                    files = nil
                } else if let folder = folders[watch] {
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    // An editor's hidden swap file says nothing of whether the page's save ended.
                    if !name.hasPrefix(".") {
                        files?.insert(folder + "/" + name)
                        complete = mask & ends != 0
                    }
                } else {
                    files = nil
                }
                offset += 16 + length
            }
        }
        if newFolder { watchNewFolders() }
        return .changed(complete: complete, files: files.map { $0.sorted() })
    }

    /// Adds a watch on every folder under the roots not watched yet, hidden ones aside (as the scan leaves them out).
    /// Watched folders are walked too: a new folder lies inside one (a new revision's, inside `revisions/`).
    private func watchNewFolders() {
        lock.lock()
        defer { lock.unlock() }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        var pending = roots
        while let folder = pending.popLast() {
            if !watched.contains(folder) {
                guard watched.count < 10_000 else { continue }
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 {
                    watched.insert(folder)
                    folders[watch] = folder
                }
            }
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

    func wait(timeout: Duration) -> Wake { .timedOut }
    #endif
}
