/// The questionnaire page (`questionnaire.mustache`): questions pasted or opened, answered in the browser.
struct QuestionnaireView: Encodable {
    var page: PageView
    /// The current revision's date, written into downloads beside each answer.
    var revision: String
    /// Where permanent item URLs start (`https://…/ja/items/`).
    var itemsURL: String
}

extension QuestionnaireView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("page", self.page)
        object.add("revision", self.revision)
        object.add("itemsURL", self.itemsURL)
        return object.value
    }
}
