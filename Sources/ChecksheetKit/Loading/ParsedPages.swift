/// Item pages an earlier load parsed, each with a hash of the text it was parsed from: a load takes a page whose file
/// and text are unchanged instead of parsing it again. The preview keeps them between builds in memory and `build`
/// in its cache file, so an edit parses one page, not every page of every revision.
public struct ParsedPages: Sendable {
    struct Entry: Sendable {
        var textHash: UInt64
        var page: ItemPage
    }

    /// By language and path.
    var entries: [String: Entry] = [:]

    public init() {}

    static func key(_ path: String, _ language: Language) -> String { language.rawValue + ":" + path }

    /// The page parsed from this text at this path, if an earlier load parsed it.
    func page(_ file: SourceFile, _ language: Language) -> ItemPage? {
        guard let entry = entries[Self.key(file.path, language)], entry.textHash == ContentHash(text: file.text).value else { return nil }
        return entry.page
    }

    mutating func keep(_ page: ItemPage, parsedFrom file: SourceFile) {
        entries[Self.key(file.path, page.language)] = Entry(textHash: ContentHash(text: file.text).value, page: page)
    }

    public var count: Int { entries.count }

    /// Whether both hold the same pages parsed from the same texts: then a cache file of `other` needs no rewriting.
    public func sameTexts(as other: ParsedPages?) -> Bool {
        guard let other, other.entries.count == entries.count else { return false }
        return entries.allSatisfy { key, entry in other.entries[key]?.textHash == entry.textHash }
    }
}
