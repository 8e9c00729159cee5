import Foundation

extension SourceTexts {
    /// Where `build` keeps the pages it read from a content folder (see `CacheFolder`).
    public static func cacheFile(forContent content: String) -> String? {
        CacheFolder.file("source-texts", for: content)
    }

    /// The pages the cache file holds; nil when it is missing, unreadable or damaged.
    public static func read(cacheFile: String) -> SourceTexts? {
        FileManager.default.contents(atPath: cacheFile).flatMap(decode)
    }

    /// Replaces the cache file in one rename; a cache that cannot be written is no error.
    public func write(cacheFile: String) {
        CacheFolder.write(encoded(), to: cacheFile)
    }
}
