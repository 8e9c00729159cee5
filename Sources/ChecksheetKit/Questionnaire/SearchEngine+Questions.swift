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
        var words = Self.weighedWords(queryTokens(question), unique: ranking.tokens, holders: holders, idf: index.idf, unknownShare: 1)
        let candidateDocuments = Set(ranking.results.map(\.document))
        let named = Self.namedTerms(question)
        for n in words.indices {
            let share = Self.topicality(words[n], named: named, unique: ranking.tokens) { !holders[$0].isDisjoint(with: candidateDocuments) }
            words[n].weight *= share
            words[n].size *= share
        }
        // The words of each part its conjunctions join, when it has two parts of two words or more.
        var parts = Self.questionParts(question).map { piece -> [Int] in
            let keys = Set(queryTokens(piece).map { ($0.isJapanese ? "j" : "l") + $0.text })
            return words.indices.filter { w in
                words[w].weight > 0 && words[w].tokens.allSatisfy { keys.contains((ranking.tokens[$0].isJapanese ? "j" : "l") + ranking.tokens[$0].text) }
            }
        }.filter { $0.count >= 2 }
        if parts.count < 2 { parts = [] }
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
            var complement = added / total
            // A part of the question: the share of it this item holds that the top one does not.
            for part in parts {
                var partAdded = 0.0, partTotal = 0.0
                for w in part {
                    partTotal += words[w].weight
                    partAdded += words[w].weight * max(0, candidates[n].shares[w] - candidates[0].shares[w])
                }
                if partTotal > 0 && partAdded / partTotal > complement { complement = partAdded / partTotal }
            }
            return complement
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

    /// The share of its weight a word of a question keeps: none for a weak word (機能, provide, `QuestionAnswer.weakWords`);
    /// for a word the sheet uses, all, or `ordinaryShare` when no candidate holds it (`heldByCandidate` says whether one
    /// holds a token); for one it does not use, all when it may be a topic (a name, a noun, a katakana or kanji word) and
    /// `ordinaryShare` when it reads as wording (a verb form such as `deployed` or `exercising`, a number, a common
    /// loanword such as サーバ). search.js weighs the same.
    static func topicality(_ word: Word, named: Set<String>, unique: [SearchText.Token], heldByCandidate: (Int) -> Bool) -> Double {
        if QuestionAnswer.weakWords.contains(word.text) { return 0 }
        if word.known { return word.tokens.contains(where: heldByCandidate) ? 1 : QuestionAnswer.ordinaryShare }
        switch word.script {
        case .latin:
            let length = word.text.unicodeScalars.count
            let verbForm = (length >= 5 && word.text.hasSuffix("ed")) || (length >= 6 && word.text.hasSuffix("ing"))
            return !named.contains(unique[word.tokens[0]].text) && verbForm ? QuestionAnswer.ordinaryShare : 1
        case .number: return QuestionAnswer.ordinaryShare
        case .kana: return QuestionAnswer.commonLoanwords.contains(word.text) ? QuestionAnswer.ordinaryShare : 1
        case .character, .kanji: return 1
        }
    }

    /// The words of a question written as names, as the index's terms: acronyms (MFA, SAML) anywhere, capitalised words
    /// (Chief Officer) past a sentence's first word.
    static func namedTerms(_ question: String) -> Set<String> {
        var named = Set<String>()
        let scalars = Array(SearchText.withoutEnumerator(question).unicodeScalars)
        func isLetter(_ value: UInt32) -> Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        var sentenceStart = true
        var i = 0
        while i < scalars.count {
            let value = scalars[i].value
            guard isLetter(value) else {
                if [0x2E, 0x3F, 0x21, 0x3002, 0xFF1F, 0xFF01, 0x0A].contains(value) { sentenceStart = true }
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, isLetter(scalars[end].value) { end += 1 }
            let run = scalars[i..<end]
            let capital = run.first!.value <= 0x5A
            let acronym = run.count >= 2 && run.allSatisfy { $0.value <= 0x5A }
            if acronym || (capital && !sentenceStart) {
                for token in SearchText.tokens(normalized: SearchText.normalize(String(String.UnicodeScalarView(run))), parts: false) { named.insert(token.text) }
            }
            sentenceStart = false
            i = end
        }
        return named
    }

    /// The parts of a question its conjunctions join (`RTO and RPO`, 保存データ及び通信): `and` as a word, or one of
    /// `QuestionAnswer.conjunctions`.
    static func questionParts(_ question: String) -> [String] {
        let scalars = Array(question.unicodeScalars)
        let conjunctions = QuestionAnswer.conjunctions.map { Array($0.unicodeScalars) }
        func isLetter(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            return (0x41...0x5A).contains(scalars[index].value) || (0x61...0x7A).contains(scalars[index].value)
        }
        var pieces = [String.UnicodeScalarView()]
        var i = 0
        while i < scalars.count {
            let conjunction = conjunctions.first { c in i + c.count <= scalars.count && Array(scalars[i..<(i + c.count)]) == c }
            let isAnd = i + 3 <= scalars.count && String(String.UnicodeScalarView(scalars[i..<(i + 3)])).lowercased() == "and" && !isLetter(i - 1) && !isLetter(i + 3)
            if let conjunction {
                pieces.append(String.UnicodeScalarView())
                i += conjunction.count
            } else if isAnd {
                pieces.append(String.UnicodeScalarView())
                i += 3
            } else {
                pieces[pieces.count - 1].append(scalars[i])
                i += 1
            }
        }
        return pieces.map(String.init)
    }
}
