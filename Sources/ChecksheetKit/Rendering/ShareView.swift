/// The data behind the copy-link and copy-answer buttons, also shown as text for readers without JavaScript.
struct ShareView: Encodable {
    var url: String
    var answer: String
    var citation: String
}

extension ShareView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("url", self.url)
        object.add("answer", self.answer)
        object.add("citation", self.citation)
        return object.value
    }
}
