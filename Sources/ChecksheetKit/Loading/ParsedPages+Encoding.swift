import Foundation

extension ParsedPages {
    /// The format's first bytes; a file that does not start with them (or was written by another tool) is not read.
    static let magic = Array("checksheet-parsed-pages 3\n".utf8)

    /// The pages as bytes for the cache file, headed by the tool's identity: another tool may parse differently.
    ///
    /// Every distinct text is written once (`TextTable`), and the pages name texts by their place in it: a history
    /// of 21 revisions decodes 4,911 texts (4,116 of them its pages' paths and keys) instead of some 25,000. Each page's
    /// offset is listed before the pages, so that a build decodes them on all cores.
    public func encoded(tool: String) -> Data {
        var table = TextTable()
        var pages = ByteWriter()
        var offsets: [Int] = []
        offsets.reserveCapacity(entries.count)
        for key in entries.keys.sorted() {
            offsets.append(pages.bytes.count)
            Self.encode(key, entries[key]!, into: &pages, table: &table)
        }
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(tool)
        table.write(into: &writer)
        writer.integer(entries.count)
        for offset in offsets { writer.integer(offset) }
        writer.integer(pages.bytes.count)
        writer.bytes += pages.bytes
        return Data(writer.bytes)
    }

    private static func encode(_ key: String, _ entry: Entry, into writer: inout ByteWriter, table: inout TextTable) {
        func text(_ value: String, _ writer: inout ByteWriter) { writer.integer(table.place(of: value)) }
        let page = entry.page
        text(key, &writer)
        writer.integer(Int(bitPattern: UInt(entry.textHash)))
        text(page.file, &writer)
        writer.integer(page.language == .ja ? 0 : 1)
        let item = page.item
        writer.integer(item.no)
        for value in [item.slug, item.section, item.category, item.item, item.definition, item.unit, item.answer] { text(value, &writer) }
        writer.integer(item.keywords.count)
        for keyword in item.keywords { text(keyword, &writer) }
        writer.integer(page.positions.count)
        for (index, field) in Field.allCases.enumerated() {
            guard let position = page.positions[field] else { continue }
            writer.integer(index)
            writer.integer(position.line)
            writer.integer(position.column)
        }
    }

    /// The pages the bytes hold; nil for bytes of another format or tool, or cut short (the cache is then rebuilt).
    public static func decode(_ data: Data, tool: String) -> ParsedPages? {
        let bytes = [UInt8](data)
        var reader = ByteReader(bytes: bytes)
        guard reader.take(magic.count) == magic, reader.string() == tool, let texts = TextTable.read(&reader) else { return nil }
        guard let count = reader.integer(), count >= 0, count <= (bytes.count - reader.offset) / 8 else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        for _ in 0...count {
            guard let offset = reader.integer(), offset >= (offsets.last ?? 0) else { return nil }
            offsets.append(offset)
        }
        // The pages take the rest of the file, each from its offset to the next one's.
        let base = reader.offset, starts = offsets, known = texts
        guard starts.first ?? 0 == 0, bytes.count - base == starts[count] else { return nil }
        let decoded = Array(0..<count).parallelMap { index -> (key: String, entry: Entry)? in
            var page = ByteReader(bytes: bytes, offset: base + starts[index], end: base + starts[index + 1])
            guard let decoded = decodeEntry(&page, texts: known), page.atEnd else { return nil }
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

    private static func decodeEntry(_ reader: inout ByteReader, texts: [String]) -> (key: String, entry: Entry)? {
        func text() -> String? {
            guard let place = reader.integer(), texts.indices.contains(place) else { return nil }
            return texts[place]
        }
        guard let key = text(), let hash = reader.integer(), let file = text(), let language = reader.integer(), (0...1).contains(language),
              let no = reader.integer() else { return nil }
        var values: [String] = []
        values.reserveCapacity(7)
        for _ in 0..<7 {
            guard let value = text() else { return nil }
            values.append(value)
        }
        guard let keywordCount = reader.integer(), (0...10_000).contains(keywordCount) else { return nil }
        var keywords: [String] = []
        keywords.reserveCapacity(keywordCount)
        for _ in 0..<keywordCount {
            guard let keyword = text() else { return nil }
            keywords.append(keyword)
        }
        guard let positionCount = reader.integer(), (0...Field.allCases.count).contains(positionCount) else { return nil }
        var positions: [Field: ItemPage.Position] = [:]
        for _ in 0..<positionCount {
            guard let index = reader.integer(), Field.allCases.indices.contains(index), let line = reader.integer(), let column = reader.integer() else { return nil }
            positions[Field.allCases[index]] = ItemPage.Position(line: line, column: column)
        }
        let item = Item(no: no, slug: values[0], section: values[1], category: values[2], item: values[3], definition: values[4], unit: values[5],
                        answer: values[6], keywords: keywords)
        return (key, Entry(textHash: UInt64(bitPattern: Int64(hash)), page: ItemPage(file: file, language: language == 0 ? .ja : .en, item: item,
                                                                                      positions: positions)))
    }
}
