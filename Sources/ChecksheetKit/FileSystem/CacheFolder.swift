import Foundation

/// Where `build` keeps what makes the next build faster: under the user's cache folder, `$XDG_CACHE_HOME/checksheet`
/// or `~/.cache/checksheet`, as Hugo keeps its file cache there; one file per kind and folder (named by a hash of the
/// folder's absolute path). Nothing is written in the content folder or the output folder; deleting the files costs
/// one slower build.
enum CacheFolder {
    /// The cache file of one kind for a folder; nil when there is no home folder to put it in.
    static func file(_ kind: String, for folder: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["XDG_CACHE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil }) ?? environment["HOME"].map({ $0 + "/.cache" }) else {
            return nil
        }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        return base + "/checksheet/\(kind)-" + ContentHash(text: absolute).hex + ".bin"
    }

    /// Replaces a cache file in one rename, so that a build reading it meanwhile sees the old file or the new one.
    /// A cache that cannot be written is no error: the next build does the work, as without one.
    static func write(_ data: Data, to file: String) {
        let folder = (file as NSString).deletingLastPathComponent
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, file) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
