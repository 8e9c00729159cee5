/// Item pages an earlier load parsed, each with the text it was parsed from: a load takes a page whose file and text
/// are unchanged instead of parsing it again. The preview keeps them between builds, so an edit parses one page,
/// not every page of every revision.
public struct ParsedPages: Sendable {
    struct Entry: Sendable {
        var text: String
        var page: ItemPage
    }

    /// By language and path.
    var entries: [String: Entry] = [:]

    public init() {}

    static func key(_ path: String, _ language: Language) -> String { language.rawValue + ":" + path }

    /// The page parsed from exactly this text at this path, if an earlier load parsed it.
    func page(_ file: SourceFile, _ language: Language) -> ItemPage? {
        guard let entry = entries[Self.key(file.path, language)], entry.text == file.text else { return nil }
        return entry.page
    }

    public var count: Int { entries.count }
}
