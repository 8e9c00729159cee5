/// The text of a page's `description`, Open Graph and Twitter descriptions: link previews and search engines show
/// about 160 characters, and a page must not repeat a long answer three times in its head.
enum MetaDescription {
    static let limit = 160

    /// `text` as it is when short enough; otherwise its whitespace folded and cut at the last word boundary
    /// before the limit (anywhere in Japanese, which has no spaces), ending in "…".
    static func cut(_ text: String) -> String {
        // No more scalars than the limit, so no more characters: a description cut already is let through at once.
        var scalars = 0
        for _ in text.unicodeScalars {
            scalars += 1
            if scalars > limit { break }
        }
        if scalars <= limit { return text }
        // Counting stops past the limit, and folding soon after it: an item's description holds its whole answer.
        guard let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), limitIndex < text.endIndex else { return text }
        let folded = fold(text)
        guard folded.count > limit else { return folded }
        let head = folded.prefix(limit - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= limit / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }

    /// The text's runs of whitespace and line ends folded into single spaces, as splitting and joining gives it, but
    /// only until it holds `limit + 2` characters: text added after that can join only its last character (a
    /// combining mark after a space does), so its first `limit - 1` characters and its being over the limit stand.
    static func fold(_ text: String) -> String {
        var folded = ""
        var spaceBefore = false
        var appended = 0, nextCheck = limit + 2
        for character in text {
            if character.isWhitespace || character.isNewline {
                spaceBefore = !folded.isEmpty
                continue
            }
            if spaceBefore {
                folded.append(" ")
                appended += 1
                spaceBefore = false
            }
            folded.append(character)
            appended += 1
            if appended >= nextCheck {
                if folded.count >= limit + 2 { return folded }
                // Characters that joined the ones before them: count again further on.
                nextCheck = appended * 2
            }
        }
        return folded
    }
}
