import Foundation

/// The values of the process's text memos (`TextMemos`) as `build` keeps them between runs: plain texts, search
/// tokens, inline diffs and reading keys of the texts the last builds asked for. Pure functions of their texts and
/// of the tool, so a value is taken for its text, never for a file or a revision; another tool's are not read.
public struct KeptTexts: Sendable {
    typealias Entries<Value> = [(text: String, value: Value, age: Int)]

    var plainText: Entries<String> = []
    var indexTokens: Entries<[SearchText.Token]> = []
    var inlineDiffs: Entries<String> = []
    var readingKeys: Entries<String> = []

    /// Builds a value may go unasked for before it is dropped: the pages a rebuild does not render ask for nothing,
    /// and the next edit may render them.
    static let maxAge = 8

    /// The format's first bytes; a file that does not start with them is not read.
    static let magic = Array("checksheet-texts 1\n".utf8)

    /// What the process's memos hold now, to keep.
    static var current: KeptTexts {
        KeptTexts(plainText: TextMemos.plainText.entries(maxAge: maxAge), indexTokens: TextMemos.indexTokens.entries(maxAge: maxAge),
                  inlineDiffs: TextMemos.inlineDiffs.entries(maxAge: maxAge), readingKeys: TextMemos.readingKeys.entries(maxAge: maxAge))
    }

    /// Whether this process made a value none of its memos held: only then is there anything new to keep.
    public static var madeAny: Bool {
        TextMemos.plainText.madeAny || TextMemos.indexTokens.madeAny || TextMemos.inlineDiffs.madeAny || TextMemos.readingKeys.madeAny
    }

    /// Hands the values to the process's memos, which take one when its text is asked for.
    public func install() {
        TextMemos.plainText.take(plainText)
        TextMemos.indexTokens.take(indexTokens)
        TextMemos.inlineDiffs.take(inlineDiffs)
        TextMemos.readingKeys.take(readingKeys)
    }

    /// The bytes of the cache file, headed by the tool's identity: another version may analyse differently.
    func encoded(tool: String) -> Data {
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(tool)
        func section<Value>(_ entries: Entries<Value>, _ value: (Value, inout ByteWriter) -> Void) {
            writer.integer(entries.count)
            for entry in entries {
                writer.string(entry.text)
                writer.integer(entry.age)
                value(entry.value, &writer)
            }
        }
        let text: (String, inout ByteWriter) -> Void = { value, writer in writer.string(value) }
        section(plainText, text)
        section(indexTokens) { tokens, writer in
            writer.integer(tokens.count)
            for token in tokens {
                // Most tokens are their word as written: said in a bit rather than the word again.
                let sameWord = token.word.sameBytes(as: token.text)
                writer.integer((token.isJapanese ? 1 : 0) | (token.isPart ? 2 : 0) | (sameWord ? 4 : 0))
                writer.string(token.text)
                if !sameWord { writer.string(token.word) }
            }
        }
        section(inlineDiffs, text)
        section(readingKeys, text)
        return Data(writer.bytes)
    }

    /// The values the bytes hold; nil for bytes of another format or tool, or cut short.
    static func decode(_ data: Data, tool: String) -> KeptTexts? {
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.take(magic.count) == magic, reader.string() == tool else { return nil }
        func section<Value>(_ value: (inout ByteReader) -> Value?) -> Entries<Value>? {
            // Each entry takes at least 24 bytes: a count beyond what is left is a damaged file, not an allocation.
            guard let count = reader.integer(), count >= 0, count <= (reader.end - reader.offset) / 24 else { return nil }
            var entries: Entries<Value> = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let text = reader.string(), let age = reader.integer(), age >= 0, let decoded = value(&reader) else { return nil }
                entries.append((text, decoded, age))
            }
            return entries
        }
        let text: (inout ByteReader) -> String? = { $0.string() }
        guard let plainText = section(text),
              let indexTokens = section({ reader -> [SearchText.Token]? in
                  guard let count = reader.integer(), count >= 0, count <= (reader.end - reader.offset) / 16 else { return nil }
                  var tokens: [SearchText.Token] = []
                  tokens.reserveCapacity(count)
                  for _ in 0..<count {
                      guard let flags = reader.integer(), let text = reader.string() else { return nil }
                      var word = text
                      if flags & 4 == 0 {
                          guard let written = reader.string() else { return nil }
                          word = written
                      }
                      tokens.append(SearchText.Token(text: text, isJapanese: flags & 1 != 0, isPart: flags & 2 != 0, word: word))
                  }
                  return tokens
              }),
              let inlineDiffs = section(text), let readingKeys = section(text), reader.atEnd else { return nil }
        return KeptTexts(plainText: plainText, indexTokens: indexTokens, inlineDiffs: inlineDiffs, readingKeys: readingKeys)
    }
}
