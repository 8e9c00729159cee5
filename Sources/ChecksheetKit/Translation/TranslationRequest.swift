/// The English fields of one revision that are missing or stale, as units for translators. Pure.
public struct TranslationRequest: Sendable, Equatable {
    /// The revision's date.
    public var date: String
    /// In sheet order, fields in schema order.
    public var units: [TranslationUnit]

    public init(date: String, units: [TranslationUnit]) {
        self.date = date
        self.units = units
    }

    /// What `revision` of `sheet` still needs in English: the fields of items without an English page, and the
    /// English fields whose Japanese changed after they were translated.
    public static func make(for revision: Revision, in sheet: Sheet) -> TranslationRequest {
        let history = SheetHistory(sheet)
        let stale = history.stale[revision.date] ?? []
        let units = stale.compactMap { entry -> TranslationUnit? in
            guard let japanese = revision.item(entry.slug, .ja) else { return nil }
            let new = revision.withoutEnglish.contains(entry.slug)
            // The Japanese the English still translates: as it stood in the revision before the change.
            var before = sheet.revisions.last { $0.date < entry.since }?.item(entry.slug, .ja)
            let english = new ? nil : revision.item(entry.slug, .en)
            // Unless the import translated other Japanese in this revision: its record holds only a hash of it, so no
            // previous Japanese is offered rather than one the English does not translate.
            if let english, let record = revision.translationRecords.record(entry.slug, entry.field),
               revision.translationRecords.pending(entry.slug, entry.field, japanese: japanese.value(of: entry.field), english: english.value(of: entry.field)) == true,
               before.map({ TranslationRecords.hash($0.value(of: entry.field)) }) != record.japanese {
                before = nil
            }
            // Translators get each text as readers see it (`TranslationText`): no escapes the sheet import added.
            let field = entry.field
            return TranslationUnit(slug: entry.slug, field: field, no: japanese.no, itemName: japanese.item,
                                   source: TranslationText.shown(japanese.value(of: field), field: field),
                                   previousSource: before.map { TranslationText.shown($0.value(of: field), field: field) } ?? "",
                                   previousTarget: english.map { TranslationText.shown($0.value(of: field), field: field) } ?? "",
                                   isMarkdown: TranslationText.isMarkdown(japanese.value(of: field), field: field))
        }
        return TranslationRequest(date: revision.date, units: units)
    }
}
