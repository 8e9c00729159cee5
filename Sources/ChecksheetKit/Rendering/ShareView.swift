/// The data behind the copy-link and copy-answer buttons, also shown as text for readers without JavaScript.
struct ShareView: Encodable {
    var url: String
    var answer: String
    var citation: String
}
