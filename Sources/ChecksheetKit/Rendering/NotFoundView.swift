/// The page served for any missing path (`404.mustache`): both languages' sheets to go to.
struct NotFoundView: Encodable {
    var page: PageView
    var choices: [ChooserView.Choice]
}
