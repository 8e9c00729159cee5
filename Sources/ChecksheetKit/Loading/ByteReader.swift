/// Reads what `ByteWriter` wrote; nil wherever the bytes run out or do not fit.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    /// Where this reader's bytes end: the file's end, or the next record's start.
    let end: Int

    init(bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var atEnd: Bool { offset == end }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, end - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer() -> Int? {
        guard end - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Int(Int64(bitPattern: bits))
    }

    mutating func string() -> String? {
        guard let count = integer(), count >= 0, end - offset >= count else { return nil }
        defer { offset += count }
        return String(validating: bytes[offset..<offset + count], as: UTF8.self)
    }
}
