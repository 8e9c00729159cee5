/// What publishing a revision changes for readers, item by item, for the release announcement.
public struct ReleaseSummary: Sendable, Equatable {
    public var date: String
    /// The published revision it replaces; nil for the first revision.
    public var previous: String?
    /// In Japanese, matched by slug.
    public var changes: RevisionDiff
    public var itemCount: Int

    public init(_ revision: Revision, previous: Revision?) {
        date = revision.date
        self.previous = previous?.date
        itemCount = revision.items.ja.count
        changes = RevisionDiff.compare(previous?.items.ja ?? [], revision.items.ja, from: previous?.date ?? "", to: revision.date, language: .ja)
    }

    /// Plain lines for the announcement: counts, then each item with its number, name and slug.
    public func text() -> String {
        var lines: [String] = []
        if let previous {
            lines.append("Release \(date) (replaces \(previous)), \(itemCount) items: \(changes.added.count) added, \(changes.changed.count) changed, "
                         + "\(changes.removed.count) removed, \(changes.renumbered.count) renumbered")
        } else {
            lines.append("Release \(date), the first, \(itemCount) items")
            return lines.joined(separator: "\n") + "\n"
        }
        for item in changes.added { lines.append("  added       \(item.no). \(item.item) [\(item.slug)]") }
        for change in changes.changed {
            let move = change.isRenumbered ? " (was No. \(change.old.no))" : ""
            lines.append("  changed     \(change.new.no). \(change.new.item) [\(change.new.slug)]\(move): \(change.fields.map(\.rawValue).joined(separator: ", "))")
        }
        for item in changes.removed { lines.append("  removed     \(item.no). \(item.item) [\(item.slug)]") }
        for change in changes.renumbered { lines.append("  renumbered  \(change.old.no) → \(change.new.no). \(change.new.item) [\(change.new.slug)]") }
        return lines.joined(separator: "\n") + "\n"
    }
}
