import Foundation

/// A field's text as a reader tells two versions of it apart: the one comparison that decides whether an edit is a
/// change of content (listed, counted, badged, dated) and whether it makes the English pending. What a page does not
/// show differently is no change: Markdown emphasis, a double or trailing space, a blank line. What reads the same is
/// no change either, only of notation: compatibility characters NFKC maps together (`％` and `%`, `（）` and `()`,
/// full-width letters and digits) and the character pairs of the two Shift_JIS tables the import already treats as one
/// (`ShiftJISVariants`). The page itself still shows the text as written.
public enum ReadingKey {
    /// The key of a field's displayed plain text (`Item.plainText(of:)`): Shift_JIS pairs folded, NFKC, each line's
    /// whitespace collapsed and trimmed as HTML shows it, empty lines dropped.
    public static func of(_ plain: String) -> String {
        // Kept per text: every build compares each field of every pair of revisions, and most texts recur unchanged.
        TextMemos.readingKeys.value(of: plain, make: key)
    }

    private static func key(_ plain: String) -> String {
        let normalized = ShiftJISVariants.folded(plain).precomposedStringWithCompatibilityMapping
        return normalized.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The words of an English text, case folded, without punctuation or spacing: an English edit that keeps them
    /// ("24 hours" → "24 hours.") does not translate a change of the Japanese made in the same span.
    public static func words(_ plain: String) -> String {
        of(plain).lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}

extension Item {
    /// The field as a reader tells it apart (`ReadingKey.of`).
    public func readingKey(of field: Field) -> String {
        ReadingKey.of(plainText(of: field))
    }

    /// Whether the field reads the same in both items: equal, or different only in markup, spacing or notation.
    /// The same bytes are the same text, found without the normalization `==` does on Japanese: most fields of a pair of
    /// revisions are unchanged.
    public func readsTheSame(_ field: Field, as other: Item) -> Bool {
        let mine = value(of: field), theirs = other.value(of: field)
        return mine.sameBytes(as: theirs) || mine == theirs || readingKey(of: field) == other.readingKey(of: field)
    }
}
