/// Kana and kanji, told apart from other letters, to judge whether an English field is Japanese text. Pure.
public enum JapaneseScript {
    /// True for a hiragana, katakana (full or half width) or kanji scalar, the iteration marks 々 〆 〇 included.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3005...0x3007, 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// How many of the text's letters are kana or kanji, of how many letters. Digits, punctuation, symbols and spaces
    /// are no letters: `TLS 1.3` has 3, `ISO/IEC 27001 認証` 8, of which 2 are kanji.
    public static func letters(in text: String) -> (japanese: Int, all: Int) {
        var japanese = 0, all = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            all += 1
            if contains(scalar) { japanese += 1 }
        }
        return (japanese, all)
    }

    /// True when more than half of the text's letters are kana or kanji: a Japanese sentence with a Latin acronym or
    /// two (`TLS 1.3 に対応しています`, 8 of 11) is, a Latin name beside a Japanese word (`ISO/IEC 27001 認証`, 2 of 8) is not.
    public static func isMostlyJapanese(_ text: String) -> Bool {
        let count = letters(in: text)
        return count.japanese * 2 > count.all
    }

    /// True when the text has any kana or kanji.
    public static func occurs(in text: String) -> Bool {
        text.unicodeScalars.contains(where: contains)
    }
}
