import Foundation

/// Paths inside the built site. Pages are `…/index.html` files; links between them are relative and name
/// `index.html`, so the site works from a web server and straight from disk (file://) alike.
public enum SitePath {
    public static func sheet(_ language: Language) -> String { "\(language.rawValue)/index.html" }
    public static func searchIndex(_ language: Language) -> String { "\(language.rawValue)/search-index.json" }
    public static func searchScript(_ language: Language) -> String { "\(language.rawValue)/search-index.js" }
    public static func search(_ language: Language) -> String { "\(language.rawValue)/search/index.html" }
    public static func item(_ slug: String, _ language: Language) -> String { "\(language.rawValue)/items/\(slug)/index.html" }
    /// An item's link in no language (`items/rto/`), the one to send: it opens the item in the reader's language.
    public static func itemLink(_ slug: String) -> String { "items/\(slug)/index.html" }
    public static func changes(_ language: Language) -> String { "\(language.rawValue)/changes/index.html" }
    public static func changes(_ date: String, _ language: Language) -> String { "\(language.rawValue)/changes/\(date)/index.html" }
    public static func changes(since date: String, _ language: Language) -> String { "\(language.rawValue)/changes/since/\(date)/index.html" }
    public static func archive(_ date: String, _ language: Language) -> String { "\(language.rawValue)/revisions/\(date)/index.html" }
    public static func archivedItem(_ slug: String, _ date: String, _ language: Language) -> String {
        "\(language.rawValue)/revisions/\(date)/items/\(slug)/index.html"
    }
    public static func feed(_ language: Language) -> String { "\(language.rawValue)/feed.xml" }
    /// `ja/downloads/checksheet-2025-03-07.csv` (`xlsx`, `json`).
    public static func download(_ date: String, _ language: Language, _ format: String) -> String {
        "\(language.rawValue)/downloads/checksheet-\(date).\(format)"
    }
    public static func schema(_ language: Language) -> String { "\(language.rawValue)/downloads/checksheet.schema.json" }
    public static func changesCSV(_ date: String, _ language: Language) -> String { "\(language.rawValue)/downloads/changes-\(date).csv" }
    /// The page a server answers a missing path with: `en/404.html` for anything under `en/`, and the first language's
    /// (Japanese) `404.html` at the root for anything else.
    public static func notFound(_ language: Language) -> String {
        language == .ja ? "404.html" : "\(language.rawValue)/404.html"
    }

    /// The folder whose missing paths get the language's not-found page: `en/`, or `` (the whole site).
    public static func notFoundFolder(_ language: Language) -> String {
        String(notFound(language).dropLast("404.html".count))
    }

    /// The path of the site's root on its server, as a URL writes it (percent-encoded) and ending in `/`: `/trust/` for
    /// `https://example.com/trust/`. Pages a server sends for any path link from it, as the hosting files name paths.
    public static func rootPath(of baseURL: String) -> String {
        let path = URLComponents(string: baseURL)?.percentEncodedPath ?? ""
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The public URL of a page: `index.html` dropped, so shared links are clean.
    public static func url(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// A relative link from the page at `from` to the file at `to`, both site paths.
    public static func relative(from: String, to: String) -> String {
        // A page makes about forty links: most paths are plain ASCII with no empty part, and those are compared byte
        // by byte without splitting; anything else takes the general way, which gives the same answer.
        fastRelative(from: from, to: to) ?? splitRelative(from: from, to: to)
    }

    /// `relative(from:to:)` by splitting into parts: for every input, including empty parts and non-ASCII names,
    /// whose parts compare as Swift strings do (canonically equivalent text is equal).
    static func splitRelative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// `relative(from:to:)` over the UTF-8 bytes, for two ASCII paths without a leading, trailing or doubled `/`
    /// (where byte equality is string equality and every `/` separates two parts); nil for any other input.
    static func fastRelative(from: String, to: String) -> String? {
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target -> String? in
                guard let sourceSlashes = slashes(source), let targetSlashes = slashes(target) else { return nil }
                // The folders of `from` (all parts but the last), and how many of them `to`'s folders share.
                let folders = sourceSlashes.count
                var common = 0, start = 0
                while common < folders, common < targetSlashes.count {
                    let sourceEnd = sourceSlashes[common], targetEnd = targetSlashes[common]
                    guard sourceEnd == targetEnd, memcmp(source.baseAddress! + start, target.baseAddress! + start, sourceEnd - start) == 0 else { break }
                    common += 1
                    start = sourceEnd + 1
                }
                let ups = folders - common
                return String(unsafeUninitializedCapacity: ups * 3 + target.count - start) { buffer in
                    var at = 0
                    for _ in 0..<ups {
                        buffer[at] = 0x2E; buffer[at + 1] = 0x2E; buffer[at + 2] = 0x2F
                        at += 3
                    }
                    for index in start..<target.count {
                        buffer[at] = target[index]
                        at += 1
                    }
                    return at
                }
            }
        }
    }

    /// The offsets of the `/`s of an ASCII path without empty parts; nil for any other path.
    private static func slashes(_ path: UnsafeBufferPointer<UInt8>) -> [Int]? {
        guard let first = path.first, let last = path.last, first != 0x2F, last != 0x2F else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(8)
        var previous = 0x2F as UInt8
        for (offset, byte) in path.enumerated() {
            guard byte < 0x80, !(byte == 0x2F && previous == 0x2F) else { return nil }
            if byte == 0x2F { offsets.append(offset) }
            previous = byte
        }
        return offsets
    }

    /// The prefix that leads from the page at `path` to the site's root, such as `../../`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
