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
///    `retaining` meet, and so do `encrypted` and `encryption`, `isolated` and `isolation`, `respond` and `response`.
///    A few spellings are one word (`datacenter` is `data center`, `TLSv1.3` is `TLS 1.3`, `24h` is `24 hours`), and
///    so are 稼動 and 稼働, 改竄 and 改ざん, `1か月` and `1ヶ月` (`variantsFolded`).
/// 6. An item's text and a query alike read their hiragana run by run (`withoutFunctionKana`): particles and endings
///    part words, kana inside a word (改ざん, 漏えい) stay in it.
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
        variantsFolded(simpleNormalized(text) ?? foundationNormalized(text))
    }

    /// `normalize` for text made only of characters whose NFKC form is known without Foundation: ASCII, hiragana and
    /// katakana without their combining marks, unified kanji, common Japanese punctuation, and the full-width ASCII
    /// forms (which NFKC maps to ASCII). None of them composes with its neighbour, so each maps on its own; nil for any
    /// other text. Foundation's normalization bridges every string to NSString: most of the index's cost.
    static func simpleNormalized(_ text: String, foldsKana: Bool = true) -> String? {
        // Built as UTF-8 bytes: appending to a String scalar by scalar was a tenth of the index's time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousIsKana = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A: value += 0x20
            case 0x00...0x7F: break
            case 0xFF01...0xFF5E:
                value -= 0xFEE0
                if (0x41...0x5A).contains(value) { value += 0x20 }
            case 0x3041...0x3096: if foldsKana { value += 0x60 }
            case 0x30A1...0x30FA, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x3005...0x3007, 0x300C...0x300F, 0x3010, 0x3011: break
            case 0x30FC: if previousIsKana && foldsKana { continue }
            default: return nil
            }
            UTF8.encode(Unicode.Scalar(value)!) { bytes.append($0) }
            previousIsKana = isKana(value)
        }
        return String(decoding: bytes, as: UTF8.self)
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
                var word = String(String.UnicodeScalarView(scalars[index..<end]))
                let afterDigits = index > 0 && isDigit(scalars[index - 1].value)
                index = end
                if !digits {
                    // `TLSv1.3` is TLS 1.3: a `v` before a version number is no letter of the word.
                    if end < scalars.count, isDigit(scalars[end].value), word.hasSuffix("v") {
                        if word == "v" { continue }
                        if word.count >= 4 { word.removeLast() }
                    }
                    // `24h`, `24hrs`: hours.
                    if afterDigits, Self.hourWords.contains(word) { word = "hours" }
                }
                for part in digits ? [word] : Self.compounds[word] ?? [word] where !(dropStopWords && stopWords.contains(part)) {
                    tokens.append(Token(text: digits ? part : stem(part), isJapanese: false, isPart: false, word: part))
                }
                if parts && hasJoiner {
                    for part in word.split(whereSeparator: { $0 == "." || $0 == ":" }) {
                        tokens.append(Token(text: String(part), isJapanese: false, isPart: true))
                    }
                }
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

    /// Written forms of one word as its words: `datacenter` is `data center`, `antimalware` is `anti malware` (as
    /// `anti-malware` is), `email` is `e mail` (as `e-mail` is).
    static let compounds: [String: [String]] = [
        "datacenter": ["data", "center"], "datacentre": ["data", "center"], "datacenters": ["data", "centers"],
        "datacentres": ["data", "centers"], "centre": ["center"], "centres": ["centers"], "antimalware": ["anti", "malware"],
        "antivirus": ["anti", "virus"], "email": ["e", "mail"], "emails": ["e", "mails"],
    ]

    /// Letters right after a number that mean hours (`24h`, `24hrs`).
    static let hourWords: Set<String> = ["h", "hr", "hrs"]

    /// Width-folded, variants folded, hiragana read run by run, normalized, the qualifiers of numbers set apart: the text
    /// an item's words are taken from.
    public static func analysed(_ text: String) -> String {
        qualifiersApart(normalize(withoutFunctionKana(variantsFolded(widthFolded(acronymsRead(text))))))
    }

    /// Analyses, then tokenizes: what the index stores for a text.
    public static func indexTokens(_ text: String) -> [String] {
        tokens(normalized: analysed(text), parts: true).map(\.text)
    }

    /// Whitespace runs collapsed to one space: the form phrases and exact values are compared in.
    public static func collapsed(_ normalized: String) -> String {
        // The words joined by single spaces, built in one pass: a space is written only before the next word.
        var result: [UInt8] = []
        result.reserveCapacity(normalized.utf8.count)
        var pendingSpace = false
        for scalar in normalized.unicodeScalars {
            if isSpace(scalar.value) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(UInt8(ascii: " ")); pendingSpace = false }
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        return String(decoding: result, as: UTF8.self)
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

    /// Question words that ask for something the sheet states, put as that thing: `where` asks for a location, `how
    /// often` for a frequency, どこ for a place, 何日 and `how many days` (weeks, months, years) for a period, the unit kept as
    /// a word of the answer; `how many hours` for hours, as 何時間 is 時間 (hours are a time to act or restore, not a period
    /// kept); `how many` of anything else for a number. The synonyms file gives each its other words.
    static let questionWords: [(phrase: String, meaning: String)] = [
        ("how often", "frequency"), ("how long", "period"), ("how many hours", "hours"), ("how many days", "period days"),
        ("how many weeks", "period weeks"), ("how many months", "period months"), ("how many years", "period years"),
        ("how many", "number"), ("where", "location"),
        ("どのくらいの期間", "期間"), ("何日", "期間"), ("何年", "期間"), ("何か月", "期間"), ("何ヶ月", "期間"), ("何カ月", "期間"),
        ("何件", "件数"), ("何回", "回数"), ("どこ", "場所"),
    ]

    /// Stop phrases that start compounds (何時, 貴社名, 使用制限): taken out with whatever follows them.
    static let prefixPhrases: Set<String> = ["何", "貴社", "御社", "当社", "弊社", "使用"]
    /// Stop phrases that end compounds and ask for what precedes them (暗号化方式, バックアップ有無).
    static let suffixPhrases: Set<String> = ["方式", "有無", "状況", "詳細"]

    /// Japanese that asks rather than says (教えて, 記載, 貴社…), taken out of a question before its particles, only as
    /// whole words (the 対応 of 障害対応 stays).
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

    /// Japanese that qualifies a number or a time (`24時間以内`, `1年以上`, `5日前後`), as `within`, `about` and `after` do in
    /// English: a word of its own, never part of the compound before it; a question asks through it, as through a stop word.
    static let qualifiers: [String] = ["以内", "以上", "以下", "未満", "以降", "程度", "前後"]

    /// `text` with each of `qualifiers` set apart by spaces (`時間以内` → `時間 以内`), so that it forms no bigram with the
    /// word before it (間以) and that word keeps its own weight.
    static func qualifiersApart(_ text: String) -> String {
        // 以, 未, 程, 前 start every qualifier: without one of them nothing changes, as in most texts.
        guard text.unicodeScalars.contains(where: { $0.value == 0x4EE5 || $0.value == 0x672A || $0.value == 0x7A0B || $0.value == 0x524D }) else { return text }
        var result = text
        for qualifier in qualifiers where result.contains(qualifier) {
            result = replacingWhole(qualifier, with: " \(qualifier) ", in: result, prefix: true, suffix: true)
        }
        return result
    }

    /// Upper-case acronyms that are also English words, read as words of their own: REST (of a web API) is not the
    /// `rest` of `at rest`. Only as a whole word written in capitals; search.js reads the same.
    static let acronymWords: [(acronym: String, word: String)] = [("REST", "restful")]

    /// `text` with each of `acronymWords` as a whole word (no ASCII letter or digit beside it) put as its word.
    static func acronymsRead(_ text: String) -> String {
        var result = text
        for (acronym, word) in acronymWords where result.contains(acronym) {
            let scalars = Array(result.unicodeScalars), target = Array(acronym.unicodeScalars)
            func isLetterOrDigit(_ index: Int) -> Bool {
                guard index >= 0, index < scalars.count else { return false }
                let value = scalars[index].value
                return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            }
            var read = String.UnicodeScalarView()
            var index = 0
            while index < scalars.count {
                let end = index + target.count
                if end <= scalars.count, Array(scalars[index..<end]) == target, !isLetterOrDigit(index - 1), !isLetterOrDigit(end) {
                    read.append(contentsOf: word.unicodeScalars)
                    index = end
                } else {
                    read.append(scalars[index])
                    index += 1
                }
            }
            result = String(read)
        }
        return result
    }

    /// A question without its enumerator, with its question words put as what they ask for, without its stop phrases
    /// (as whole words) and qualifiers, its hiragana read as an item's text is (`withoutFunctionKana`).
    public static func questionText(_ text: String) -> String {
        // Before folding: NFKC turns ⑪ into 11, a number like any other.
        var folded = collapsed(variantsFolded(widthFolded(acronymsRead(withoutEnumerator(text)))))
        // 何日 asks for a period whatever follows it (何日保存); `where` is a word only on its own (not in `whereas`).
        for (phrase, meaning) in questionWords {
            folded = replacingWhole(phrase, with: " \(meaning) ", in: folded, prefix: isJapanese(phrase.unicodeScalars.first!.value))
        }
        for phrase in stopPhrases {
            folded = replacingWhole(phrase, with: " ", in: folded, prefix: prefixPhrases.contains(phrase), suffix: suffixPhrases.contains(phrase))
        }
        for qualifier in qualifiers {
            folded = replacingWhole(qualifier, with: " ", in: folded, prefix: true, suffix: true)
        }
        return withoutFunctionKana(folded)
    }

    static func isHiragana(_ value: UInt32) -> Bool { (0x3041...0x3096).contains(value) || value == 0x309D || value == 0x309E }

    /// The tokens a query searches for: the question's meaningful words, or all its words when every one is a stop word.
    /// `keepsKanji` says which lone kanji are words of the index (鍵 of 鍵は…, which few items hold).
    public static func queryTokens(_ query: String, keepsKanji: (String) -> Bool = { _ in false }) -> [Token] {
        let normalized = normalize(questionText(query))
        var meaningful = tokens(normalized: normalized, parts: false, dropStopWords: true)
        // A kanji left alone between particles (対 of に対して, 行 of 行って) would match every word holding it: in a
        // question with other words it weighs nothing, unless it is a word few items hold.
        // A kanji beside a number is its counter or affix (第47項, 3回), never the word asked about.
        let counters = Set(numberAffixes(normalized))
        func isLoneKanji(_ token: Token) -> Bool {
            token.isJapanese && token.text.unicodeScalars.count == 1 && (counters.contains(token.text) || !keepsKanji(token.text))
        }
        if meaningful.contains(where: { !isLoneKanji($0) }) {
            meaningful.removeAll(where: isLoneKanji)
        }
        guard meaningful.isEmpty else { return meaningful }
        // Only stop words: what the index would hold of the query, or else every piece of it.
        let words = tokens(normalized: analysed(query), parts: false)
        return words.isEmpty ? tokens(normalized: normalize(query), parts: false) : words
    }

    /// The lone Japanese characters of `text` that stand right before or after a digit (the 第 and 項 of 第47項).
    static func numberAffixes(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.filter { index in
            let before = index > 0 ? scalars[index - 1].value : 0, after = index + 1 < scalars.count ? scalars[index + 1].value : 0
            return isJapanese(scalars[index].value) && !isJapanese(before) && !isJapanese(after) && (isDigit(before) || isDigit(after))
        }.map { String(scalars[$0]) }
    }

    // MARK: Stemming

    /// Suffixes stripped after inflections, longest first; the first that leaves three letters wins.
    static let suffixes: [StaticString] = ["abilit", "ibilit", "ication", "ization", "isation", "ation", "ition", "icat", "ment", "ness", "abl", "ibl",
                           "anc", "enc", "ant", "ent", "ion", "iz", "it", "at", "iv"]
    /// Suffixes that go only after a consonant (`isolat`, `respons-iv`; not the `at` of `threat`).
    static let consonantSuffixes: Set<String> = ["at", "iv"]
    /// Suffixes after which `-ns` stays (`responsible` is not `respond`).
    static let ableSuffixes: Set<String> = ["abilit", "ibilit", "abl", "ibl"]

    /// Words whose stems the rules get wrong, with their stems, each a prefix of its word as every stem is: the rules would
    /// make a certificate (of TLS) a certification (`certif`), and keep destroy (`destro`) from destruction (`destruct`) and
    /// stored (`stor`) from storage (`storag`). search.js holds the same table.
    static let stemExceptions: [String: String] = [
        "certificate": "certificat", "certificates": "certificat",
        "destroy": "destr", "destroys": "destr", "destroyed": "destr", "destroying": "destr", "destruction": "destr",
        "storage": "stor", "storages": "stor",
    ]

    /// A small suffix stripper for English (lower-case a–z words of four letters or more), written the same in search.js.
    /// It removes letters (and makes a final `ns` `nd`), so a stem is a prefix of its word or of its word's `-nd` form:
    /// 1. `-ies`/`-ied` go, `-sses` loses `es`, a plural `-s` goes (not `-ss`, `-us`, `-is`);
    /// 2. `-ed`/`-ing` go when a vowel stays before them, and a doubled final consonant is undoubled (planned → plan);
    /// 3. `-ly` goes, then a final `e` or `y`;
    /// 4. one derivational suffix of `suffixes` goes (encryption → encrypt, availability → avail), then a final `e`; `-at`
    ///    and `-iv` only after a consonant, so that `isolate`, `isolated`, `isolating` and `isolation` meet;
    /// 5. a stem of six letters or more ending in `ns` ends in `nd` (response, responsive → respond; expansion → expand),
    ///    except after `-able`/`-ible`.
    /// Every step keeps at least three letters. The words of `stemExceptions` have the stems it gives.
    public static func stem(_ word: String) -> String {
        if let stem = stemExceptions[word] { return stem }
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
        var removed = ""
        for suffix in suffixes where ends(suffix) && letters.count - suffix.utf8CodeUnitCount >= 3 {
            let name = suffix.description
            if consonantSuffixes.contains(name), "aeiou".utf8.contains(letters[letters.count - suffix.utf8CodeUnitCount - 1]) { continue }
            letters.removeLast(suffix.utf8CodeUnitCount)
            if ends("e") && letters.count - 1 >= 3 { letters.removeLast() }
            removed = name
            break
        }
        if letters.count >= 6, ends("ns"), !ableSuffixes.contains(removed) { letters[letters.count - 1] = UInt8(ascii: "d") }
        return String(decoding: letters, as: UTF8.self)
    }
}
