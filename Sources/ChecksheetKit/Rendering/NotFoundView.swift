/// The page served for any missing path (`404.mustache`): both languages' sheets to go to.
struct NotFoundView: Encodable {
    var page: PageView
    var choices: [ChooserView.Choice]
}

extension NotFoundView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("page", self.page)
        object.add("choices", self.choices)
        return object.value
    }
}
