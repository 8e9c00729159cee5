import Foundation

/// Ranks the items of a search index for a query. `Site/assets/search.js` implements the same steps
/// with the same arithmetic, so the browser and `checksheet search` rank identically.
///
/// 1. The query is analysed as a question (`SearchText.queryTokens`). In the search box the last word is a
///    prefix unless the query ends with a separator; a lone Japanese character matches every bigram that contains it.
/// 2. Each query token scores BM25F over the weighted fields (k1 1.2, b 0.75); a token that matches several
///    index terms (prefix, lone character) counts its best one. A typed prefix weighs as the set of items holding any of
///    its completions, and a completion counts `completionWeight` of the word as typed when that word is a term too.
/// 3. The tokens form words (`words`): a katakana word's bigrams are one word, a kanji stretch counts a word per two
///    characters, so a long loanword counts no more than a short kanji word. A word weighs its idf; one no item holds
///    weighs `unknownWordShare` of the rarest. An item's coverage is the weighted share of the words it holds outside its
///    category (which results do not show).
/// 4. Items holding at least `nearlyAll` of what the best item holds, and at least `minimumCoverage` of the query, rank
///    by their words' scores, half of it times their coverage: an item missing an incidental word ranks beside those holding it.
/// 5. The whole query found as a phrase in the name, answer or definition adds that field's weight ÷ 10;
///    a query equal to one of an item's exact keys (its name, RTO, TLS, a keyword…) adds 100.
/// 6. Ties are broken by item number.
/// 7. In the search box (`search`), a query that is only an item's number (`No. 47`) puts that item first.
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
    /// An item holding this share of what the best item holds ranks beside it, by the weight of what it holds.
    static let nearlyAll = 0.6
    /// A word no item holds weighs this share of the rarest word: in a long question it is mostly incidental
    /// (`formal`, `timelines`, 本市), yet a query of mostly unknown words still finds nothing.
    static let unknownWordShare = 0.5
    /// A completion of the last word as typed counts this share against the word itself (`data` before `databases`).
    static let completionWeight = 0.5
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

    /// BM25F of one index term, per document that holds it; its idf from `documentFrequency` when given (a typed prefix
    /// weighs as the set of items holding any of its completions), else from the documents holding the term.
    func scores(ofTerm number: Int, documentFrequency: Int? = nil) -> [Int: Double] {
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
        let idf = Double(index.idf[min(documentFrequency ?? order.count, index.idf.count - 1)]) / 10000
        var result: [Int: Double] = [:]
        for document in order {
            let tfw = weighted[document]!
            result[document] = idf * tfw * (Self.k1 + 1) / (tfw + Self.k1)
        }
        return result
    }

    /// How a word of a query is written.
    enum Script: Equatable {
        case latin, number, character, kana, kanji
    }

    /// One word of a query: its tokens (positions in the query's unique tokens), its weight, and what it counts for.
    struct Word: Equatable {
        var tokens: [Int]
        /// idf of the items holding the whole word, or `unknownShare` of the rarest; times `count`.
        var weight: Double
        /// The words it stands for: a kanji stretch holds one per two characters or so (脆弱性診断 is two).
        var count: Double
        /// `count`, or `unknownShare` of it for a word no item holds: its part of a question's plain share.
        var size: Double
        /// Per token, its share of the word: its idf, so that a common piece of a loanword (ショ of ペネトレーション) holds little.
        var shares: [Double]
        var script: Script
        /// The word as written, normalized (a Latin word unstemmed; a Japanese word its characters).
        var text: String
        /// Whether some item holds the whole word.
        var known: Bool
    }

    /// The words of a query's tokens, as positions: a Latin word, a number and a lone character are one word each. A
    /// Japanese run's bigrams form words by script: a katakana word's bigrams are one word (アクセス); a kanji stretch is one
    /// word per stretch of bigrams the index holds (暗号化) or does not hold (the 限管 between 権限 and 管理); a bigram across
    /// the two scripts (時ア of 同時アクセス) belongs to no word. A katakana word no item holds whole is split on the ones
    /// items hold (`splitKana`), when `together` says whether some item holds all of the tokens at some positions. Only
    /// when that leaves no word is every token one.
    static func words(of tokens: [SearchText.Token], known: (Int) -> Bool, together: (([Int]) -> Bool)? = nil) -> [[Int]] {
        var words: [[Int]] = []
        var current: Int?
        var kind = 0
        for (position, token) in tokens.enumerated() {
            let characters = Array(token.text.unicodeScalars)
            guard token.isJapanese, characters.count == 2 else {
                words.append([position])
                current = nil
                continue
            }
            let kana = SearchText.isKana(characters[0].value)
            guard kana == SearchText.isKana(characters[1].value) else {
                current = nil
                continue
            }
            let previous = position > 0 ? Array(tokens[position - 1].text.unicodeScalars) : []
            let chained = position > 0 && tokens[position - 1].isJapanese && previous.count == 2 && previous[1] == characters[0]
            let tokenKind = kana ? 1 : known(position) ? 2 : 3
            if chained, let current, kind == tokenKind {
                words[current].append(position)
            } else {
                current = words.count
                kind = tokenKind
                words.append([position])
            }
        }
        if let together { words = words.flatMap { splitKana($0, of: tokens, together: together) } }
        return words.isEmpty ? tokens.indices.map { [$0] } : words
    }

    /// A katakana word no item holds whole, split on the katakana words items hold: レスポンスタイム is レスポンス and タイム.
    /// From its start, the longest stretch of two bigrams or more that an item holds together is a word; a lone bigram
    /// left between or after such words (the スタ seam of レスポンスタイム) belongs to no word; longer leftovers stay a word
    /// of their own. A word nothing splits stays whole. search.js splits the same.
    static func splitKana(_ word: [Int], of tokens: [SearchText.Token], together: ([Int]) -> Bool) -> [[Int]] {
        guard word.count >= 3, let first = tokens[word[0]].text.unicodeScalars.first, SearchText.isKana(first.value), tokens[word[0]].isJapanese,
              !together(word) else { return [word] }
        var parts: [[Int]] = [], rest: [Int] = []
        var found = false
        func flush(beforeWord: Bool) {
            if rest.count > 1 || (rest.count == 1 && !found && !beforeWord) { parts.append(rest) }
            rest = []
        }
        var i = 0
        while i < word.count {
            var j = word.count - 1
            while j > i && !together(Array(word[i...j])) { j -= 1 }
            if j > i {
                flush(beforeWord: true)
                parts.append(Array(word[i...j]))
                found = true
                i = j + 1
            } else {
                rest.append(word[i])
                i += 1
            }
        }
        flush(beforeWord: false)
        return found ? parts : [word]
    }

    /// The words of a query (`tokens`, as analysed) over its unique tokens (`unique`), each token held by `holders`.
    static func weighedWords(_ tokens: [SearchText.Token], unique: [SearchText.Token], holders: [Set<Int>], idf: [Int], unknownShare: Double) -> [Word] {
        func number(_ token: SearchText.Token) -> Int { unique.firstIndex { $0.text == token.text && $0.isJapanese == token.isJapanese }! }
        let rarest = Double(idf[min(1, idf.count - 1)]) / 10000
        var seen: Set<[Int]> = []
        var words: [Word] = []
        let together = { (positions: [Int]) -> Bool in
            var held = holders[number(tokens[positions[0]])]
            for position in positions.dropFirst() { held.formIntersection(holders[number(tokens[position])]) }
            return !held.isEmpty
        }
        for positions in Self.words(of: tokens, known: { !holders[number(tokens[$0])].isEmpty }, together: together) {
            var members: [Int] = []
            for position in positions where !members.contains(number(tokens[position])) { members.append(number(tokens[position])) }
            guard seen.insert(members).inserted else { continue }
            var held = holders[members[0]]
            for member in members.dropFirst() { held.formIntersection(holders[member]) }
            let first = Array(unique[members[0]].text.unicodeScalars)
            let count = unique[members[0]].isJapanese && first.count == 2 && !SearchText.isKana(first[0].value) ? Double(members.count + 1) / 2 : 1
            let weight = (held.isEmpty ? rarest * unknownShare : Double(idf[min(held.count, idf.count - 1)]) / 10000) * count
            let parts = members.map { holders[$0].isEmpty ? rarest : Double(idf[min(holders[$0].count, idf.count - 1)]) / 10000 }
            let whole = parts.reduce(0, +)
            let head = unique[members[0]]
            let script: Script = !head.isJapanese ? (SearchText.isDigit(first[0].value) ? .number : .latin)
                : first.count == 1 ? .character : SearchText.isKana(first[0].value) ? .kana : .kanji
            let text = head.isJapanese ? head.text + members.dropFirst().map { String(String.UnicodeScalarView(unique[$0].text.unicodeScalars.dropFirst())) }.joined() : head.word
            words.append(Word(tokens: members, weight: weight, count: count, size: held.isEmpty ? count * unknownShare : count,
                              shares: parts.map { $0 / whole }, script: script, text: text, known: !held.isEmpty))
        }
        return words
    }

    /// The share of `word` an item holds, by its tokens' shares; `holds` says whether it holds a token.
    static func heldShare(_ word: Word, holds: (Int) -> Bool) -> Double {
        var share = 0.0
        for (token, part) in zip(word.tokens, word.shares) where holds(token) { share += part }
        return share
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
        let all = queryTokens(query)
        var tokens: [SearchText.Token] = []
        for token in all where !tokens.contains(where: { $0.text == token.text && $0.isJapanese == token.isJapanese }) {
            tokens.append(token)
        }
        guard !tokens.isEmpty else { return Ranking(tokens: [], terms: [], results: []) }
        let endsInWord = normalized.unicodeScalars.last.map { SearchText.isWord($0.value) } ?? false
        let fieldCount = SearchIndex.fields.count

        var perToken: [[Int: Double]] = []
        var termsPerToken: [[Int]] = []
        for (position, token) in tokens.enumerated() {
            let prefix = allowsPrefix && position == tokens.count - 1 && !token.isJapanese && endsInWord
            var best: [Int: Double] = [:]
            let terms = matchingTerms(token, prefix: prefix, near: allowsPrefix)
            var documentFrequency: Int?
            var isExact: (Int) -> Bool = { _ in true }
            if prefix {
                var documents = Set<Int>()
                for term in terms { for entry in index.postings[term] { documents.insert(entry / 8 / fieldCount) } }
                documentFrequency = documents.count
                // The word as typed, or typed past its stem (`encrypti`), is exact; the rest are completions.
                let exact: (Int) -> Bool = { index.terms[$0] == token.text || !index.terms[$0].hasPrefix(token.text) }
                if terms.contains(where: exact) { isExact = exact }
            }
            for term in terms {
                let factor = isExact(term) ? 1 : Self.completionWeight
                for (document, score) in scores(ofTerm: term, documentFrequency: documentFrequency) where score * factor > (best[document] ?? -1) {
                    best[document] = score * factor
                }
            }
            perToken.append(best)
            termsPerToken.append(terms)
        }
        // The category says which part of the sheet an item is in, which a result does not show: a word held only
        // there scores, but is no part of the query the item holds (`セキュリティ パッチ` is not answered by every item of
        // the security section).
        let holders = termsPerToken.map { terms in
            var documents = Set<Int>()
            for term in terms {
                for entry in index.postings[term] where entry / 8 % fieldCount != SearchIndex.categoryField { documents.insert(entry / 8 / fieldCount) }
            }
            return documents
        }
        let words = Self.weighedWords(all, unique: tokens, holders: holders, idf: index.idf, unknownShare: Self.unknownWordShare)
        let total = words.reduce(0) { $0 + $1.weight }
        var coverage: [Int: Double] = [:]
        var wordScores: [Int: Double] = [:]
        for scores in perToken {
            for document in scores.keys where coverage[document] == nil {
                var held = 0.0, score = 0.0
                for word in words {
                    let share = Self.heldShare(word) { holders[$0].contains(document) }
                    guard share != 0 else { continue }
                    held += word.weight * share
                    var sum = 0.0
                    for token in word.tokens { sum += perToken[token][document] ?? 0 }
                    score += sum / Double(word.tokens.count) * word.count
                }
                coverage[document] = held / total
                wordScores[document] = score
            }
        }
        let floor = max(Self.minimumCoverage, (coverage.values.max() ?? 0) * Self.nearlyAll)

        let phrase = SearchText.collapsed(normalized)
        var results: [Result] = []
        for (document, share) in coverage where share >= floor && share != 0 {
            // Half of what an item holds counts by the share of the query it is: one missing a word ranks below one holding all.
            var score = wordScores[document]! * (1 + share) / 2
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
