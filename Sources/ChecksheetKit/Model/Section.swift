/// A part of the sheet (アプリケーション運用, サポート, …) and the categories it groups.
public struct Section: Sendable, Equatable {
    public var name: Localized<String>
    public var categories: [Localized<String>]

    public init(name: Localized<String>, categories: [Localized<String>]) {
        self.name = name
        self.categories = categories
    }
}
