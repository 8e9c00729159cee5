import Foundation

/// 64-bit FNV-1a: stable across runs and platforms, enough to tell two versions of a file or a page's inputs apart
/// (asset names, page fingerprints, the preview's ETags). Not for anything an adversary chooses to collide.
public struct ContentHash: Sendable, Equatable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// The hash of `data` alone.
    public init(_ data: Data) { add(data) }

    /// The hash of `text`'s UTF-8 alone.
    public init(text: String) { add(text) }

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The integer's eight bytes, least significant first: a length or a tag without making a string of it.
    public mutating func add(integer: Int) {
        var bits = UInt64(bitPattern: Int64(integer))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// Sixteen lower-case hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
