import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings Excel exports a sheet in, recognised from the bytes alone.
public enum SheetEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16 = "UTF-16"
    case utf16LittleEndian = "UTF-16 little-endian without BOM"
    case utf16BigEndian = "UTF-16 big-endian without BOM"
    /// Windows' Shift_JIS (Excel's "CSV" on Japanese Windows): CP932, not JIS X 0208 Shift_JIS,
    /// so that 〜, －, ① and friends decode to the characters Excel showed.
    case cp932 = "Shift_JIS (CP932)"

    /// Why bytes are not a sheet's text, said as what they are.
    public enum Refusal: Error, Sendable, Equatable {
        case workbook
        case nul(line: Int)
        case oddUTF16
        case undecodable

        /// The message and hint of the diagnostic.
        public var explanation: (message: String, hint: String) {
            switch self {
            case .workbook:
                return ("the file is an Excel workbook (.xlsx), not exported text", "in Excel, save the sheet as CSV (UTF-8) or Unicode Text, then import that file")
            case let .nul(line):
                return ("the file holds a NUL byte on line \(line): it is binary data or text in an encoding other than UTF-8, UTF-16 or Shift_JIS",
                        "export the sheet from Excel as CSV (UTF-8) or Unicode Text")
            case .oddUTF16:
                return ("the file looks like UTF-16 (every other byte is zero) but has an odd number of bytes: it was cut short",
                        "export the sheet again from Excel as Unicode Text")
            case .undecodable:
                return ("the file is neither UTF-8, UTF-16 nor Shift_JIS text", "export the sheet from Excel as CSV or Unicode text")
            }
        }
    }

    /// Detects the encoding and decodes; nil when the bytes are none of the supported encodings.
    public static func decode(_ data: Data) -> (text: String, encoding: SheetEncoding)? {
        try? decoding(data).get()
    }

    /// Detects the encoding and decodes, or says what the bytes are.
    public static func decoding(_ data: Data) -> Result<(text: String, encoding: SheetEncoding), Refusal> {
        let bytes = [UInt8](data)
        switch detect(bytes[...]) {
        case let .failure(refusal): return .failure(refusal)
        case let .success((encoding, skip)):
            if let text = encoding.decodePiece(bytes[skip...]) { return .success((text, encoding)) }
            if encoding == .utf8, let text = SheetEncoding.cp932.decodePiece(bytes[...]) { return .success((text, .cp932)) }
            return .failure(.undecodable)
        }
    }

    /// The encoding the first bytes of a file show, and how many bytes of byte order mark to skip.
    /// `.utf8` may still turn out to be CP932 further on (`decodePiece` fails).
    public static func detect(_ prefix: ArraySlice<UInt8>) -> Result<(SheetEncoding, Int), Refusal> {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .success((.utf8WithBOM, 3)) }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return .success((.utf16, 0)) }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .failure(.workbook) }
        guard let firstZero = prefix.firstIndex(of: 0) else { return .success((.utf8, 0)) }
        // Text never holds NUL; UTF-16 of a sheet (tabs, digits, line breaks) has a zero in every ASCII character's other byte.
        var even = 0, odd = 0
        for (offset, byte) in prefix.enumerated() where byte == 0 {
            if offset % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = max(1, prefix.count / 2)
        if odd >= max(2, pairs / 64), even <= odd / 4 { return prefix.count % 2 == 0 ? .success((.utf16LittleEndian, 0)) : .failure(.oddUTF16) }
        if even >= max(2, pairs / 64), odd <= even / 4 { return prefix.count % 2 == 0 ? .success((.utf16BigEndian, 0)) : .failure(.oddUTF16) }
        return .failure(.nul(line: prefix[..<firstZero].filter { $0 == 0x0A }.count + 1))
    }

    /// Bytes per code unit, for cutting a file into pieces at line ends.
    public var unitSize: Int {
        switch self {
        case .utf16, .utf16LittleEndian, .utf16BigEndian: return 2
        default: return 1
        }
    }

    /// The end (exclusive) of the last complete line in `bytes`, so that a piece never splits a character or `\r\n`.
    public func lastLineEnd(in bytes: ArraySlice<UInt8>, littleEndian: Bool = true) -> Int? {
        if unitSize == 1 { return bytes.lastIndex(of: 0x0A).map { $0 + 1 } }
        var index = bytes.startIndex + ((bytes.count / 2) - 1) * 2
        let little = self == .utf16LittleEndian || (self == .utf16 && littleEndian)
        while index >= bytes.startIndex {
            if little ? (bytes[index] == 0x0A && bytes[index + 1] == 0) : (bytes[index] == 0 && bytes[index + 1] == 0x0A) { return index + 2 }
            index -= 2
        }
        return nil
    }

    /// Decodes one piece of the file cut at a line end; nil when the bytes are not valid in this encoding.
    /// `.utf16` pieces after the first carry no byte order mark: pass `littleEndian` from the first.
    public func decodePiece(_ bytes: ArraySlice<UInt8>, littleEndian: Bool? = nil) -> String? {
        switch self {
        case .utf8, .utf8WithBOM:
            return String(validating: bytes, as: UTF8.self)
        case .cp932:
            return Self.decodeCP932(Array(bytes))
        case .utf16, .utf16LittleEndian, .utf16BigEndian:
            guard bytes.count % 2 == 0 else { return nil }
            var little = self != .utf16BigEndian
            var start = bytes.startIndex
            if self == .utf16 {
                if bytes.starts(with: [0xFF, 0xFE]) { little = true; start += 2 } else if bytes.starts(with: [0xFE, 0xFF]) { little = false; start += 2 } else { little = littleEndian ?? true }
            }
            var units: [UInt16] = []
            units.reserveCapacity((bytes.endIndex - start) / 2)
            var index = start
            while index < bytes.endIndex {
                let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
                units.append(little ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(validating: units, as: UTF16.self)
        }
    }

    /// glibc's iconv knows CP932; Foundation on Linux maps `.shiftJIS` without Microsoft's extensions.
    static func decodeCP932(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "CP932")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
