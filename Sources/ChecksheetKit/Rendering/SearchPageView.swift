/// The search page (`search.mustache`): the layout's search box, with the results on the page itself.
struct SearchPageView: Encodable {
    var page: PageView
    /// The tab's title once a query is typed, `{q}` standing for the query: a tab or bookmark of results says what was searched.
    var queryTitle: String
}

extension SearchPageView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("page", self.page)
        object.add("queryTitle", self.queryTitle)
        return object.value
    }
}
