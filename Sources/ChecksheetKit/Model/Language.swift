/// A language the sheet is published in. Japanese is the source of truth and comes first.
public enum Language: String, Sendable, CaseIterable, Codable, Comparable, Hashable {
    case ja
    case en

    /// The other published language, for "this page in English / 日本語" links.
    public var other: Language { self == .ja ? .en : .ja }

    /// The language's own name for itself, as shown in a language switcher.
    public var endonym: String { self == .ja ? "日本語" : "English" }

    /// `og:locale` style tag.
    public var locale: String { self == .ja ? "ja_JP" : "en_US" }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
