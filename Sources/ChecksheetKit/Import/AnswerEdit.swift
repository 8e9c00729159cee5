/// An edit the docs team made to an answer in a sheet, carried into the answer's Markdown: the sheet holds the answer as
/// the reader sees it (a link as `text (URL)`, a list item after `•`), so its cell cannot say where the Markdown's links,
/// lists and emphasis were. Where the cell changed one stretch of that text, and the stretch stands in the Markdown as it
/// reads, it is replaced there and the formatting around it stays.
enum AnswerEdit {
    /// Places a stretch is tried at, at most: an answer is a few paragraphs.
    static let candidates = 64
    /// Stretches an edit of one answer is made in, at most.
    static let maximumStretches = 16

    /// The Markdown with the edit from `before` to `after` (both plain text) made in it; nil when the edit cannot be
    /// placed. An edit of several stretches (two numbers of a list) is made one stretch at a time, from the last, each
    /// step held to the text it must read as.
    static func carried(into markdown: String, before: String, after: String) -> String? {
        if let whole = carriedStretch(into: markdown, before: before, after: after) { return whole }
        let steps = stretches(from: before, to: after)
        // More stretches than an edit has is a rewrite: the cell's text is taken, and the import says so.
        guard steps.count > 1, steps.count <= maximumStretches else { return nil }
        var result = markdown, reads = before
        for step in steps {
            guard let next = carriedStretch(into: result, before: reads, after: step) else { return nil }
            (result, reads) = (next, step)
        }
        return reads == after ? result : nil
    }

    /// The texts from `before` to `after` with one more changed stretch made each time, the last stretch first (so
    /// that the places of the earlier ones stay where they were), ending with `after`.
    static func stretches(from before: String, to after: String) -> [String] {
        let old = Array(before), new = Array(after)
        let difference = new.difference(from: old)
        var removed: Set<Int> = [], inserted: Set<Int> = []
        for change in difference {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var changes: [(range: Range<Int>, text: [Character])] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            let removing = i < old.count && removed.contains(i), inserting = j < new.count && inserted.contains(j)
            guard removing || inserting else {
                i += 1
                j += 1
                continue
            }
            let start = i
            var text: [Character] = []
            while (i < old.count && removed.contains(i)) || (j < new.count && inserted.contains(j)) {
                if i < old.count && removed.contains(i) { i += 1 } else { text.append(new[j]); j += 1 }
            }
            changes.append((start..<i, text))
        }
        var text = old, steps: [String] = []
        for change in changes.reversed() {
            text.replaceSubrange(change.range, with: change.text)
            steps.append(String(text))
        }
        return steps
    }

    /// One changed stretch made in the Markdown. Every place the stretch stands is tried, and a result is taken only
    /// when it reads exactly as `after` and no other place gives another such result: a carried edit never publishes
    /// anything the cell did not say, nor guesses between two readings of it.
    static func carriedStretch(into markdown: String, before: String, after: String) -> String? {
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
