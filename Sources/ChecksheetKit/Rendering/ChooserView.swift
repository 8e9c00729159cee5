/// The root page (`index.mustache`): the language chooser, Japanese first.
struct ChooserView: Encodable {
    struct Choice: Encodable {
        var lang: String
        var href: String
        var name: String
        var siteTitle: String
        var description: String
    }

    var page: PageView
    var choices: [Choice]
}

extension ChooserView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 2)
        object.add("page", self.page)
        object.add("choices", self.choices)
        return object.value
    }
}

extension ChooserView.Choice: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("lang", self.lang)
        object.add("href", self.href)
        object.add("name", self.name)
        object.add("siteTitle", self.siteTitle)
        object.add("description", self.description)
        return object.value
    }
}
