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

/// A value given in each published language.
public struct Localized<Value: Sendable & Equatable>: Sendable, Equatable {
    public var ja: Value
    public var en: Value

    public init(ja: Value, en: Value) {
        self.ja = ja
        self.en = en
    }

    public subscript(language: Language) -> Value {
        get { language == .ja ? ja : en }
        // In place: `pages[language].append(page)` must not copy the whole array on every call.
        _modify {
            if language == .ja { yield &ja } else { yield &en }
        }
    }
}
