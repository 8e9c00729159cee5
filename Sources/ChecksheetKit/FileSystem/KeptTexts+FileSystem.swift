import Foundation

extension KeptTexts {
    /// Where `build` keeps the memos' values for a content folder (see `CacheFolder`).
    public static func cacheFile(forContent content: String) -> String? {
        CacheFolder.file("texts", for: content)
    }

    /// The values the cache file holds; nil when it is missing, unreadable, or written by another tool.
    public static func read(cacheFile: String, tool: String) -> KeptTexts? {
        FileManager.default.contents(atPath: cacheFile).flatMap { decode($0, tool: tool) }
    }

    /// Replaces the cache file with what the process's memos hold, when they made anything new; in one rename, and a
    /// cache that cannot be written is no error.
    public static func keep(cacheFile: String, tool: String) {
        guard madeAny else { return }
        CacheFolder.write(current.encoded(tool: tool), to: cacheFile)
    }
}
