/// The texts of a cache file written once each, and named elsewhere in the file by their place: most texts of a long
/// history (an item's name, definition, unit; most answers; most whole pages) are the same in every revision, so a
/// cache decodes a few thousand texts instead of tens of thousands, and what it decodes shares them. Texts are told
/// apart by their bytes (`ExactText`): two equal only under Unicode's canonical equivalence come back each as written.
struct TextTable {
    private var places: [ExactText: Int] = [:]
    private var texts = ByteWriter()

    /// The place of `text`, added after the others when it is new.
    mutating func place(of text: String) -> Int {
        let key = ExactText(text)
        if let place = places[key] { return place }
        places[key] = places.count
        texts.string(text)
        return places.count - 1
    }

    /// The count of texts, their bytes' length, then the texts.
    func write(into writer: inout ByteWriter) {
        writer.integer(places.count)
        writer.integer(texts.bytes.count)
        writer.bytes += texts.bytes
    }

    /// The texts `write(into:)` wrote where `reader` stands, in their places' order; nil when the bytes are cut short,
    /// do not fit, or are not UTF-8.
    static func read(_ reader: inout ByteReader) -> [String]? {
        // Each text takes at least its 8-byte length: a count beyond the table's bytes is a damaged file, not an allocation.
        guard let count = reader.integer(), count >= 0, let length = reader.integer(), length >= 0, count <= length / 8,
              length <= reader.end - reader.offset else { return nil }
        var table = ByteReader(bytes: reader.bytes, offset: reader.offset, end: reader.offset + length)
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = table.string() else { return nil }
            texts.append(text)
        }
        guard table.atEnd else { return nil }
        reader.offset += length
        return texts
    }
}
