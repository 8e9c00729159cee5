extension SearchIndex {
    /// One word or phrase of a synonym group as the index uses it.
    struct SynonymWord: Sendable, Equatable {
        /// Its tokens as written (normalized, unstemmed; bigrams for Japanese): what an item's text must hold to bring the group.
        var written: [SearchText.Token]
        /// Its index tokens (stems): what the group adds to an item.
        var tokens: [String]
        /// False for a word of `Synonyms.general`: it is added with its group, never brings the group itself.
        var brings: Bool
    }

    /// The groups of `synonyms` as the index matches and adds them; a word that analyses to nothing is left out.
    static func synonymGroups(_ synonyms: Synonyms) -> [[SynonymWord]] {
        let general = Set(synonyms.general.map { SearchText.collapsed(SearchText.normalize($0)) })
        return synonyms.groups.map { group in
            group.compactMap { word in
                let written = SearchText.tokens(normalized: SearchText.analysed(word), parts: true)
                guard !written.isEmpty else { return nil }
                return SynonymWord(written: written, tokens: written.map(\.text), brings: !general.contains(SearchText.collapsed(SearchText.normalize(word))))
            }
        }
    }

    /// The tokens of every synonym group one of whose bringing words one of `texts` (an item's texts, each analysed) holds
    /// as written (`holds`), the words it holds excepted. Stems would let a group in through a word it does not mean
    /// (`integrity` and `integration` are both `integr`), and a general word through a sentence about something else (an
    /// item's `available` is not its uptime).
    static func expansions(of texts: [[SearchText.Token]], groups: [[SynonymWord]]) -> [String] {
        var added: [String] = []
        // Tokens are normalized, so equal text is equal bytes: sets of `ExactText` spare hashing through normalization.
        let written = Set(texts.joined().map { ExactText($0.word) })
        var seen: Set<ExactText>?
        for group in groups {
            let present = present(of: group, in: texts, words: written)
            guard present.contains(where: \.brings) else { continue }
            // Made only for an item that brings a group, which few do.
            if seen == nil { seen = Set(texts.joined().map { ExactText($0.text) }) }
            for word in group where !present.contains(word) {
                for token in word.tokens where seen!.insert(ExactText(token)).inserted { added.append(token) }
            }
        }
        return added
    }

    /// The words of `group` that one of `texts` holds as written (`holds`); `words` is every written word of `texts`.
    static func present(of group: [SynonymWord], in texts: [[SearchText.Token]], words: Set<ExactText>) -> [SynonymWord] {
        // Only a word all of whose words the item holds can occur in it: most groups end here, without a scan.
        group.filter { word in word.written.allSatisfy { words.contains(ExactText($0.word)) } && texts.contains { holds($0, word.written) } }
    }

    /// Whether `text` holds `word` as a run of whole words as written; a katakana word only whole, not inside a longer
    /// one (ログ is not in プログラム or ログイン), while a kanji word may start or end a compound (暗号 of 暗号化).
    static func holds(_ text: [SearchText.Token], _ word: [SearchText.Token]) -> Bool {
        guard !word.isEmpty, text.count >= word.count else { return false }
        for start in 0...(text.count - word.count) where (0..<word.count).allSatisfy({ text[start + $0].word == word[$0].word }) {
            let end = start + word.count
            if start > 0, continuesKatakana(text[start - 1], into: word[0]) { continue }
            if end < text.count, continuesKatakana(word[word.count - 1], into: text[end]) { continue }
            return true
        }
        return false
    }

    /// Whether `second` is the next bigram of the same katakana word as `first` (アク then クセ of アクセス).
    static func continuesKatakana(_ first: SearchText.Token, into second: SearchText.Token) -> Bool {
        let a = Array(first.text.unicodeScalars), b = Array(second.text.unicodeScalars)
        guard first.isJapanese, second.isJapanese, a.count == 2, b.count == 2 else { return false }
        return (a + b).allSatisfy { SearchText.isKana($0.value) } && a[1] == b[0]
    }
}
