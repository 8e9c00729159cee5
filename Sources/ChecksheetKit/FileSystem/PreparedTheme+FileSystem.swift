import Foundation

extension PreparedTheme {
    /// Where `build` keeps the key of the last theme from a folder that passed the check (see `CacheFolder`).
    public static func cacheFile(forTheme theme: String) -> String? {
        CacheFolder.file("theme-check", for: theme)
    }

    /// The key the cache file holds (`checkKey`); nil when there is none.
    public static func checkedKey(cacheFile: String) -> String? {
        FileManager.default.contents(atPath: cacheFile).map { String(decoding: $0, as: UTF8.self) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Replaces the cache file in one rename; a cache that cannot be written is no error.
    public static func keep(checkedKey key: String, cacheFile: String) {
        CacheFolder.write(Data(key.utf8), to: cacheFile)
    }
}
