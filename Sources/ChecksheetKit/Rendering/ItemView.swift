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
