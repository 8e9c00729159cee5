/// A notice at the top of a page that is not the current sheet: an archived or removed item.
struct Banner: Encodable {
    var text: String
    var linkHref: String?
    var linkText: String?
    /// On a superseded version's pages: what changed since it, for a reader who reviewed that version.
    var sinceHref: String?
    var sinceText: String?
}

extension Banner: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("text", self.text)
        object.add("linkHref", self.linkHref)
        object.add("linkText", self.linkText)
        object.add("sinceHref", self.sinceHref)
        object.add("sinceText", self.sinceText)
        return object.value
    }
}
