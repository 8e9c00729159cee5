import Foundation

/// Results of a pure function of a text, kept for the life of the process: every download, the search index and
/// several page kinds ask for the same answer's plain text, in every revision that keeps the answer unchanged, and
/// the preview rebuilds from the same texts after each edit; cmark and the search analysis then run once per text.
final class TextMemo<Value: Sendable>: @unchecked Sendable {
    /// Past this many texts the memo starts afresh, so a long preview session does not keep every edit.
    static var capacity: Int { 200_000 }

    private let lock = NSLock()
    /// Keyed by the texts' bytes (`ExactText`).
    private var values: [ExactText: Value] = [:]

    /// The value of `text`, made by `make` unless an earlier call made it.
    func value(of text: String, make: (String) -> Value) -> Value {
        let key = ExactText(text)
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = make(text)
        lock.lock()
        defer { lock.unlock() }
        if values.count >= Self.capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
        return value
    }
}

/// The process's text memos.
enum TextMemos {
    /// Markdown source → the text a reader sees.
    static let plainText = TextMemo<String>()
    /// Text → its search index tokens.
    static let indexTokens = TextMemo<[SearchText.Token]>()
    /// Language, old and new text → their inline diff as HTML: the "changes since" pages of consecutive revisions,
    /// and every rebuild of the preview, compare the same texts for every item that did not change.
    static let inlineDiffs = TextMemo<String>()
    /// Displayed text → the key a reader tells versions apart by (`ReadingKey`).
    static let readingKeys = TextMemo<String>()
}
