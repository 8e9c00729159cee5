/// The whole sheet as one table (`sheet.mustache`), grouped as the original is; the current sheet or an
/// archived revision.
struct SheetView: Encodable {
    struct Row: Encodable {
        var no: Int
        var slug: String
        var item: FieldView
        var href: String
        var definition: FieldView
        var unit: FieldView
        var answer: FieldView
        var share: ShareView
        /// "New" or "Updated" where the latest revision added or changed the item; current sheet only.
        var badge: String?
        /// "formerly No. 10" where the latest revision renumbered the item.
        var formerly: String?
    }

    /// The latest revision at the top of the current sheet: what it changed, linking to its changes page.
    struct LatestRevision: Encodable {
        var summary: String
        var notesHTML: String
        var href: String
    }

    struct CategoryGroup: Encodable {
        var name: String
        /// False where the category repeats its section's name (サポート under サポート).
        var showName: Bool
        var rows: [Row]
    }

    struct SectionGroup: Encodable {
        var name: String
        var id: String
        var categories: [CategoryGroup]
    }

    var page: PageView
    var revisionTitle: String
    var revisionDate: String
    /// The revision's date as the page's language writes it (the page's one date style).
    /// "49項目" / "49 items".
    var itemCountText: String
    var headers: [String: String]
    var sections: [SectionGroup]
    var banner: Banner?
    var changesHref: String
    var downloads: DownloadLinks
    /// nil on archived sheets.
    var latest: LatestRevision?
}

extension SheetView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 10)
        object.add("page", self.page)
        object.add("revisionTitle", self.revisionTitle)
        object.add("revisionDate", self.revisionDate)
        object.add("itemCountText", self.itemCountText)
        object.add("headers", self.headers)
        object.add("sections", self.sections)
        object.add("banner", self.banner)
        object.add("changesHref", self.changesHref)
        object.add("downloads", self.downloads)
        object.add("latest", self.latest)
        return object.value
    }
}

extension SheetView.Row: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 10)
        object.add("no", self.no)
        object.add("slug", self.slug)
        object.add("item", self.item)
        object.add("href", self.href)
        object.add("definition", self.definition)
        object.add("unit", self.unit)
        object.add("answer", self.answer)
        object.add("share", self.share)
        object.add("badge", self.badge)
        object.add("formerly", self.formerly)
        return object.value
    }
}

extension SheetView.LatestRevision: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("summary", self.summary)
        object.add("notesHTML", self.notesHTML)
        object.add("href", self.href)
        return object.value
    }
}

extension SheetView.CategoryGroup: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("name", self.name)
        object.add("showName", self.showName)
        object.add("rows", self.rows)
        return object.value
    }
}

extension SheetView.SectionGroup: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("name", self.name)
        object.add("id", self.id)
        object.add("categories", self.categories)
        return object.value
    }
}
