extension SheetHistory {
    /// An item as the pages show it: on the English side, each field whose translation is pending holds the Japanese.
    public func shown(_ item: Item, in revision: Revision, language: Language) -> Item {
        guard language == .en else { return item }
        let pending = staleFields(of: item.slug, in: revision.date)
        guard !pending.isEmpty, let japanese = revision.item(item.slug, .ja) else { return item }
        var shown = item
        for stale in pending {
            switch stale.field {
            case .item: shown.item = japanese.item
            case .definition: shown.definition = japanese.definition
            case .unit: shown.unit = japanese.unit
            case .answer: shown.answer = japanese.answer
            default: break
            }
        }
        return shown
    }

    /// The revision as readers see it, its English items with the Japanese of every pending field: what search and
    /// questionnaire answers are made from, as the pages, downloads and copies are, so that none of them gives the
    /// English the Japanese no longer says.
    public func shown(_ revision: Revision) -> Revision {
        // Nothing pending (the usual revision): the revision as it is, not a copy of each of its items.
        guard !(stale[revision.date] ?? []).isEmpty else { return revision }
        var shown = revision
        shown.items.en = revision.items.en.map { self.shown($0, in: revision, language: .en) }
        return shown
    }
}
