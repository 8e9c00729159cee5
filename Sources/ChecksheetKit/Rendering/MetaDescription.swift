/// The text of a page's `description`, Open Graph and Twitter descriptions: link previews and search engines show
/// about 160 characters, and a page must not repeat a long answer three times in its head.
enum MetaDescription {
    static let limit = 160

    /// `text` as it is when short enough; otherwise its whitespace folded and cut at the last word boundary
    /// before the limit (anywhere in Japanese, which has no spaces), ending in "…".
    static func cut(_ text: String) -> String {
        guard text.count > limit else { return text }
        let folded = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        guard folded.count > limit else { return folded }
        let head = folded.prefix(limit - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= limit / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }
}
