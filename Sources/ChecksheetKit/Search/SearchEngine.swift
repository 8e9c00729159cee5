import Foundation

/// Ranks the items of a search index for a query. `Site/assets/search.js` implements the same steps
/// with the same arithmetic, so the browser and `checksheet search` rank identically.
///
/// 1. The query is analysed as the index was (without word parts). The last word is a prefix unless the
///    query ends with a separator; a lone Japanese character matches every bigram that contains it.
/// 2. Each query token scores BM25F over the weighted fields (k1 1.2, b 0.75); a token that matches several
///    index terms (prefix, lone character) counts its best one.
/// 3. All tokens are required; when that finds nothing, any token will do.
/// 4. The whole query found as a phrase in the name, answer or definition adds that field's weight ÷ 10;
///    a query equal to one of an item's exact keys (its name, RTO, TLS…) adds 100.
/// 5. Ties are broken by item number.
public struct SearchEngine: Sendable {
    static let k1 = 1.2
    static let b = 0.75
    static let exactBonus = 100.0

    /// One ranked item.
    public struct Result: Sendable, Equatable {
        public var slug: String
        public var no: Int
        public var title: String
        public var score: Double
    }

    public let index: SearchIndex
    let termNumbers: [String: Int]

    public init(index: SearchIndex) {
        self.index = index
        termNumbers = Dictionary(uniqueKeysWithValues: index.terms.enumerated().map { ($1, $0) })
    }

    /// Index terms that a query token stands for.
    func matchingTerms(_ token: SearchText.Token, prefix: Bool) -> [Int] {
        if token.isJapanese && token.text.unicodeScalars.count == 1 {
            return index.terms.indices.filter { number in
                let term = index.terms[number]
                return term == token.text || (term.unicodeScalars.count == 2 && term.unicodeScalars.allSatisfy { SearchText.isJapanese($0.value) } && term.contains(token.text))
            }
        }
        if prefix { return index.terms.indices.filter { index.terms[$0].hasPrefix(token.text) } }
        return termNumbers[token.text].map { [$0] } ?? []
    }

    /// BM25F of one index term, per document that holds it.
    func scores(ofTerm number: Int) -> [Int: Double] {
        let postings = index.postings[number]
        var weighted: [Int: Double] = [:]
        var order: [Int] = []
        for entry in postings {
            let frequency = Double(entry % 8)
            let document = entry / 8 / 5, field = entry / 8 % 5
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

    /// Ranked items for `query`, best first.
    public func search(_ query: String, limit: Int = 10) -> [Result] {
        let normalized = SearchText.normalize(query)
        var tokens: [SearchText.Token] = []
        for token in SearchText.tokens(normalized: normalized, parts: false) where !tokens.contains(token) { tokens.append(token) }
        guard !tokens.isEmpty else { return [] }
        let endsInWord = normalized.unicodeScalars.last.map { SearchText.isWord($0.value) } ?? false

        var perToken: [[Int: Double]] = []
        for (position, token) in tokens.enumerated() {
            let prefix = position == tokens.count - 1 && !token.isJapanese && endsInWord
            var best: [Int: Double] = [:]
            for term in matchingTerms(token, prefix: prefix) {
                for (document, score) in scores(ofTerm: term) where score > (best[document] ?? -1) { best[document] = score }
            }
            perToken.append(best)
        }
        var candidates = Set(perToken[0].keys)
        for scores in perToken.dropFirst() { candidates.formIntersection(scores.keys) }
        if candidates.isEmpty { candidates = perToken.reduce(into: Set<Int>()) { $0.formUnion($1.keys) } }

        let phrase = SearchText.collapsed(normalized)
        var results: [Result] = []
        for document in candidates {
            var score = 0.0
            for scores in perToken { score += scores[document] ?? 0 }
            let doc = index.documents[document]
            if tokens.count > 1 {
                let fields: [(String, String, Int)] = [(doc.item, doc.otherItem, 0), (doc.answer, doc.otherAnswer, 1), (doc.definition, doc.otherDefinition, 2)]
                if let field = fields.first(where: { field in
                    [field.0, field.1].contains { SearchText.collapsed(SearchText.normalize($0)).contains(phrase) }
                }) {
                    score += Double(SearchIndex.weights[field.2]) / 10
                }
            }
            if doc.keys.contains(phrase) { score += Self.exactBonus }
            results.append(Result(slug: doc.slug, no: doc.no, title: doc.item, score: score))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.no < $1.no }
        return Array(results.prefix(limit))
    }
}
