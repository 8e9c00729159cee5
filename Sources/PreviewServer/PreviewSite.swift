import ChecksheetKit
import Foundation

/// One build of the site as the preview serves it: the files `checksheet build` writes, each HTML page
/// with the live-reload script added before `</body>`, and the script itself at `_preview/live-reload.js`.
///
/// The preview serves this from memory rather than from the output folder on disk. The bytes are the
/// same that `build` writes (both come from `Pipeline.build`), but nothing on disk is ever reachable through
/// the server: no symbolic link, no file that appeared beside the output, no half-swapped tree. A new build
/// is swapped in by replacing one value, and a request sees exactly one build from start to end.
public struct PreviewSite: Sendable, Equatable {
    /// Where the live-reload script is served; outside every path a build writes.
    public static let scriptPath = "_preview/live-reload.js"
    /// The build that no successful build has replaced yet.
    public static let noBuild = "none"

    /// File contents by site path (`ja/index.html`), as served.
    public let files: ServedFiles
    /// Identifies the build by its content (and the script's), so identical inputs give the same identifier.
    public let buildID: String
    /// Where the site's root lies on the server it is built for (`/trust/` for `https://example.com/trust/`),
    /// percent-encoded as a URL writes it. The not-found pages link from there, so the preview serves every file there
    /// too, as well as from `/`.
    public let rootPath: String

    /// The site of a successful build, with the reload script injected into every page.
    public init(build: [OutputFile], script: Data, rootPath: String = "/") {
        // The script counts too: editing it reloads the tabs like any other change to the theme.
        let buildID = Self.identifier(of: build + [OutputFile(path: Self.scriptPath, contents: script)])
        let tag = Data("<script src=\"/\(Self.scriptPath)\" data-build=\"\(buildID)\" defer></script>\n".utf8)
        var files: [String: Data] = [:]
        files.reserveCapacity(build.count + 1)
        for file in build { files[file.path] = file.contents }
        files[Self.scriptPath] = script
        self.files = ServedFiles(built: files, tag: tag)
        self.buildID = buildID
        self.rootPath = rootPath
    }

    /// What is served before the first successful build: a page that only waits for one.
    public static func placeholder(script: Data) -> PreviewSite {
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
        <title>Waiting for a successful build</title>
        </head>
        <body>
        <h1>Waiting for a successful build</h1>
        <p>The content has errors; they are listed in the terminal. This page reloads when they are fixed.</p>
        </body>
        </html>

        """
        return PreviewSite(files: ServedFiles(built: ["index.html": Data(page.utf8), scriptPath: script],
                                              tag: Data("<script src=\"/\(scriptPath)\" data-build=\"\(noBuild)\" defer></script>\n".utf8)),
                           buildID: noBuild)
    }

    init(files: ServedFiles, buildID: String, rootPath: String = "/") {
        self.files = files
        self.buildID = buildID
        self.rootPath = rootPath
    }

    /// The site path a request's path names (percent-decoded, starting with `/`): below the root path when the site is
    /// built for one (`/trust/ja/` is `ja/`), else below `/`.
    public func sitePath(_ path: String) -> String {
        let root = rootPath.removingPercentEncoding ?? rootPath
        if root != "/", path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        if root != "/", path + "/" == root { return "" }
        return String(path.drop { $0 == "/" })
    }

    /// The page served with status 404 for a missing path (as requested, `/en/items/nope/`): the `404.html` of the
    /// nearest folder that has one (`en/404.html`, else the root's), as Cloudflare Pages and the build's nginx include
    /// choose it, so a reader of the English pages gets the English page.
    public func notFoundPage(for path: String) -> Data? {
        if buildID == Self.noBuild { return files["index.html"] }
        var folder = Substring(sitePath(path.removingPercentEncoding ?? path))
        while true {
            folder = folder[..<(folder.lastIndex(of: "/").map { folder.index(after: $0) } ?? folder.startIndex)]
            if let page = files[folder + "404.html"] { return page }
            guard !folder.isEmpty else { return nil }
            folder = folder.dropLast()
        }
    }

    /// Inserts `tag` before the last `</body>` (any case), or appends it when the page has none.
    static func inject(_ tag: Data, into page: Data) -> Data {
        let closing = Array("</body>".utf8)
        let bytes = [UInt8](page)
        var index = bytes.count - closing.count
        while index >= 0 {
            if zip(bytes[index..<(index + closing.count)], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                return Data(bytes[..<index]) + tag + Data(bytes[index...])
            }
            index -= 1
        }
        return page + tag
    }

    /// 64-bit FNV-1a over every path and its bytes, in path order.
    static func identifier(of files: [OutputFile]) -> String {
        var hash = ContentHash()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hash.add(file.path)
            hash.add(byte: 0)
            // A fingerprint names the file's bytes (the same inputs give the same bytes), and is 16 characters
            // where the page may be 100 kB: an edit's new build is named without hashing every page again.
            if let fingerprint = file.fingerprint { hash.add(fingerprint) } else { hash.add(file.contents) }
            hash.add(byte: 0)
        }
        return hash.hex
    }
}
