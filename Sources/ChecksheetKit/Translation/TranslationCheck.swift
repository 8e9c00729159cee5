/// What makes an English field no faithful translation of its Japanese: the Japanese text itself, or an answer whose
/// links lead elsewhere. The import warns of both; the release gate refuses them. Pure.
public enum TranslationCheck {
    /// The text readers see of a field's value: an answer's Markdown as plain text, any other field as it is.
    static func shown(_ value: String, field: Field) -> String {
        (field == .answer ? Markdown.plainText(value) : value).trimmed
    }

    /// How `english` is the Japanese rather than a translation of `japanese`, or nil when it is not: the same text as
    /// the Japanese with kana or kanji in it (a name in Latin letters, `CloudGuard`, or a figure, `99.9%`, is the same
    /// in both languages), or mostly kana and kanji (`JapaneseScript.isMostlyJapanese`).
    public static func japaneseCopy(english: String, japanese: String, field: Field) -> String? {
        let text = shown(english, field: field)
        if text == shown(japanese, field: field), JapaneseScript.occurs(in: text) { return "is the Japanese text" }
        // Web addresses (written, or shown after a link's text) are no words of either language.
        let words = text.replacing(Markdown.bareURL, with: "")
        guard JapaneseScript.isMostlyJapanese(words) else { return nil }
        let letters = JapaneseScript.letters(in: words)
        return "is Japanese text (\(letters.japanese) of its \(letters.all) letters are kana or kanji)"
    }

    /// Where a field's value links to: the `href` of each link of its rendered answer (bare URLs included), sorted, one
    /// entry per link; none for the other fields, which the pages show as plain text. Images are no links: a diagram
    /// may well differ by language.
    public static func linkTargets(of value: String, field: Field) -> [String] {
        guard field == .answer else { return [] }
        return ReleaseGate.links(in: Markdown.html(value)).filter { !$0.isImage }.map(\.value).sorted()
    }

    /// Both fields' link targets when they differ as multisets (a target added, removed or changed; order aside), else nil.
    public static func differingLinks(english: String, japanese: String, field: Field) -> (english: [String], japanese: [String])? {
        let ours = linkTargets(of: english, field: field), theirs = linkTargets(of: japanese, field: field)
        return ours == theirs ? nil : (ours, theirs)
    }

    /// The difference in words: `links to ../rpo/index.html and https://evil.example/, the Japanese to ../rto/index.html`.
    public static func describe(_ links: (english: [String], japanese: [String])) -> String {
        func list(_ targets: [String]) -> String {
            guard let last = targets.last else { return "nowhere" }
            return "to " + (targets.count == 1 ? last : targets.dropLast().joined(separator: ", ") + " and " + last)
        }
        return "links \(list(links.english)), the Japanese \(list(links.japanese))"
    }
}
