/// One field's value as a page shows it: HTML ready to insert, or the Japanese text with a notice where
/// the English translation is pending.
struct FieldView: Encodable {
    /// Escaped text, or cmark's HTML for the answer.
    var html: String
    /// True where the English is outdated and the Japanese is shown instead.
    var pending: Bool
    var pendingNote: String
    /// `ja` on English pages where the value is Japanese.
    var lang: String?
}

extension FieldView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 4)
        object.add("html", self.html)
        object.add("pending", self.pending)
        object.add("pendingNote", self.pendingNote)
        object.add("lang", self.lang)
        return object.value
    }
}
