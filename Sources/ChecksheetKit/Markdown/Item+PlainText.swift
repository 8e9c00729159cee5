extension Item {
    /// The answer as the text a reader sees, without markup: the one way every download, diff, index and check reads it.
    public var plainAnswer: String { Markdown.plainText(answer) }

    /// A field as the text a reader sees: the answer without markup, every other field as written.
    public func plainText(of field: Field) -> String {
        field == .answer ? plainAnswer : value(of: field)
    }
}
