/// What one revision changed, or everything since an earlier one (`revision-changes.mustache`).
struct RevisionChangesView: Encodable {
    struct ItemLink: Encodable {
        var no: Int
        var title: String
        var href: String
        var note: String?
        /// The added or removed item's answer, shown on the page rather than only linked.
        var answer: FieldView? = nil
    }

    struct ChangedItem: Encodable {
        var no: Int
        var title: String
        var href: String
        var note: String?
        var fields: [FieldDiff]
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
}
