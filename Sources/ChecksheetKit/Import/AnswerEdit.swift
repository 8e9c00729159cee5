/// An edit the docs team made to an answer in a sheet, carried into the answer's Markdown: the sheet holds the answer as
/// the reader sees it (a link as `text (URL)`, a list item after `•`), so its cell cannot say where the Markdown's links,
/// lists and emphasis were. Where the cell changed one stretch of that text, and the stretch stands in the Markdown as it
/// reads, it is replaced there and the formatting around it stays.
enum AnswerEdit {
    /// Places a stretch is tried at, at most: an answer is a few paragraphs.
    static let candidates = 64

    /// The Markdown with the edit from `before` to `after` (both plain text) made in it; nil when the edit cannot be
    /// placed. Every place the changed stretch stands in the Markdown is tried, and a result is taken only when it
    /// reads exactly as `after` and no other place gives another such result: a carried edit never publishes anything
    /// the cell did not say, nor guesses between two readings of it.
    static func carried(into markdown: String, before: String, after: String) -> String? {
        let old = Array(before), new = Array(after)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let removed = Array(old[prefix..<(old.count - suffix)]), inserted = String(new[prefix..<(new.count - suffix)])
        guard !removed.isEmpty || !inserted.isEmpty else { return nil }
        let characters = Array(markdown)
        let written = Markdown.escapedInline(inserted)
        // What is replaced: the removed text, or for an insertion a character beside it, kept.
        var anchors: [(found: [Character], kept: (left: String, right: String))] = []
        if !removed.isEmpty {
            anchors.append((removed, ("", "")))
        } else {
            if prefix > 0 { anchors.append(([old[prefix - 1]], (String(old[prefix - 1]), ""))) }
            if suffix > 0 { anchors.append(([old[old.count - suffix]], ("", String(old[old.count - suffix])))) }
        }
        var results: Set<String> = []
        for anchor in anchors {
            for place in occurrences(of: anchor.found, in: characters) {
                let result = String(characters[..<place]) + anchor.kept.left + written + anchor.kept.right + String(characters[(place + anchor.found.count)...])
                if Markdown.plainText(result) == after { results.insert(result) }
            }
        }
        return results.count == 1 ? results.first : nil
    }

    /// Whether the answer shows more than paragraphs and line breaks (links, lists, emphasis, code): what a cell of the
    /// sheet, holding plain text, cannot give back.
    static func isFormatted(_ markdown: String) -> Bool {
        var html = Markdown.html(markdown)
        for plain in ["<p>", "</p>", "<br />"] { html = html.replacingOccurrences(of: plain, with: "") }
        return html.holdsBytes("<")
    }

    /// Where `pattern` starts in `text` (the first `candidates` places).
    static func occurrences(of pattern: [Character], in text: [Character]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= text.count else { return [] }
        var places: [Int] = []
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] && text[start..<(start + pattern.count)].elementsEqual(pattern) {
            places.append(start)
            if places.count == candidates { break }
        }
        return places
    }
}
