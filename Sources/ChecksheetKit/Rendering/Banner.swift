/// A notice at the top of a page that is not the current sheet: an archived or removed item.
struct Banner: Encodable {
    var text: String
    var linkHref: String?
    var linkText: String?
}
