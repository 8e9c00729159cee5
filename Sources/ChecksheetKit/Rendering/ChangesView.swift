/// The list of revisions, newest first (`changes.mustache`).
struct ChangesView: Encodable {
    struct RevisionSummary: Encodable {
        var date: String
        var title: String
        var href: String
        var archiveHref: String
        var notesHTML: String
        var summary: String
        var isCurrent: Bool
    }

    struct SinceChoice: Encodable {
        var date: String
        var title: String
        var href: String
    }

    var page: PageView
    var revisions: [RevisionSummary]
    var since: [SinceChoice]
    var feedHref: String
}

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

/// The Atom feed of one language (`feed.mustache`).
struct FeedView: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: String
        var updated: String
        var href: String
        var contentHTML: String
    }

    var id: String
    var title: String
    var updated: String
    var selfHref: String
    var alternateHref: String
    var lang: String
    var author: String
    var entries: [Entry]
}
