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
