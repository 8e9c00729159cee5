import Foundation

/// Plain texts already rendered, by Markdown source. Every download, the search index and several page kinds ask
/// for the same answer's text, in every revision that keeps the answer unchanged; cmark then runs once per answer.
final class PlainTextMemo: @unchecked Sendable {
    static let shared = PlainTextMemo()

    /// Past this many answers the memo starts afresh, so a long preview session does not keep every edit.
    static let capacity = 200_000

    private let lock = NSLock()
    private var texts: [String: String] = [:]

    func text(of markdown: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return texts[markdown]
    }

    func remember(_ text: String, of markdown: String) {
        lock.lock()
        defer { lock.unlock() }
        if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
        texts[markdown] = text
    }
}
