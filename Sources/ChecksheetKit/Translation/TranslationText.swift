/// How a field's text goes to translators and how their English comes back, so that the English page shows exactly
/// what the translator wrote. Pure.
///
/// The item, definition and unit are plain text on the page (HTML-escaped, never read as Markdown): they travel as
/// they are. An answer is Markdown. An answer that is plain text, one paragraph that reads as exactly its text (as
/// `import` writes a sheet's cell: `1日1回 \& \<毎晩\>`, `\- 最大…` and a `\` at each line break), goes out as the text
/// readers see (`1日1回 & <毎晩>`), and the translator's English comes back escaped the same way, so that `&`, `<…>`,
/// a line starting with `- ` or `1. ` and every line break show as typed. Any other answer (a list, a link, emphasis)
/// goes out as its Markdown source and its English is written as Markdown, keeping the Japanese answer's structure.
public enum TranslationText {
    /// True when `answer` renders as exactly its text: what `Markdown.escaped` makes of that text renders the same.
    public static func isPlain(answer: String) -> Bool {
        Markdown.html(Markdown.escaped(Markdown.plainText(answer))) == Markdown.html(answer)
    }

    /// What translators get of a field's value (the Japanese, or the English before): a plain answer as readers see it.
    public static func shown(_ value: String, field: Field) -> String {
        guard field == .answer, isPlain(answer: value) else { return value }
        return Markdown.plainText(value)
    }

    /// Whether translators get `field` as Markdown: an answer that is not plain.
    public static func isMarkdown(_ japanese: String, field: Field) -> Bool {
        field == .answer && !isPlain(answer: japanese)
    }

    /// The value to write for the translator's `english` of a field whose Japanese is `japanese`: the text escaped
    /// where the Japanese answer is plain text, as written where it is Markdown or not an answer.
    public static func stored(_ english: String, field: Field, japanese: String) -> String {
        isMarkdown(japanese, field: field) || field != .answer ? english : Markdown.escaped(english)
    }

    /// The blocks a Markdown answer is laid out in, counted by kind (`2 list items`, `1 paragraph`), from its HTML.
    public static func layout(of markdown: String) -> [String: Int] {
        let html = Markdown.html(markdown)
        var counts: [String: Int] = [:]
        for match in html.matches(of: /<(p|li|h[1-6]|blockquote|pre|hr|br)[ >\/]/) {
            let kind: String
            switch match.1 {
            case "p": kind = "paragraph"
            case "li": kind = "list item"
            case "blockquote": kind = "quote"
            case "pre": kind = "code block"
            case "hr": kind = "rule"
            case "br": kind = "line break"
            default: kind = "heading"
            }
            counts[kind, default: 0] += 1
        }
        return counts
    }

    /// A layout in words: `2 list items and 1 paragraph`, or `nothing`.
    static func describe(_ layout: [String: Int]) -> String {
        let parts = layout.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\($0.value == 1 ? "" : "s")" }
        guard let last = parts.last else { return "nothing" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
