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
        var date: String
        var displayDate: String
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
    var revisionDateText: String
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

/// The data behind the copy-link and copy-answer buttons, also shown as text for readers without JavaScript.
struct ShareView: Encodable {
    var url: String
    var answer: String
    var citation: String
}

/// The sheet of one revision and language as CSV, Excel and JSON, and the JSON's schema.
struct DownloadLinks: Encodable {
    var csv: String
    var xlsx: String
    var json: String
    var schema: String
}

/// A notice at the top of a page that is not the current sheet: an archived or removed item.
struct Banner: Encodable {
    var text: String
    var linkHref: String?
    var linkText: String?
}
