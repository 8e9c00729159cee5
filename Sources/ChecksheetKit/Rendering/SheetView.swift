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
