extension SearchText {
    /// Step 1 alone: NFKC and lower case, hiragana kept as hiragana, so that the runs of hiragana can still be told
    /// from katakana (`withoutFunctionKana`).
    static func widthFolded(_ text: String) -> String {
        if let simple = simpleNormalized(text, foldsKana: false) { return simple }
        return text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
            .precomposedStringWithCanonicalMapping
    }

    /// Spellings of one word folded onto one, as search.js folds them: 稼動 is 稼働, 改竄 is 改ざん, and the counter of
    /// `1か月`, `1カ月`, `1ヵ月`, `1ケ月` is the ヶ of `1ヶ月`. Works on text before and after kana folding.
    static func variantsFolded(_ text: String) -> String {
        // 動 (of 稼動), 竄 (of 改竄), 月 (of a counter): without one of them nothing changes, as in most texts.
        guard text.unicodeScalars.contains(where: { $0.value == 0x52D5 || $0.value == 0x7AC4 || $0.value == 0x6708 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1].value : 0
            switch scalar.value {
            case 0x52D5 where previous == 0x7A3C: result.append("\u{50CD}")  // 稼動 → 稼働
            case 0x7AC4 where previous == 0x6539: result.append(contentsOf: "ザン".unicodeScalars)  // 改竄 → 改ザン
            case 0x304B, 0x30AB, 0x30F5, 0x30B1:
                // 1か月, 1カ月, 1ヵ月, 1ケ月 → 1ヶ月 (a `where` would guard the last pattern only)
                let isCounter = index > 0 && isDigit(previous) && index + 1 < scalars.count && scalars[index + 1].value == 0x6708
                result.append(isCounter ? "\u{30F6}" : scalar)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static func isKanji(_ value: UInt32) -> Bool {
        value == 0x3005 || value == 0x3006 || value == 0x3007 || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
    }

    /// Particles written between two kanji, which part two words (データの改ざん, 年に1回) where another single kana
    /// is the okurigana inside one word (取り扱い, 申し込み).
    static let particles: Set<String> = ["の", "は", "が", "を", "に", "へ", "と", "で", "や", "も", "か", "な", "ね", "よ"]

    /// Hiragana that ends a word or joins words rather than being one: particles, auxiliaries, inflections, polite
    /// endings. A run of hiragana made only of these is no word; at the end of a run they are taken off.
    static let functionKana: Set<String> = [
        "の", "は", "が", "を", "に", "へ", "と", "で", "や", "も", "か", "な", "ね", "よ", "て", "た", "だ", "る", "い", "う", "ば", "ず", "し",
        "から", "まで", "より", "など", "ので", "のに", "けど", "ため", "こと", "もの", "とき", "ところ", "ほど", "くらい", "ぐらい",
        "について", "における", "において", "に対して", "に関する", "に関して", "による", "によって", "として", "および", "ならびに", "または", "もしくは",
        "です", "でした", "でしょう", "ですか", "ます", "ました", "ません", "ましょう", "ますか", "ください", "どの", "どれ", "どこ", "いつ", "どう",
        "どのよう", "よう", "ような", "ように", "ある", "あり", "あります", "あれば", "ない", "なく", "なし", "なかった", "いる", "います", "いた",
        "いて", "おり", "おります", "する", "した", "して", "します", "され", "される", "された", "されて", "させ", "れる", "られる", "れ", "られ",
        "せる", "いただけますか", "いただく", "いただき", "いたします", "ございます", "でき", "できる", "できます", "ている", "ています", "てい",
    ]

    /// The longest ending in `functionKana`, in scalars.
    static let longestFunctionKana = functionKana.map(\.unicodeScalars.count).max()!

    /// `run` without the function kana at its end, taken off one by one, the longest first.
    static func withoutFunctionEnding(_ run: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var rest = run
        while !rest.isEmpty {
            guard let length = (1...min(longestFunctionKana, rest.count)).reversed().first(where: { length in
                functionKana.contains(String(String.UnicodeScalarView(rest[(rest.count - length)...])))
            }) else { break }
            rest.removeLast(length)
        }
        return rest
    }

    /// Width-folded text with its hiragana read run by run, the same for an item's text and a query, so that both hold
    /// the same words: a run that is okurigana between two kanji (the り of 取り扱い) goes, joining them (取扱); a run
    /// made only of function kana (の, はありますか) becomes a space; any other run is part of a word (the ざん of 改ざん,
    /// the えい of 漏えい, ばっくあっぷ typed in hiragana), without the function kana at its end when it touches kanji or
    /// katakana (改ざんされた is 改ざん).
    static func withoutFunctionKana(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isHiragana($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isHiragana(scalars[index].value) else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, isHiragana(scalars[end].value) || scalars[end].value == 0x30FC { end += 1 }
            let run = Array(scalars[index..<end])
            let before = index > 0 ? scalars[index - 1].value : 0, after = end < scalars.count ? scalars[end].value : 0
            let word = String(String.UnicodeScalarView(run))
            index = end
            if run.count == 1 && isKanji(before) && isKanji(after) && !particles.contains(word) { continue }
            let rest = withoutFunctionEnding(run)
            if rest.isEmpty || (run.count == 1 && (isJapanese(before) || isJapanese(after))) {
                result.append(" ")
            } else if isJapanese(before) || isJapanese(after) {
                result.append(contentsOf: rest)
                if rest.count < run.count { result.append(" ") }
            } else {
                result.append(contentsOf: run)
            }
        }
        return String(result)
    }

    /// `phrase` replaced by `replacement` wherever it stands as a whole word: a phrase that starts (ends) with a kanji or
    /// katakana must not have one before (after) it, unless `prefix` (a word that starts compounds, 何日, 貴社名)
    /// lets a compound follow, or `suffix` (a word that ends them, 暗号化方式) lets one precede; a phrase of Latin
    /// letters must not touch another letter or digit.
    static func replacingWhole(_ phrase: String, with replacement: String, in text: String, prefix: Bool = false, suffix: Bool = false) -> String {
        guard text.contains(phrase) else { return text }
        let scalars = Array(text.unicodeScalars), target = Array(phrase.unicodeScalars)
        func joins(_ edge: Unicode.Scalar, _ neighbour: UInt32) -> Bool {
            isJapanese(edge.value) ? isJapanese(neighbour) : isWord(edge.value) && isWord(neighbour)
        }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let end = index + target.count
            if end <= scalars.count, Array(scalars[index..<end]) == target,
               suffix || index == 0 || !joins(target[0], scalars[index - 1].value),
               prefix || end == scalars.count || !joins(target[target.count - 1], scalars[end].value) {
                result.append(contentsOf: replacement.unicodeScalars)
                index = end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
