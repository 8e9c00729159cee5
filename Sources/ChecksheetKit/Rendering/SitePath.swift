/// Paths inside the built site. Pages are `…/index.html` files; links between them are relative and name
/// `index.html`, so the site works from a web server and straight from disk (file://) alike.
public enum SitePath {
    public static func sheet(_ language: Language) -> String { "\(language.rawValue)/index.html" }
    public static func searchIndex(_ language: Language) -> String { "\(language.rawValue)/search-index.json" }
    public static func searchScript(_ language: Language) -> String { "\(language.rawValue)/search-index.js" }
    public static func search(_ language: Language) -> String { "\(language.rawValue)/search/index.html" }
    public static func item(_ slug: String, _ language: Language) -> String { "\(language.rawValue)/items/\(slug)/index.html" }
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

    /// The public URL of a page: `index.html` dropped, so shared links are clean.
    public static func url(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// A relative link from the page at `from` to the file at `to`, both site paths.
    public static func relative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from the page at `path` to the site's root, such as `../../`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
