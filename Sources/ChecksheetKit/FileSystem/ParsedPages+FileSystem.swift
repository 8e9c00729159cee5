import Foundation

extension ParsedPages {
    /// Where `build` keeps the pages it parsed from a content folder: one file per folder (named by a hash of its
    /// absolute path) under the user's cache folder, `$XDG_CACHE_HOME/checksheet` or `~/.cache/checksheet`, as Hugo
    /// keeps its file cache there. Nothing is written in the content folder or the output folder; deleting the file
    /// costs one slower build. Nil when there is no home folder to put it in.
    public static func cacheFile(forContent content: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["XDG_CACHE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil }) ?? environment["HOME"].map({ $0 + "/.cache" }) else {
            return nil
        }
        let absolute = URL(fileURLWithPath: content).standardizedFileURL.path
        return base + "/checksheet/pages-" + ContentHash(text: absolute).hex + ".bin"
    }

    /// The pages the cache file holds; nil when it is missing, unreadable, or written by another tool.
    public static func read(cacheFile: String, tool: String) -> ParsedPages? {
        FileManager.default.contents(atPath: cacheFile).flatMap { decode($0, tool: tool) }
    }

    /// Replaces the cache file in one rename, so that a build reading it meanwhile sees the old file or the new one.
    /// A cache that cannot be written is no error: the next build parses every page, as without one.
    public func write(cacheFile: String, tool: String) {
        let folder = (cacheFile as NSString).deletingLastPathComponent
        let temporary = cacheFile + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try encoded(tool: tool).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, cacheFile) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
