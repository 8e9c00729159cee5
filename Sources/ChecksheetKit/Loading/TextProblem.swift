import Foundation

/// Why bytes are not text the loader can read, and where: UTF-16, a NUL byte, or bytes that are not UTF-8.
struct TextProblem: Equatable {
    var line: Int
    var column: Int
    var message: String
    var hint: String

    /// The first problem in `data`, or nil when it is UTF-8 text without NUL bytes.
    static func find(in data: Data) -> TextProblem? {
        let bytes = [UInt8](data)
        if let encoding = utf16(bytes) {
            return TextProblem(line: 1, column: 1, message: "the file is \(encoding) text, not UTF-8",
                               hint: "save it as UTF-8 (in most editors: Save As, encoding UTF-8)")
        }
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                return TextProblem(line: line, column: column(bytes, lineStart, index), message: "the file contains a NUL byte (0x00)",
                                   hint: "remove it; NUL bytes come from binary files or text saved in another encoding")
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                let hex = String(format: "0x%02X", byte)
                return TextProblem(line: line, column: column(bytes, lineStart, index), message: "the file is not valid UTF-8 text: byte \(hex) does not belong to a UTF-8 character",
                                   hint: "save it as UTF-8; Shift_JIS or Windows-1252 text must be converted (for example with `iconv -f CP932 -t UTF-8`)")
            }
            index += length
        }
        return nil
    }

    /// The byte length of the valid UTF-8 sequence at `index`, or 0 when none starts there.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8)
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The 1-based column of `index`, counted in characters of the valid text before it on its line.
    static func column(_ bytes: [UInt8], _ lineStart: Int, _ index: Int) -> Int {
        String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
    }

    /// "UTF-16 (little-endian)" and the like when the bytes are UTF-16, with or without a byte order mark.
    static func utf16(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian, with a byte order mark)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian, with a byte order mark)" }
        // Without a mark: text in UTF-16 has a zero byte in every other place for ASCII (front matter, newlines).
        let sample = bytes.prefix(512)
        guard sample.count >= 8, sample.count % 2 == 0 else { return nil }
        let pairs = sample.count / 2
        let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        if oddZeros * 10 >= pairs * 3, evenZeros == 0 { return "UTF-16 (little-endian)" }
        if evenZeros * 10 >= pairs * 3, oddZeros == 0 { return "UTF-16 (big-endian)" }
        return nil
    }
}
