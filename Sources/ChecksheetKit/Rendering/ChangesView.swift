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
