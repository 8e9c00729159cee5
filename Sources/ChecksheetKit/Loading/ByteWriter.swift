/// Integers as eight little-endian bytes, strings as their UTF-8 length and bytes.
struct ByteWriter {
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
