import Foundation

extension ParsedPages {
    /// The format's first bytes; a file that does not start with them (or was written by another tool) is not read.
    static let magic = Array("checksheet-parsed-pages 1\n".utf8)

    /// The pages as bytes for the cache file, headed by the tool's identity: another tool may parse differently.
    public func encoded(tool: String) -> Data {
        var writer = ByteWriter()
        writer.bytes += Self.magic
        writer.string(tool)
        writer.integer(entries.count)
        for key in entries.keys.sorted() {
            let entry = entries[key]!, page = entry.page
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
        return Data(writer.bytes)
    }

    /// The pages the bytes hold; nil for bytes of another format or tool, or cut short (the cache is then rebuilt).
    public static func decode(_ data: Data, tool: String) -> ParsedPages? {
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.take(magic.count) == magic, reader.string() == tool, let count = reader.integer(), count >= 0 else { return nil }
        var pages = ParsedPages()
        for _ in 0..<count {
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
            pages.entries[key] = Entry(textHash: UInt64(bitPattern: Int64(hash)),
                                       page: ItemPage(file: file, language: language, item: item, positions: positions))
        }
        return reader.atEnd ? pages : nil
    }
}

/// Integers as eight little-endian bytes, strings as their UTF-8 length and bytes.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var bits = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ text: String) {
        integer(text.utf8.count)
        bytes += text.utf8
    }
}

/// Reads what `ByteWriter` wrote; nil wherever the bytes run out or do not fit.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer() -> Int? {
        guard bytes.count - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Int(Int64(bitPattern: bits))
    }

    mutating func string() -> String? {
        guard let count = integer(), count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return String(validating: bytes[offset..<offset + count], as: UTF8.self)
    }
}
