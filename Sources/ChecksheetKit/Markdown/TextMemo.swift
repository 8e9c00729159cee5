import Foundation

/// Results of a pure function of a text, kept for the life of the process: every download, the search index and
/// several page kinds ask for the same answer's plain text, in every revision that keeps the answer unchanged, and
/// the preview rebuilds from the same texts after each edit; cmark and the search analysis then run once per text.
/// `build` also keeps them between runs in its cache (`KeptTexts.keep(cacheFile:tool:)`): after an edit of one
/// answer, the other answers' analyses are taken, not made again.
final class TextMemo<Value: Sendable>: @unchecked Sendable {
    /// Past this many texts the memo starts afresh, so a long preview session does not keep every edit.
    static var capacity: Int { 200_000 }

    private let lock = NSLock()
    /// Keyed by the texts' bytes (`ExactText`): the values asked for in this process (`asked`), and those an earlier
    /// build made that none has asked for yet, with the count of builds since one last did (`age`). One table, so that
    /// finding a kept value hashes its text once: moving it from a table of kept values to one of asked values hashed
    /// it three times, and a rebuild finds thousands of them.
    private var table: [ExactText: Entry] = [:]
    /// How many values this process made rather than found.
    private var made = 0

    private struct Entry {
        var value: Value
        var age: Int
        var asked: Bool
    }

    /// The value of `text`, made by `make` unless an earlier call, or an earlier build, made it.
    func value(of text: String, make: (String) -> Value) -> Value {
        let key = ExactText(text)
        lock.lock()
        if let index = table.index(forKey: key) {
            if !table.values[index].asked { table.values[index].asked = true }
            let known = table.values[index].value
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = make(text)
        lock.lock()
        defer { lock.unlock() }
        if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
        table[key] = Entry(value: value, age: 0, asked: true)
        made += 1
        return value
    }

    /// Takes values an earlier build made, each with the count of builds since one asked for it; values this process
    /// holds already stay.
    func take(_ entries: [(text: String, value: Value, age: Int)]) {
        lock.lock()
        defer { lock.unlock() }
        table.reserveCapacity(table.count + entries.count)
        for entry in entries {
            let key = ExactText(entry.text)
            if table[key] == nil { table[key] = Entry(value: entry.value, age: entry.age, asked: false) }
        }
    }

    /// Whether this process made a value it did not find.
    var madeAny: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made > 0
    }

    /// What to keep for the next build: the values asked for (age 0), and those taken from an earlier build but not
    /// asked for, one build older, up to `maxAge`. A rebuild renders only the pages whose inputs changed, so a value
    /// it did not ask for is often one the next edit needs (an archived answer's diff); one unasked for `maxAge`
    /// builds is dropped, so the cache follows the content rather than every text it ever held.
    func entries(maxAge: Int) -> [(text: String, value: Value, age: Int)] {
        lock.lock()
        defer { lock.unlock() }
        var entries: [(text: String, value: Value, age: Int)] = []
        entries.reserveCapacity(table.count)
        for (key, entry) in table where entry.asked || entry.age < maxAge {
            entries.append((key.text, entry.value, entry.asked ? 0 : entry.age + 1))
        }
        return entries
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
