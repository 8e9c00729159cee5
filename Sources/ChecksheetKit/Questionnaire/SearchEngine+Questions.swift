extension SearchEngine {
    /// The sheet's answer to a questionnaire question: up to `limit` items, their coverage, and a status.
    public func answer(_ question: String, limit: Int = 3) -> QuestionAnswer {
        let ranking = rank(question, prefix: false)
        let units = Self.units(of: SearchText.queryTokens(question))
        guard !units.isEmpty else { return QuestionAnswer(status: .none, matches: []) }
        var holders: [String: Set<Int>] = [:]
        for (token, terms) in zip(ranking.tokens, ranking.terms) {
            var documents = Set<Int>()
            for term in terms {
                for entry in index.postings[term] where entry / 8 % SearchIndex.fields.count != SearchIndex.categoryField {
                    documents.insert(entry / 8 / SearchIndex.fields.count)
                }
            }
            holders[token.text] = documents
        }
        // Coverage is the mean of two shares: of the units, and of the units weighted by the idf of their rarest token
        // (so `service` or 情報 count for less than `escrow` or 暗号; a token no item holds weighs as the rarest known one).
        let weights = units.map { unit in
            unit.map { Double(index.idf[min(max(holders[$0]?.count ?? 0, 1), index.idf.count - 1)]) / 10000 }.max() ?? 0
        }
        let total = weights.reduce(0, +)
        let matches = ranking.results.prefix(limit).map { result in
            var held = 0.0, heldWeight = 0.0
            for (unit, weight) in zip(units, weights) where unit.contains(where: { holders[$0]?.contains(result.document) ?? false }) {
                held += 1
                heldWeight += weight
            }
            let coverage = (held / Double(units.count) + (total > 0 ? heldWeight / total : 0)) / 2
            return QuestionAnswer.Match(slug: result.slug, no: result.no, title: result.title, score: result.score, coverage: coverage)
        }
        return QuestionAnswer(status: QuestionAnswer.status(of: matches), matches: matches)
    }

    /// The meaningful units of a question, each as the token texts that hold it: an English word is one unit held
    /// by its token; a Japanese character is one unit held by either bigram of its run that contains it.
    static func units(of tokens: [SearchText.Token]) -> [[String]] {
        var units: [[String]] = []
        var previous: SearchText.Token?
        for token in tokens {
            defer { previous = token }
            let characters = Array(token.text.unicodeScalars)
            guard token.isJapanese else {
                units.append([token.text])
                continue
            }
            if characters.count == 2, let previous, previous.isJapanese, previous.text.unicodeScalars.count == 2,
               previous.text.unicodeScalars.last == characters.first {
                // The same run: this bigram shares its first character with the one before.
                units[units.count - 1].append(token.text)
                units.append([token.text])
            } else {
                for _ in characters { units.append([token.text]) }
            }
        }
        return units
    }
}
