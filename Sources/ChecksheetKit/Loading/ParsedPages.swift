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
    /// `textHash` is `ContentHash(text: file.text).value`.
    func page(_ file: SourceFile, _ language: Language, textHash: UInt64) -> ItemPage? {
        guard let entry = entries[Self.key(file.path, language)], entry.textHash == textHash else { return nil }
        return entry.page
    }

    /// `textHash` is `ContentHash(text: file.text).value`.
    mutating func keep(_ page: ItemPage, parsedFrom file: SourceFile, textHash: UInt64) {
        entries[Self.key(file.path, page.language)] = Entry(textHash: textHash, page: page)
    }

    /// Makes room for `count` pages in all.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Takes over the pages `other` holds (pages of other files: a load keeps each revision's apart).
    mutating func take(_ other: ParsedPages) {
        entries.merge(other.entries) { _, newer in newer }
    }

    public var count: Int { entries.count }

    /// How many of these pages `other` does not hold as parsed from the same text (all of them without `other`).
    public func parsedAnew(since other: ParsedPages?) -> Int {
        guard let other else { return entries.count }
        return entries.count { key, entry in other.entries[key]?.textHash != entry.textHash }
    }
}
