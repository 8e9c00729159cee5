/// One item's own page (`item.mustache`): current, archived, or removed.
struct ItemView: Encodable {
    struct Neighbour: Encodable {
        var href: String
        var no: Int
        var item: String
    }

    /// A revision that changed the item, for the item's history.
    struct HistoryEntry: Encodable {
        var date: String
        var title: String
        var href: String
        var what: String
        var fields: [FieldDiff]
    }

    var page: PageView
    var no: Int
    var slug: String
    var item: FieldView
    var section: String
    var category: String
    /// False where the category repeats its section's name (Security › Security).
    var showCategory: Bool
    var definition: FieldView
    var unit: FieldView
    var answer: FieldView
    var headers: [String: String]
    var sheetHref: String
    var rowHref: String
    var previous: Neighbour?
    var next: Neighbour?
    /// Whether the page has a previous or next item to go to: a removed item's page has neither, and no empty landmark.
    var hasNeighbours: Bool
    var otherLanguageItem: String
    var revisionTitle: String
    var revisionDate: String
    var banner: Banner?
    var history: [HistoryEntry]
    var share: ShareView
    /// "New" or "Updated" where the current revision added or changed the item.
    var badge: String?
    /// "formerly No. 10" where the current revision renumbered the item.
    var formerly: String?
    /// "Response last changed: June 1, 2025"; nil on archived and removed items' pages.
    var answerChanged: String?
}

extension ItemView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 24)
        object.add("page", self.page)
        object.add("no", self.no)
        object.add("slug", self.slug)
        object.add("item", self.item)
        object.add("section", self.section)
        object.add("category", self.category)
        object.add("showCategory", self.showCategory)
        object.add("definition", self.definition)
        object.add("unit", self.unit)
        object.add("answer", self.answer)
        object.add("headers", self.headers)
        object.add("sheetHref", self.sheetHref)
        object.add("rowHref", self.rowHref)
        object.add("previous", self.previous)
        object.add("next", self.next)
        object.add("hasNeighbours", self.hasNeighbours)
        object.add("otherLanguageItem", self.otherLanguageItem)
        object.add("revisionTitle", self.revisionTitle)
        object.add("revisionDate", self.revisionDate)
        object.add("banner", self.banner)
        object.add("history", self.history)
        object.add("share", self.share)
        object.add("badge", self.badge)
        object.add("formerly", self.formerly)
        object.add("answerChanged", self.answerChanged)
        return object.value
    }
}

extension ItemView.Neighbour: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("href", self.href)
        object.add("no", self.no)
        object.add("item", self.item)
        return object.value
    }
}

extension ItemView.HistoryEntry: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("date", self.date)
        object.add("title", self.title)
        object.add("href", self.href)
        object.add("what", self.what)
        object.add("fields", self.fields)
        return object.value
    }
}
