/// One item of one revision in one language as every page shows it: its Markdown rendered once, each field
/// resolved, and the pending-translation rule applied (an English field whose Japanese changed shows the Japanese).
/// The sheet, the item's pages, the change pages and the downloads all read it from here.
struct ItemPresentation: Sendable {
    /// The item as its page in the revision states it.
    var source: Item
    /// The item as pages show it: on English pages, fields whose translation is pending hold the Japanese.
    var shown: Item
    var item: FieldView
    var definition: FieldView
    var unit: FieldView
    var answer: FieldView
    /// The shown answer as plain text: for copying, link previews and exports.
    var answerText: String
    /// What the item's pages say of it to link previews and search engines (`itemDescription`, cut to length): the
    /// same on its current page and its permanent one, so worked out once.
    var metaDescription: String
}

/// A revision's items in one language as pages show them, by slug.
struct RevisionPresentation: Sendable {
    var items: [String: ItemPresentation]
}
