/// The data behind the copy-link and copy-answer buttons, also shown as text for readers without JavaScript.
struct ShareView: Encodable {
    /// The item's page in this language, which the citation names.
    var url: String
    /// The link to send: the item's link in no language (`items/rto/`), which opens in the reader's language; on an
    /// archived page, that page.
    var link: String
    var answer: String
    var citation: String
}

extension ShareView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 4)
        object.add("url", self.url)
        object.add("link", self.link)
        object.add("answer", self.answer)
        object.add("citation", self.citation)
        return object.value
    }
}
