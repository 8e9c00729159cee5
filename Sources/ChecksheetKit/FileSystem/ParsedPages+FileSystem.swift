import Foundation

extension ParsedPages {
    /// Where `build` keeps the pages it parsed from a content folder (see `CacheFolder`).
    public static func cacheFile(forContent content: String) -> String? {
        CacheFolder.file("pages", for: content)
    }

    /// The pages the cache file holds; nil when it is missing, unreadable, or written by another tool.
    public static func read(cacheFile: String, tool: String) -> ParsedPages? {
        FileManager.default.contents(atPath: cacheFile).flatMap { decode($0, tool: tool) }
    }

    /// Replaces the cache file in one rename; a cache that cannot be written is no error.
    public func write(cacheFile: String, tool: String) {
        CacheFolder.write(encoded(tool: tool), to: cacheFile)
    }
}
