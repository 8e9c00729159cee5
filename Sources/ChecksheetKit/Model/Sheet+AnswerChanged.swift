extension Sheet {
    /// The written fields of the item (name, definition, unit, answer) that read differently now (`ReadingKey`), in the
    /// Japanese, the source of truth, from what superseded `revision` said: its archived page tells a reviewer what no
    /// longer stands, a definition or a unit as much as an answer, and so that page's inputs hold them.
    func changedFields(of slug: String, since revision: Revision) -> [Field] {
        // By position, not through `item(_:_:)`: the plan asks for every item of every revision, and each copy of an
        // item retains all its texts.
        guard let current, current.date != revision.date, let now = current.position(of: slug, .ja),
              let then = revision.position(of: slug, .ja) else { return [] }
        return SheetHistory.translatedFields.filter { !current.items.ja[now].readsTheSame($0, as: revision.items.ja[then]) }
    }
}
