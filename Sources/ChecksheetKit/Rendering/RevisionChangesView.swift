/// What one revision changed, or everything since an earlier one (`revision-changes.mustache`).
struct RevisionChangesView: Encodable {
    struct ItemLink: Encodable {
        var no: Int
        var title: String
        var href: String
        var note: String?
        /// The added or removed item's answer, shown on the page rather than only linked.
        var answer: FieldView? = nil
        /// `ja` when an English page shows the Japanese name, its translation pending.
        var titleLang: String? = nil
    }

    struct ChangedItem: Encodable {
        var no: Int
        var title: String
        var href: String
        var note: String?
        var fields: [FieldDiff]
        /// `ja` when an English page shows the Japanese name, its translation pending.
        var titleLang: String? = nil
    }

    var page: PageView
    var heading: String
    var date: String
    var summary: String
    var notesHTML: String
    var archiveHref: String
    var changesHref: String
    /// The differences as CSV; only for a revision against its predecessor.
    var csvHref: String?
    var added: [ItemLink]
    var removed: [ItemLink]
    var changed: [ChangedItem]
    var renumbered: [ItemLink]
    var renumberedCount: Int
    var nothing: Bool
    var headers: [String: String]
    /// On a "changes since" page, each version published in the span, newest first, with its counts and notes: the
    /// notes say why the answers changed, which the reviewer who last read the earlier version has not seen.
    var revisions: [ChangesView.RevisionSummary] = []
}

extension RevisionChangesView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 15)
        object.add("page", self.page)
        object.add("heading", self.heading)
        object.add("date", self.date)
        object.add("summary", self.summary)
        object.add("notesHTML", self.notesHTML)
        object.add("archiveHref", self.archiveHref)
        object.add("changesHref", self.changesHref)
        object.add("csvHref", self.csvHref)
        object.add("added", self.added)
        object.add("removed", self.removed)
        object.add("changed", self.changed)
        object.add("renumbered", self.renumbered)
        object.add("renumberedCount", self.renumberedCount)
        object.add("nothing", self.nothing)
        object.add("headers", self.headers)
        object.add("revisions", self.revisions)
        return object.value
    }
}

extension RevisionChangesView.ItemLink: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("no", self.no)
        object.add("title", self.title)
        object.add("href", self.href)
        object.add("note", self.note)
        object.add("answer", self.answer)
        object.add("titleLang", self.titleLang)
        return object.value
    }
}

extension RevisionChangesView.ChangedItem: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 5)
        object.add("no", self.no)
        object.add("title", self.title)
        object.add("href", self.href)
        object.add("note", self.note)
        object.add("fields", self.fields)
        object.add("titleLang", self.titleLang)
        return object.value
    }
}
