import Foundation

/// Theme assets under content-hashed names (`style.css` → `assets/style.1a2b3c4d5e6f7a8b.css`), so that
/// they can be cached for ever and a new build never serves a stale file.
public struct AssetCatalog: Sendable, Equatable {
    /// Output path by the asset's name in the theme.
    public var paths: [String: String]
    public var files: [OutputFile]

    public init(assets: [String: Data]) {
        var paths: [String: String] = [:]
        var files: [OutputFile] = []
        for name in assets.keys.sorted() {
            let contents = assets[name]!
            let hash = String(Self.fnv1a(contents), radix: 16).leftPadded(to: 16)
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            let path = "assets/" + name[..<dot] + "." + hash + name[dot...]
            paths[name] = path
            files.append(OutputFile(path: path, contents: contents))
        }
        self.paths = paths
        self.files = files
    }

    /// The output path of a theme asset; the asset must exist (checked when the theme is loaded).
    public func path(_ name: String) -> String { paths[name] ?? "assets/" + name }

    /// 64-bit FNV-1a: stable across runs and platforms, enough to tell two versions of a file apart.
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
