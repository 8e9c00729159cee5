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

extension ChangesView: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 4)
        object.add("page", self.page)
        object.add("revisions", self.revisions)
        object.add("since", self.since)
        object.add("feedHref", self.feedHref)
        return object.value
    }
}

extension ChangesView.RevisionSummary: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 7)
        object.add("date", self.date)
        object.add("title", self.title)
        object.add("href", self.href)
        object.add("archiveHref", self.archiveHref)
        object.add("notesHTML", self.notesHTML)
        object.add("summary", self.summary)
        object.add("isCurrent", self.isCurrent)
        return object.value
    }
}

extension ChangesView.SinceChoice: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("date", self.date)
        object.add("title", self.title)
        object.add("href", self.href)
        return object.value
    }
}
