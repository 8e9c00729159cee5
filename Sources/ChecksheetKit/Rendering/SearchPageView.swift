/// The search page (`search.mustache`): the layout's search box, with the results on the page itself.
struct SearchPageView: Encodable {
    var page: PageView
}

extension SearchPageView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 1)
        object.add("page", self.page)
        return object.value
    }
}
