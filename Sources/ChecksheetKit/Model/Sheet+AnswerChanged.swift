extension Sheet {
    /// The written fields of the item (name, definition, unit, answer) that read differently now (`ReadingKey`), in the
    /// Japanese, the source of truth, from what superseded `revision` said: its archived page tells a reviewer what no
    /// longer stands, a definition or a unit as much as an answer, and so that page's inputs hold them.
    func changedFields(of slug: String, since revision: Revision) -> [Field] {
        guard let current, current.date != revision.date, let now = current.item(slug, .ja), let then = revision.item(slug, .ja) else { return [] }
        return SheetHistory.translatedFields.filter { !now.readsTheSame($0, as: then) }
    }
}
