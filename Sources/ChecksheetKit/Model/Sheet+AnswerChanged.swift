extension Sheet {
    /// Whether the item's answer (as the Japanese, the source of truth, states it) reads differently now from what
    /// `revision` said (`ReadingKey`), `revision` being superseded: its archived page says so, and so that page's
    /// inputs hold it.
    func answerChanged(of slug: String, since revision: Revision) -> Bool {
        guard let current, current.date != revision.date, let now = current.item(slug, .ja), let then = revision.item(slug, .ja) else { return false }
        return !now.readsTheSame(.answer, as: then)
    }
}
