/// A text as a hash key by its UTF-8 bytes, hashed and compared byte for byte. A `String` key hashes and compares
/// Japanese text through Unicode normalization, which costs more than much of the work it keys. Two texts that
/// differ only in normalization are two keys: right for a memo (each gets its own, equal value) and for text already
/// normalized, such as the search index's tokens, where equal text is equal bytes.
struct ExactText: Hashable, Sendable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool { a.text.sameBytes(as: b.text) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
