extension Sheet {
    /// Whether the item's answer (as the Japanese, the source of truth, states it) reads differently now from what
    /// `revision` said (`ReadingKey`), `revision` being superseded: its archived page says so, and so that page's
    /// inputs hold it.
    func answerChanged(of slug: String, since revision: Revision) -> Bool {
        changedFields(of: slug, since: revision).contains(.answer)
    }

    /// The written fields of the item (name, definition, unit, answer) that read differently now, in the Japanese, from
    /// what superseded `revision` said: a reviewer reading an old version is told what no longer stands, a definition
    /// or a unit as much as an answer.
    func changedFields(of slug: String, since revision: Revision) -> [Field] {
        guard let current, current.date != revision.date, let now = current.item(slug, .ja), let then = revision.item(slug, .ja) else { return [] }
        return SheetHistory.translatedFields.filter { !now.readsTheSame($0, as: then) }
    }
}
