extension SearchEngine {
    /// The sheet's answer to a questionnaire question: up to `limit` items, their coverage, and a status. The items
    /// come by score times coverage, so one covering the question beats one scoring higher on part of it; an item holding a large part of the question
    /// that the first does not comes second, so that a question two items answer together lists both.
    public func answer(_ question: String, limit: Int = 3) -> QuestionAnswer {
        let ranking = rank(question, prefix: false)
        guard !ranking.tokens.isEmpty else { return QuestionAnswer(status: .none, matches: []) }
        let holders = ranking.terms.map { terms in
            var documents = Set<Int>()
            for term in terms {
                for entry in index.postings[term] where entry / 8 % SearchIndex.fields.count != SearchIndex.categoryField {
                    documents.insert(entry / 8 / SearchIndex.fields.count)
                }
            }
            return documents
        }
        // Coverage is the mean of two shares of the question's words: plain, and weighted by idf (so `service` or 情報
        // count for less than `escrow` or 暗号). A word the sheet never uses weighs as the rarest: in a questionnaire it
        // is mostly what the question asks about (MFA, OWASP).
        let words = Self.weighedWords(queryTokens(question), unique: ranking.tokens, holders: holders, idf: index.idf, unknownShare: 1)
        var total = 0.0, size = 0.0
        for word in words {
            total += word.weight
            size += word.size
        }
        var candidates = ranking.results.map { result in
            let shares = words.map { word in Self.heldShare(word) { holders[$0].contains(result.document) } }
            var held = 0.0, heldWeight = 0.0
            for (word, share) in zip(words, shares) {
                held += word.size * share
                heldWeight += word.weight * share
            }
            let coverage = ((size > 0 ? held / size : 0) + (total > 0 ? heldWeight / total : 0)) / 2
            return (result: result, shares: shares, coverage: coverage)
        }
        // By the score times the coverage: an item answering most of the question beats one scoring higher on part of it.
        candidates.sort { a, b in
            let weighedA = a.coverage * a.result.score, weighedB = b.coverage * b.result.score
            if weighedA != weighedB { return weighedA > weighedB }
            if a.coverage != b.coverage { return a.coverage > b.coverage }
            if a.result.score != b.result.score { return a.result.score > b.result.score }
            return a.result.no < b.result.no
        }
        // Per candidate, the share of the question it holds that the first does not.
        let complements = candidates.indices.map { n -> Double in
            guard n > 0, total > 0 else { return 0 }
            var added = 0.0
            for (w, word) in words.enumerated() { added += word.weight * max(0, candidates[n].shares[w] - candidates[0].shares[w]) }
            return added / total
        }
        var order = Array(candidates.indices)
        var second: Int?
        for (n, complement) in complements.enumerated()
        where complement >= QuestionAnswer.compoundShare && candidates[n].coverage >= QuestionAnswer.reviewCoverage && complement > (second.map { complements[$0] } ?? -1) {
            second = n
        }
        if let second, second > 1 { order = [0, second] + order.filter { $0 != 0 && $0 != second } }
        let matches = order.prefix(limit).map { n in
            let result = candidates[n].result
            return QuestionAnswer.Match(slug: result.slug, no: result.no, title: result.title, score: result.score,
                                        coverage: candidates[n].coverage, complement: complements[n])
        }
        return QuestionAnswer(status: QuestionAnswer.status(of: matches), matches: matches)
    }
}
