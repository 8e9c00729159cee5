extension SearchText {
    /// Endings a word may have past its stem: a misspelt word is compared with each index term plus each of these.
    static let wordEndings = ["", "s", "e", "es", "ed", "ing", "y", "ly", "ies", "ion", "ation", "ication", "ity", "ability", "ibility", "ment",
                              "ness", "ence", "ance", "ent", "ant", "ate", "ated", "ive", "able", "ible"]

    /// The index terms a token that matches none stands for, in term order; search.js finds the same.
    /// - A version (`27001:2013`) stands for its parts the index holds (`27001`), as the index holds a version's parts.
    /// - A Latin word of five letters or more (`encyrption`, `backpu`) stands for the terms of five letters or more
    ///   nearest to it (a shorter stem plus an ending is too often one edit from anything: `rto` + `ation`): the terms
    ///   that, with one of `wordEndings`, are fewest edits from it (insertions, deletions, substitutions, swaps of two
    ///   neighbours), one edit at most, two for a word of ten letters or more.
    public static func nearTerms(of token: Token, in terms: [String]) -> [Int] {
        let word = Array(token.word.utf8)
        guard !token.isJapanese, !word.isEmpty else { return [] }
        if word.allSatisfy({ isDigit(UInt32($0)) || $0 == 0x2E || $0 == 0x3A }) {
            guard token.word.contains(where: { $0 == "." || $0 == ":" }) else { return [] }
            let parts = Set(token.word.split(whereSeparator: { $0 == "." || $0 == ":" }).map(String.init))
            return terms.indices.filter { parts.contains(terms[$0]) }
        }
        guard word.count >= 5, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        let limit = word.count >= 10 ? 2 : 1
        var best = limit + 1
        var found: [Int] = []
        for (number, term) in terms.enumerated() {
            let stem = Array(term.utf8)
            guard stem.count >= 5, stem.count <= word.count + limit, stem.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
            // Bounded one above the best so far, so that a term as near as the best is told from one farther.
            var nearest = min(best, limit) + 1
            for ending in wordEndings where abs(stem.count + ending.utf8.count - word.count) < nearest {
                nearest = min(nearest, editDistance(word, stem + Array(ending.utf8), below: nearest))
            }
            if nearest < best {
                best = nearest
                found = [number]
            } else if nearest == best && nearest <= limit {
                found.append(number)
            }
        }
        return best <= limit ? found : []
    }

    /// The optimal string alignment distance of `a` and `b` (Damerau's edits, each substring edited once), or `bound`
    /// when it is `bound` or more.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], below bound: Int) -> Int {
        guard abs(a.count - b.count) < bound, !a.isEmpty, !b.isEmpty else { return min(max(a.count, b.count), bound) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum >= bound { return bound }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], bound)
    }
}
