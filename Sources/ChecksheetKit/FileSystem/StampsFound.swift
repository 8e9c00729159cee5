import Foundation

/// What one run found of an output folder otherwise than its stamps say, and how much of that a read or a walk then
/// showed to be the last build's own: files whose stamp changed but not their bytes (a mode changed, a hard link made
/// to one, `touch`), folders whose stamp changed but that hold nothing else. Their stamps as found, taken before the
/// read or the walk, are the ones to record (`OutputStamps.refreshed`): otherwise every later build would read those
/// files, or walk the folder, again until a write replaced them. A change after the `stat` gives yet another stamp.
/// Shared by every copy of the stamps: the reads that verify files run on all cores, each with its own copy.
final class StampsFound: @unchecked Sendable {
    private let lock = NSLock()
    private var output: String?
    private var files: [String: FileStamp] = [:]
    private var verified: Set<String> = []
    private var folders: [String: FileStamp] = [:]
    private var foldersHoldNothingElse = false
    private var markerTaken = false

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Files of `output` whose stamps differ from the recorded ones, as `stat` found them.
    func found(files: [String: FileStamp], in output: String) {
        locked {
            guard self.output == nil || self.output == output else { return }
            self.output = output
            self.files = files
            verified = []
        }
    }

    /// Folders of `output` whose stamps differ from the recorded ones, as `stat` found them.
    func found(folders: [String: FileStamp], in output: String) {
        locked {
            guard self.output == nil || self.output == output else { return }
            self.output = output
            self.folders = folders
            foldersHoldNothingElse = false
        }
    }

    /// A read found the file at `path` holding the bytes written.
    func verified(_ path: String, in output: String) {
        locked {
            if self.output == output, files[path] != nil { verified.insert(path) }
        }
    }

    /// A walk of `output`, after its folders were stat'ed, found no file but the build's.
    func walkedAndFoundNothingElse(in output: String) {
        locked {
            if self.output == output { foldersHoldNothingElse = true }
        }
    }

    /// The marker of `output`, found with another stamp, was read and holds what the stamps recorded of it.
    func markerTaken(in output: String) {
        locked {
            guard self.output == nil || self.output == output else { return }
            self.output = output
            markerTaken = true
        }
    }

    /// Puts the stamps found of what was shown to be the build's own into `stamps` and `folders`; false when there
    /// was none (nor a marker taken).
    func refresh(_ stamps: inout [String: FileStamp], folders recorded: inout [String: FileStamp]) -> Bool {
        locked {
            var refreshed = markerTaken
            for path in verified {
                guard let stamp = files[path] else { continue }
                stamps[path] = stamp
                refreshed = true
            }
            if foldersHoldNothingElse {
                for (path, stamp) in folders where recorded[path] != nil {
                    recorded[path] = stamp
                    refreshed = true
                }
            }
            return refreshed
        }
    }
}
