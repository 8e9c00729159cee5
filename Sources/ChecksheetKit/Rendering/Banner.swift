/// A notice at the top of a page that is not the current sheet: an archived or removed item.
struct Banner: Encodable {
    var text: String
    var linkHref: String?
    var linkText: String?
}

extension Banner: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("text", self.text)
        object.add("linkHref", self.linkHref)
        object.add("linkText", self.linkText)
        return object.value
    }
}
