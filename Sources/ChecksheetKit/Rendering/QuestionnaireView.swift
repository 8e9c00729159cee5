/// The questionnaire page (`questionnaire.mustache`): questions pasted or opened, answered in the browser.
struct QuestionnaireView: Encodable {
    var page: PageView
    /// The current revision's date, written into downloads beside each answer.
    var revision: String
    /// Where permanent item URLs start (`https://…/ja/items/`).
    var itemsURL: String
}
