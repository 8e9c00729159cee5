import Foundation

extension ParsedPages {
    /// The format's first bytes; a file that does not start with them (or was written by another tool) is not read.
    static let magic = Array("checksheet-parsed-pages 2\n".utf8)

    /// The pages as bytes for the cache file, headed by the tool's identity: another tool may parse differently.
    /// Each page's offset is listed before the pages, so that a build decodes them on all cores.
    public func encoded(tool: String) -> Data {
        var pages = ByteWriter()
        var offsets: [Int] = []
        offsets.reserveCapacity(entries.count)
        for key in entries.keys.sorted() {
            offsets.append(pages.bytes.count)
            Self.encode(key, entries[key]!, into: &pages)
        }
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(tool)
        writer.integer(entries.count)
        for offset in offsets { writer.integer(offset) }
        writer.integer(pages.bytes.count)
        writer.bytes += pages.bytes
        return Data(writer.bytes)
    }

    private static func encode(_ key: String, _ entry: Entry, into writer: inout ByteWriter) {
        let page = entry.page
        writer.string(key)
        writer.integer(Int(bitPattern: UInt(entry.textHash)))
        writer.string(page.file)
        writer.string(page.language.rawValue)
        let item = page.item
        writer.integer(item.no)
        for text in [item.slug, item.section, item.category, item.item, item.definition, item.unit, item.answer] { writer.string(text) }
        writer.integer(item.keywords.count)
        for keyword in item.keywords { writer.string(keyword) }
        writer.integer(page.positions.count)
        for field in Field.allCases {
            guard let position = page.positions[field] else { continue }
            writer.string(field.rawValue)
            writer.integer(position.line)
            writer.integer(position.column)
        }
    }

    /// The pages the bytes hold; nil for bytes of another format or tool, or cut short (the cache is then rebuilt).
    public static func decode(_ data: Data, tool: String) -> ParsedPages? {
        let bytes = [UInt8](data)
        var reader = ByteReader(bytes: bytes)
        guard reader.take(magic.count) == magic, reader.string() == tool, let count = reader.integer(), count >= 0,
              count <= (bytes.count - reader.offset) / 8 else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        for _ in 0...count {
            guard let offset = reader.integer(), offset >= (offsets.last ?? 0) else { return nil }
            offsets.append(offset)
        }
        // The pages take the rest of the file, each from its offset to the next one's.
        let base = reader.offset, starts = offsets
        guard starts.first ?? 0 == 0, bytes.count - base == starts[count] else { return nil }
        let decoded = Array(0..<count).parallelMap { index -> (key: String, entry: Entry)? in
            var page = ByteReader(bytes: bytes, offset: base + starts[index], end: base + starts[index + 1])
            guard let decoded = decodeEntry(&page), page.atEnd else { return nil }
            return decoded
        }
        var pages = ParsedPages()
        pages.entries.reserveCapacity(count)
        for entry in decoded {
            guard let entry else { return nil }
            pages.entries[entry.key] = entry.entry
        }
        return pages
    }

    private static func decodeEntry(_ reader: inout ByteReader) -> (key: String, entry: Entry)? {
        guard let key = reader.string(), let hash = reader.integer(), let file = reader.string(),
              let language = reader.string().flatMap(Language.init(rawValue:)), let no = reader.integer() else { return nil }
        var texts: [String] = []
        for _ in 0..<7 {
            guard let text = reader.string() else { return nil }
            texts.append(text)
        }
        guard let keywordCount = reader.integer(), (0...10_000).contains(keywordCount) else { return nil }
        var keywords: [String] = []
        for _ in 0..<keywordCount {
            guard let keyword = reader.string() else { return nil }
            keywords.append(keyword)
        }
        guard let positionCount = reader.integer(), (0...Field.allCases.count).contains(positionCount) else { return nil }
        var positions: [Field: ItemPage.Position] = [:]
        for _ in 0..<positionCount {
            guard let field = reader.string().flatMap(Field.init(rawValue:)), let line = reader.integer(), let column = reader.integer() else { return nil }
            positions[field] = ItemPage.Position(line: line, column: column)
        }
        let item = Item(no: no, slug: texts[0], section: texts[1], category: texts[2], item: texts[3], definition: texts[4], unit: texts[5],
                        answer: texts[6], keywords: keywords)
        return (key, Entry(textHash: UInt64(bitPattern: Int64(hash)), page: ItemPage(file: file, language: language, item: item, positions: positions)))
    }
}
