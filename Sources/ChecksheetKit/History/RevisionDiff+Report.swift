import Foundation

extension RevisionDiff {
    /// The JSON of `checksheet diff --format json`: `from`, `to`, `lang`, then `added`, `removed` and `changed`
    /// (each item `slug`, `no`, `title`; an added or removed item also its `answer`; a changed item also `fields`, in
    /// schema order, and `before` and `after`, each changed field's text as a reader sees it at either end, and in
    /// English the fields `translationPending` at the end, shown in Japanese, and `translated` in the span), and
    /// `renumbered`. The texts are those `text()` compares: a tool or a reviewer's own form takes them from here.
    public func json() -> Data {
        func summary(_ item: Item) -> [String: Any] { ["slug": item.slug, "no": item.no, "title": item.item] }
        func withAnswer(_ item: Item) -> [String: Any] { summary(item).merging(["answer": item.plainAnswer]) { first, _ in first } }
        let object: [String: Any] = [
            "from": from, "to": to, "lang": language.rawValue,
            "added": added.map(withAnswer),
            "removed": removed.map(withAnswer),
            "changed": changed.map { change -> [String: Any] in
                var entry = summary(change.new)
                entry["fields"] = change.fields.map(\.rawValue)
                var before: [String: String] = [:], after: [String: String] = [:]
                for field in change.fields {
                    let texts = compared(change, field)
                    (before[field.rawValue], after[field.rawValue]) = (texts.old, texts.new)
                }
                entry["before"] = before
                entry["after"] = after
                if change.isRenumbered { entry["previousNo"] = change.old.no }
                let pending = change.fields.filter { if case .pending? = change.translation[$0] { true } else { false } }
                let translated = change.fields.filter(change.isTranslation)
                if !pending.isEmpty { entry["translationPending"] = pending.map(\.rawValue) }
                if !translated.isEmpty { entry["translated"] = translated.map(\.rawValue) }
                return entry
            },
            "renumbered": renumbered.map { ["slug": $0.new.slug, "no": $0.new.no, "previousNo": $0.old.no, "title": $0.new.item] as [String: Any] },
        ]
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// The text of `checksheet diff`: one line per item, then each changed field as a word diff
    /// (`[-deleted-]{+inserted+}`), readable in any terminal and in mail. An English field pending translation at the
    /// end shows its Japanese change, as the English page shows the Japanese; one translated in the span says so.
    public func text() -> String {
        var lines = ["Changes from \(from) to \(to) (\(language.rawValue)): \(added.count) added, \(changed.count) changed, \(removed.count) removed, \(renumbered.count) renumbered"]
        for item in added { lines.append("added    \(item.no). \(item.item) [\(item.slug)]") }
        for item in removed { lines.append("removed  \(item.no). \(item.item) [\(item.slug)]") }
        for change in changed {
            let move = change.isRenumbered ? " (No. \(change.old.no) → \(change.new.no))" : ""
            lines.append("changed  \(change.new.no). \(change.new.item) [\(change.new.slug)]\(move): \(change.fields.map(\.rawValue).joined(separator: ", "))")
            for field in change.fields {
                let (old, new, diffLanguage) = compared(change, field)
                var label = field.rawValue
                switch change.translation[field] {
                case let .pending(since, _)?: label += " (translation pending since \(since), Japanese shown)"
                case let .translated(since)?: label += " (translation of the Japanese change of \(since))"
                case nil: break
                }
                let marked = InlineDiff.compare(old, new, language: diffLanguage).segments.map { segment -> String in
                    switch segment.kind {
                    case .equal: return segment.text
                    case .delete: return "[-\(segment.text)-]"
                    case .insert: return "{+\(segment.text)+}"
                    }
                }.joined()
                lines.append("           \(label): \(marked)")
            }
        }
        for change in renumbered { lines.append("renumbered \(change.old.no) → \(change.new.no). \(change.new.item) [\(change.new.slug)]") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A changed field's two texts as a reader sees them, and their language: an English field pending translation at
    /// the end shows its Japanese, before and after, as the English page does.
    func compared(_ change: Change, _ field: Field) -> (old: String, new: String, language: Language) {
        if case let .pending(_, japaneseBefore)? = change.translation[field] {
            return (japaneseBefore, change.new.plainText(of: field), .ja)
        }
        return (change.old.plainText(of: field), change.new.plainText(of: field), language)
    }
}
