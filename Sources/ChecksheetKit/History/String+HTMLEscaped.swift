extension String {
    /// Text safe inside HTML elements and attribute values.
    var htmlEscaped: String {
        // Most text a page shows holds none of the five: one tight pass over its bytes says so.
        if utf8.withContiguousStorageIfAvailable({ !$0.contains(where: Self.isSpecialByte) }) == true { return self }
        // On the bytes when every special character stands between ASCII (then it is a Character of its own, as
        // below); a mark combining with it, or a prepended letter, keeps it whole and unescaped, so that text goes on.
        var special = false
        var clear = true
        var previous: UInt8 = 0
        var afterSpecial = false
        for byte in utf8 {
            if afterSpecial && byte >= 0x80 { clear = false; break }
            afterSpecial = false
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                if previous >= 0x80 { clear = false }
                special = true
                afterSpecial = true
            default: break
            }
            if !clear { break }
            previous = byte
        }
        if !special && clear { return self }
        if clear {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 32)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += "&amp;".utf8
                case UInt8(ascii: "<"): bytes += "&lt;".utf8
                case UInt8(ascii: ">"): bytes += "&gt;".utf8
                case UInt8(ascii: "\""): bytes += "&quot;".utf8
                case UInt8(ascii: "'"): bytes += "&#39;".utf8
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return characterEscaped
    }

    private static func isSpecialByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// `htmlEscaped` Character by Character.
    var characterEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
