import Foundation

/// The text analysis shared by the index (here) and the browser (`Site/assets/search.js`); both follow
/// the same rules, checked against `Tests/search-vectors.json`:
///
/// 1. NFKC (full-width ↔ half-width), then lower case.
/// 2. Hiragana folded onto katakana; the prolonged sound mark ー dropped after kana (サーバー = サーバ).
/// 3. Runs of Latin letters and runs of digits are words (`TLS1.2` is `tls` and `1.2`); `.` and `:` between
///    two digits stay inside a number, so version-like tokens (`1.2`, `27001:2023`) are found whole. The index
///    also holds their parts (`27001`, `2023`).
/// 4. Japanese runs (kanji, katakana) become overlapping character bigrams; a lone character stays a unigram.
public enum SearchText {
    /// A token and whether it came from a Japanese run.
    public struct Token: Equatable, Sendable {
        public var text: String
        public var isJapanese: Bool
        /// True for the parts of a word such as `27001` in `27001:2023` (index side only).
        public var isPart: Bool
    }

    /// Steps 1 and 2: the form both sides compare.
    public static func normalize(_ text: String) -> String {
        // Foundation on Linux leaves half-width voiced marks uncomposed (ﾊﾞ → ハ + U+3099); the extra
        // canonical composition gives what NFKC gives in browsers (バ). Lower-casing can leave a letter and its
        // mark apart (𝑇̈ → t + U+0308, while ẗ exists), so composing once more makes a second pass change nothing.
        let folded = text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
            .precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in folded.unicodeScalars {
            var value = scalar.value
            if (0x3041...0x3096).contains(value) || value == 0x309D || value == 0x309E { value += 0x60 }
            if value == 0x30FC, let previous, isKana(previous.value) { continue }
            let mapped = Unicode.Scalar(value)!
            scalars.append(mapped)
            previous = mapped
        }
        return String(scalars)
    }

    static func isKana(_ value: UInt32) -> Bool { (0x30A1...0x30FA).contains(value) || (0x30FD...0x30FF).contains(value) }

    /// Kanji, katakana and the iteration marks: the characters that form bigrams.
    static func isJapanese(_ value: UInt32) -> Bool {
        isKana(value) || value == 0x3005 || value == 0x3006 || value == 0x3007
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }

    static func isWord(_ value: UInt32) -> Bool {
        (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0xDF...0x24F).contains(value) && value != 0xF7 && value != 0xD7
    }

    static func isDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }

    /// Tokens of already normalized text, in order. `parts` adds the parts of version-like words (index side).
    public static func tokens(normalized text: String, parts: Bool) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if isWord(value) {
                // Letters and digits form separate words (TLS1.2 = TLS 1.2); digits keep `.` and `:` between them.
                let digits = isDigit(value)
                var end = index
                var hasJoiner = false
                while end < scalars.count {
                    let current = scalars[end].value
                    if isWord(current) && isDigit(current) == digits {
                        end += 1
                    } else if digits, current == 0x2E || current == 0x3A, end + 1 < scalars.count, isDigit(scalars[end + 1].value) {
                        hasJoiner = true
                        end += 1
                    } else {
                        break
                    }
                }
                let word = String(String.UnicodeScalarView(scalars[index..<end]))
                tokens.append(Token(text: word, isJapanese: false, isPart: false))
                if parts && hasJoiner {
                    for part in word.split(whereSeparator: { $0 == "." || $0 == ":" }) {
                        tokens.append(Token(text: String(part), isJapanese: false, isPart: true))
                    }
                }
                index = end
            } else if isJapanese(value) {
                var end = index
                while end < scalars.count, isJapanese(scalars[end].value) { end += 1 }
                if end - index == 1 {
                    tokens.append(Token(text: String(scalars[index]), isJapanese: true, isPart: false))
                } else {
                    for start in index..<(end - 1) {
                        tokens.append(Token(text: String(String.UnicodeScalarView(scalars[start...(start + 1)])), isJapanese: true, isPart: false))
                    }
                }
                index = end
            } else {
                index += 1
            }
        }
        return tokens
    }

    /// Normalizes, then tokenizes: what the index stores for a text.
    public static func indexTokens(_ text: String) -> [String] {
        tokens(normalized: normalize(text), parts: true).map(\.text)
    }

    /// Whitespace runs collapsed to one space: the form phrases and exact values are compared in.
    public static func collapsed(_ normalized: String) -> String {
        normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
