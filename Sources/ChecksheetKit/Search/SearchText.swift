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
/// 5. Latin words are stemmed (`stem`): inflections and common suffixes stripped, so `retained`, `retains` and
///    `retaining` meet, and so do `encrypted` and `encryption`.
///
/// Queries are analysed as questions (`queryTokens`): question words, polite endings and the particles between
/// Japanese words weigh nothing, so a whole questionnaire question ranks by what it asks about.
public enum SearchText {
    /// A token and whether it came from a Japanese run.
    public struct Token: Equatable, Sendable {
        /// The normalized text the index holds: a stem for a Latin word, a bigram or lone character for Japanese.
        public var text: String
        public var isJapanese: Bool
        /// True for the parts of a word such as `27001` in `27001:2023` (index side only).
        public var isPart: Bool
        /// The word as written (normalized, not stemmed), which a typed prefix is matched by.
        public var word: String

        init(text: String, isJapanese: Bool, isPart: Bool, word: String? = nil) {
            self.text = text
            self.isJapanese = isJapanese
            self.isPart = isPart
            self.word = word ?? text
        }
    }

    /// Steps 1 and 2: the form both sides compare.
    public static func normalize(_ text: String) -> String {
        if let simple = simpleNormalized(text) { return simple }
        return foundationNormalized(text)
    }

    /// `normalize` for text made only of characters whose NFKC form is known without Foundation: ASCII, hiragana and
    /// katakana without their combining marks, unified kanji, common Japanese punctuation, and the full-width ASCII
    /// forms (which NFKC maps to ASCII). None of them composes with its neighbour, so each maps on its own; nil for any
    /// other text. Foundation's normalization bridges every string to NSString: most of the index's cost.
    static func simpleNormalized(_ text: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var previousIsKana = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A: value += 0x20
            case 0x00...0x7F: break
            case 0xFF01...0xFF5E:
                value -= 0xFEE0
                if (0x41...0x5A).contains(value) { value += 0x20 }
            case 0x3041...0x3096: value += 0x60
            case 0x30A1...0x30FA, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x3005...0x3007, 0x300C...0x300F, 0x3010, 0x3011: break
            case 0x30FC: if previousIsKana { continue }
            default: return nil
            }
            let mapped = Unicode.Scalar(value)!
            scalars.append(mapped)
            previousIsKana = isKana(value)
        }
        return String(scalars)
    }

    static func foundationNormalized(_ text: String) -> String {
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
    public static func tokens(normalized text: String, parts: Bool, dropStopWords: Bool = false) -> [Token] {
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
                if dropStopWords && stopWords.contains(word) {
                    index = end
                    continue
                }
                tokens.append(Token(text: digits ? word : stem(word), isJapanese: false, isPart: false, word: word))
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
        // The words joined by single spaces, built in one pass: a space is written only before the next word.
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in normalized.unicodeScalars {
            if isSpace(scalar.value) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Unicode's White_Space (U+0085 is one, U+FEFF is not), listed so that search.js splits on the very same set.
    // Unicode's property, not JavaScript's `\s` (which has U+FEFF and lacks U+0085): a U+FEFF inside a text is a
    // zero-width no-break character, not a space; it still ends a word, as any character but a letter or digit does.
    static func isSpace(_ value: UInt32) -> Bool {
        (0x09...0x0D).contains(value) || value == 0x20 || value == 0x85 || value == 0xA0 || value == 0x1680
            || (0x2000...0x200A).contains(value) || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
    }

    // MARK: Questions

    /// English words that ask rather than say: question words, auxiliaries, pronouns, articles, polite requests.
    static let stopWords: Set<String> = [
        "a", "able", "about", "after", "before", "between", "during", "within", "all", "also", "am", "an", "and", "any", "currently", "e", "ensure", "exist", "exists", "get", "make", "offer", "possible", "regarding", "take", "taken", "typical", "typically", "are", "as", "at", "be", "been", "being", "but", "by", "can", "carried",
        "carry", "conduct", "conducted", "could", "describe", "detail", "details", "did", "do", "does", "doing", "done", "each", "eg", "etc",
        "explain", "for", "from", "give", "had", "has", "have", "having", "here", "how", "i", "ie", "if", "in", "include", "including",
        "indicate", "into", "is", "it", "its", "kindly", "let", "list", "long", "many", "may", "me", "might", "much", "must", "my", "of", "on",
        "or", "our", "ours", "out", "perform", "performed", "please", "provide", "share", "shall", "should", "so", "some", "specify", "such",
        "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "use", "used", "uses",
        "using", "was", "we", "were", "what", "whats", "when", "where", "whether", "which", "who", "whom", "whose", "why", "will", "with",
        "would", "you", "your", "yours",
    ]

    /// Japanese that asks rather than says (教えて, 記載, 貴社…), taken out of a question before its particles.
    static let stopPhrases: [String] = [
        "記載してください", "教えてください", "どのくらい", "どれくらい", "どの程度", "でしょうか", "ですか", "ますか", "ください", "について",
        "くらい", "ぐらい", "教えて", "記載", "記入", "回答", "説明", "貴社", "御社", "当社", "弊社", "具体的", "有無",
        "提示", "明記", "実施", "対応", "導入", "提供", "可能", "使用", "詳細", "状況", "場合", "方式", "お聞かせ", "聞かせ", "何", "いかが", "どのよう", "どの", "どれ", "いつ",
    ]

    /// A question without the enumerator a form puts before it (`Q8.`, `⑪`, `(34)`, `1)`, `問3`, `1-2.`), whose digits
    /// are no words of the question; a number that belongs to it (`24時間`, `1.2以上`) stays. search.js strips the same.
    public static func withoutEnumerator(_ text: String) -> String {
        let enumerator = #/\s*(?:[QqＱｑ][0-9０-９]+[.:：．)）、]?|問[0-9０-９]+[.:：．)）、]?|[(（\[［][0-9０-９]+[)）\]］]|[①-⑳㉑-㉟㊱-㊿]|[0-9０-９]+(?:[\-.－．][0-9０-９]+)*[.)）:：、．](?![0-9０-９]))\s*/#
        guard let match = text.prefixMatch(of: enumerator), match.range.upperBound < text.endIndex else { return text }
        return String(text[match.range.upperBound...])
    }

    /// A question without its enumerator, then its stop phrases and its hiragana runs (particles, okurigana, ですか,
    /// してください), each turned into a space. Text with no kanji or katakana at all (ばっくあっぷ) keeps its hiragana: it is read as words.
    public static func questionText(_ text: String) -> String {
        // Before folding: NFKC turns ⑪ into 11, a number like any other.
        var folded = withoutEnumerator(text).precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
            .precomposedStringWithCanonicalMapping
        guard folded.unicodeScalars.contains(where: { isJapanese($0.value) }) else { return folded }
        for phrase in stopPhrases where folded.contains(phrase) { folded = folded.replacingOccurrences(of: phrase, with: " ") }
        let scalars = Array(folded.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isHiragana(scalars[index].value) else {
                result.append(scalars[index])
                index += 1
                continue
            }
            while index < scalars.count, isHiragana(scalars[index].value) { index += 1 }
            result.append(" ")
        }
        return String(result)
    }

    static func isHiragana(_ value: UInt32) -> Bool { (0x3041...0x3096).contains(value) || value == 0x309D || value == 0x309E }

    /// The tokens a query searches for: the question's meaningful words, or all its words when every one is a stop word.
    public static func queryTokens(_ query: String) -> [Token] {
        let normalized = normalize(questionText(query))
        var meaningful = tokens(normalized: normalized, parts: false, dropStopWords: true)
        // A kanji left alone between particles (対 of に対して, 行 of 行って) would match every word holding it: in a
        // question with other words it weighs nothing.
        if meaningful.contains(where: { !($0.isJapanese && $0.text.unicodeScalars.count == 1) }) {
            meaningful.removeAll { $0.isJapanese && $0.text.unicodeScalars.count == 1 }
        }
        return meaningful.isEmpty ? tokens(normalized: normalize(query), parts: false) : meaningful
    }

    // MARK: Stemming

    /// Suffixes stripped after inflections, longest first; the first that leaves three letters wins.
    static let suffixes: [StaticString] = ["abilit", "ibilit", "ication", "ization", "isation", "ation", "ition", "icat", "ment", "ness", "abl", "ibl",
                           "anc", "enc", "ant", "ent", "ion", "iz", "it"]

    /// A small suffix stripper for English (lower-case a–z words of four letters or more), written the same in search.js.
    /// It only removes letters, so a stem is always a prefix of its word:
    /// 1. `-ies`/`-ied` go, `-sses` loses `es`, a plural `-s` goes (not `-ss`, `-us`, `-is`);
    /// 2. `-ed`/`-ing` go when a vowel stays before them, and a doubled final consonant is undoubled (planned → plan);
    /// 3. `-ly` goes, then a final `e` or `y`;
    /// 4. one derivational suffix of `suffixes` goes (encryption → encrypt, availability → avail), then a final `e`.
    /// Every step keeps at least three letters.
    public static func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard letters.count >= 4, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard letters.count >= count else { return false }
            let start = letters.count - count
            for offset in 0..<count where letters[start + offset] != suffix.utf8Start[offset] { return false }
            return true
        }
        func hasVowel(_ count: Int) -> Bool { letters.prefix(count).contains { "aeiouy".utf8.contains($0) } }
        if (ends("ies") || ends("ied")) && letters.count - 3 >= 3 {
            letters.removeLast(3)
        } else {
            if ends("sses") {
                letters.removeLast(2)
            } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") && letters.count - 1 >= 3 {
                letters.removeLast()
            }
            var inflected = false
            if ends("ed") && letters.count - 2 >= 3 && hasVowel(letters.count - 2) {
                letters.removeLast(2)
                inflected = true
            } else if ends("ing") && letters.count - 3 >= 3 && hasVowel(letters.count - 3) {
                letters.removeLast(3)
                inflected = true
            }
            if inflected, letters.count >= 4, letters[letters.count - 1] == letters[letters.count - 2],
               !"aeiouylsz".utf8.contains(letters[letters.count - 1]) {
                letters.removeLast()
            }
        }
        if ends("ly") && letters.count - 2 >= 3 { letters.removeLast(2) }
        if (ends("e") || ends("y")) && letters.count - 1 >= 3 { letters.removeLast() }
        for suffix in suffixes where ends(suffix) && letters.count - suffix.utf8CodeUnitCount >= 3 {
            letters.removeLast(suffix.utf8CodeUnitCount)
            if ends("e") && letters.count - 1 >= 3 { letters.removeLast() }
            break
        }
        return String(decoding: letters, as: UTF8.self)
    }
}
