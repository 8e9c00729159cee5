extension ReleaseGate {
    /// English fields that are no translation of their Japanese, at the field in the English page: the Japanese text
    /// itself (a source copied into the target, or typed in by hand) and an answer whose links lead elsewhere than its
    /// Japanese answer's. Customers reading English would see Japanese, or be sent somewhere the Japanese does not send
    /// them. Items without an English page are reported as such already, and skipped; so are the links of a `pending`
    /// field, whose English still translates the Japanese before it changed.
    static func untranslatedEnglish(_ revision: Revision, pending: [SheetHistory.StaleTranslation]) -> [Diagnostic] {
        let missing = Set(revision.withoutEnglish)
        let stale = Set(pending.map { "\($0.slug)/\($0.field.rawValue)" })
        var problems: [Diagnostic] = []
        for japanese in revision.items.ja where !missing.contains(japanese.slug) {
            guard let english = revision.item(japanese.slug, .en), let source = revision.sources.en[japanese.slug] else { continue }
            for field in SheetHistory.translatedFields {
                let value = english.value(of: field), original = japanese.value(of: field)
                if let copy = TranslationCheck.japaneseCopy(english: value, japanese: original, field: field) {
                    problems.append(source.diagnostic(at: field, "the English '\(field.rawValue)' of '\(japanese.slug)' \(copy), not a translation",
                                                      hint: "write the English here: English readers would see Japanese under lang=\"en\" "
                                                          + "(a name written in Latin letters may be the same in both languages)"))
                } else if !stale.contains("\(japanese.slug)/\(field.rawValue)"), let links = TranslationCheck.differingLinks(english: value, japanese: original, field: field) {
                    problems.append(source.diagnostic(at: field, "the English '\(field.rawValue)' of '\(japanese.slug)' \(TranslationCheck.describe(links))",
                                                      hint: "an English answer links where its Japanese does: correct the English link targets "
                                                          + "(links are not translated), or change the Japanese answer first"))
                }
            }
        }
        return problems
    }
}
