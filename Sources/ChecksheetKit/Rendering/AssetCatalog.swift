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
            let hash = ContentHash(contents).hex
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
}
