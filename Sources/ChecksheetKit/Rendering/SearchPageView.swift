/// The search page (`search.mustache`): the layout's search box, with the results on the page itself.
struct SearchPageView: Encodable {
    var page: PageView
}
