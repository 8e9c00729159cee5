import Foundation

/// Ranks the items of a search index for a query. `Site/assets/search.js` implements the same steps
/// with the same arithmetic, so the browser and `checksheet search` rank identically.
///
/// 1. The query is analysed as a question (`SearchText.queryTokens`). In the search box the last word is a
///    prefix unless the query ends with a separator; a lone Japanese character matches every bigram that contains it.
/// 2. Each query token scores BM25F over the weighted fields (k1 1.2, b 0.75); a token that matches several
///    index terms (prefix, lone character) counts its best one.
/// 3. All tokens are required; when no item holds them all, an item holding at least `minimumCoverage` of the query
///    (its tokens weighted by idf, a token no item holds weighing as the rarest) will do.
/// 4. The whole query found as a phrase in the name, answer or definition adds that field's weight ÷ 10;
///    a query equal to one of an item's exact keys (its name, RTO, TLS, a keyword…) adds 100.
/// 5. Ties are broken by item number.
/// 6. In the search box (`search`), a query that is only an item's number (`No. 47`) puts that item first.
public struct SearchEngine: Sendable {
    static let k1 = 1.2
    static let b = 0.75
    static let exactBonus = 100.0
    /// Added to the item a query names by number: far above any text score of a query that short (a few tokens and
    /// `exactBonus`), so that results stay in descending order of score.
    static let numberBonus = 1000.0
    /// The share of a query, weighted by idf, that an item must hold when no item holds it all. Below it, the hits are
    /// stray pieces of words the sheet does not use: the スト and テス of ペネトレーションテスト, the `data` of a question
    /// about something else.
    static let minimumCoverage = 0.25
    /// Endings the stemmer strips: a typed word is its stem plus the start of one of these (`encrypti`, `availabil`).
    static let typedEndings = ["ability", "ibility", "ication", "ization", "isation", "ation", "ition", "icate", "ment", "ness", "able", "ible",
                               "ance", "ence", "ancy", "ency", "ant", "ent", "ion", "ize", "ity", "ing", "ies", "ied", "ed", "es", "ly", "s", "y"]

    /// One ranked item.
    public struct Result: Sendable, Equatable {
        public var slug: String
        public var no: Int
        public var title: String
        public var score: Double
        /// Position of the item in the index's documents.
        public var document: Int
    }

    /// A query's ranking with the evidence behind it: its tokens and which items each token matched.
    public struct Ranking: Sendable {
        public var tokens: [SearchText.Token]
        /// Per token: the index terms it stands for.
        public var terms: [[Int]]
        /// Every candidate, best first.
        public var results: [Result]
    }

    public let index: SearchIndex
    let termNumbers: [String: Int]
    /// Per document: its name, answer and definition in both languages, normalized and collapsed once, for phrases.
    let phraseTexts: [[String]]

    public init(index: SearchIndex) {
        self.index = index
        termNumbers = Dictionary(uniqueKeysWithValues: index.terms.enumerated().map { ($1, $0) })
        phraseTexts = index.documents.map { doc in
            [doc.item, doc.otherItem, doc.answer, doc.otherAnswer, doc.definition, doc.otherDefinition].map { SearchText.collapsed(SearchText.normalize($0)) }
        }
    }

    /// Index terms that a query token matches (`matchingTerms` adds the terms a token matching none is near).
    func directTerms(_ token: SearchText.Token, prefix: Bool) -> [Int] {
        if token.isJapanese && token.text.unicodeScalars.count == 1 {
            return index.terms.indices.filter { number in
                let term = index.terms[number]
                return term == token.text || (term.unicodeScalars.count == 2 && term.unicodeScalars.allSatisfy { SearchText.isJapanese($0.value) } && term.contains(token.text))
            }
        }
        if prefix {
            // A stem is a prefix of its word, so a typed word longer than the stem (`encrypti`) still meets `encrypt`.
            return index.terms.indices.filter {
                let term = index.terms[$0]
                guard !term.hasPrefix(token.text) else { return true }
                guard term.unicodeScalars.count >= 4, token.word.hasPrefix(term) else { return false }
                let rest = token.word.dropFirst(term.count)
                return Self.typedEndings.contains { $0.hasPrefix(rest) }
            }
        }
        return termNumbers[token.text].map { [$0] } ?? []
    }

    /// BM25F of one index term, per document that holds it.
    func scores(ofTerm number: Int) -> [Int: Double] {
        let postings = index.postings[number]
        let fieldCount = SearchIndex.fields.count
        var weighted: [Int: Double] = [:]
        var order: [Int] = []
        for entry in postings {
            let frequency = Double(entry % 8)
            let document = entry / 8 / fieldCount, field = entry / 8 % fieldCount
            let average = Double(index.averageLengths[field]) / 10000
            let length = Double(index.documents[document].lengths[field])
            let norm = 1 - Self.b + Self.b * (length / average)
            if weighted[document] == nil { order.append(document); weighted[document] = 0 }
            weighted[document]! += Double(SearchIndex.weights[field]) / 10 * frequency / norm
        }
        let idf = Double(index.idf[order.count]) / 10000
        var result: [Int: Double] = [:]
        for document in order {
            let tfw = weighted[document]!
            result[document] = idf * tfw * (Self.k1 + 1) / (tfw + Self.k1)
        }
        return result
    }

    /// The items that hold at least `minimumCoverage` of the query: per token, the items it matched (with their scores).
    /// Each token weighs its idf, so a common piece (`data`, スト) counts for little and a word no item holds for much.
    static func covering(_ perToken: [[Int: Double]], idf: [Int]) -> Set<Int> {
        let weights = perToken.map { Double(idf[min(max($0.count, 1), idf.count - 1)]) / 10000 }
        let total = weights.reduce(0, +)
        var held: [Int: Double] = [:]
        for (scores, weight) in zip(perToken, weights) {
            for document in scores.keys { held[document, default: 0] += weight }
        }
        return Set(held.filter { $0.value / total >= minimumCoverage }.keys)
    }

    /// Ranked items for `query`, best first. A query that is as a whole an item's number (`47`, `No. 47`, `項番47`) puts
    /// the item of that number first, its score raised by `numberBonus`; the text's ranking follows. When no item has
    /// that number (`365`), the text's ranking is all. Questionnaire answers (`answer`) rank by text alone.
    public func search(_ query: String, limit: Int = 10) -> [Result] {
        var results = rank(query, prefix: true).results
        if let number = SearchText.itemNumber(query), let document = index.documents.firstIndex(where: { $0.no == number }) {
            let doc = index.documents[document]
            let textScore = results.first { $0.document == document }?.score ?? 0
            results.removeAll { $0.document == document }
            results.insert(Result(slug: doc.slug, no: doc.no, title: doc.item, score: Self.numberBonus + textScore, document: document), at: 0)
        }
        return Array(results.prefix(limit))
    }

    /// Every candidate for `query` with the evidence; `prefix` lets the last word be a prefix (typing in the search box).
    public func rank(_ query: String, prefix allowsPrefix: Bool) -> Ranking {
        let normalized = SearchText.normalize(query)
        var tokens: [SearchText.Token] = []
        for token in queryTokens(query) where !tokens.contains(where: { $0.text == token.text && $0.isJapanese == token.isJapanese }) {
            tokens.append(token)
        }
        guard !tokens.isEmpty else { return Ranking(tokens: [], terms: [], results: []) }
        let endsInWord = normalized.unicodeScalars.last.map { SearchText.isWord($0.value) } ?? false

        var perToken: [[Int: Double]] = []
        var termsPerToken: [[Int]] = []
        for (position, token) in tokens.enumerated() {
            let prefix = allowsPrefix && position == tokens.count - 1 && !token.isJapanese && endsInWord
            var best: [Int: Double] = [:]
            let terms = matchingTerms(token, prefix: prefix, near: allowsPrefix)
            for term in terms {
                for (document, score) in scores(ofTerm: term) where score > (best[document] ?? -1) { best[document] = score }
            }
            perToken.append(best)
            termsPerToken.append(terms)
        }
        var candidates = Set(perToken[0].keys)
        for scores in perToken.dropFirst() { candidates.formIntersection(scores.keys) }
        if candidates.isEmpty { candidates = Self.covering(perToken, idf: index.idf) }

        let phrase = SearchText.collapsed(normalized)
        var results: [Result] = []
        for document in candidates {
            var score = 0.0
            for scores in perToken { score += scores[document] ?? 0 }
            let doc = index.documents[document]
            if tokens.count > 1, let field = (0..<3).first(where: { field in
                phraseTexts[document][field * 2].contains(phrase) || phraseTexts[document][field * 2 + 1].contains(phrase)
            }) {
                score += Double(SearchIndex.weights[field]) / 10
            }
            if doc.keys.contains(phrase) { score += Self.exactBonus }
            results.append(Result(slug: doc.slug, no: doc.no, title: doc.item, score: score, document: document))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.no < $1.no }
        return Ranking(tokens: tokens, terms: termsPerToken, results: results)
    }
}
