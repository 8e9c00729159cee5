import Foundation

/// The precomputed search index of one language of the site, `/{lang}/search-index.json`.
///
/// Every item is one document holding both languages' text, so a query in either language finds it;
/// results show the page's language. All numbers are integers (weights ×10, idf and average lengths
/// ×10000), so that Swift and JavaScript compute bit-identical scores from them.
public struct SearchIndex: Sendable, Equatable {
    /// Fields in weight order; a posting names its field by index.
    public static let fields = ["item", "answer", "definition", "body", "category", "keywords", "synonyms"]
    /// Field weights ×10: item name above answer above definition above body (unit) above category; the item's
    /// `keywords` weigh like the answer; the customers' words the synonyms file adds weigh least, like the category, so
    /// that an item's own words rank above words it only stands for (`incident` finds the item that says incident before
    /// the items that say 障害).
    public static let weights = [50, 30, 20, 15, 10, 30, 10]
    /// The category field says which part of the sheet an item is in, not what it answers: it counts for ranking,
    /// not for coverage.
    public static let categoryField = 4
    /// Postings cap the term frequency here; BM25 saturates long before.
    public static let maxFrequency = 7

    /// One item as search results show it, in the index's language, plus the other language's text.
    public struct Document: Sendable, Equatable {
        public var no: Int
        public var slug: String
        public var item: String
        public var answer: String
        public var definition: String
        public var otherItem: String
        public var otherAnswer: String
        public var otherDefinition: String
        /// Token count per field, both languages together.
        public var lengths: [Int]
        /// Normalized strings that name this item exactly (its name, an acronym such as RTO or TLS).
        public var keys: [String]
    }

    public var language: Language
    public var documents: [Document]
    /// Sorted by code point.
    public var terms: [String]
    /// Per term: `(document × 7 + field) × 8 + min(frequency, 7)`, ascending.
    public var postings: [[Int]]
    /// Mean token count per field ×10000, rounded.
    public var averageLengths: [Int]
    /// idf ×10000 by document frequency (index 0 unused).
    public var idf: [Int]
}

extension SearchIndex {
    /// Builds the index of `revision` for the site in `language`. Pure and deterministic.
    /// An item whose text holds a word of a synonym group as written gets the group's other words in its synonyms field
    /// (`synonymGroups`, `expansions`).
    public static func build(_ revision: Revision, language: Language, synonyms: Synonyms = Synonyms(groups: [])) -> SearchIndex {
        let groups = synonymGroups(synonyms)
        let own = revision.items[language]
        let other = Dictionary(revision.items[language.other].map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var documents: [Document] = []
        // Per term, its slots (`document × 7 + field`) in the order met, which is ascending, and the count in each.
        // By the token's bytes: tokens are normalized, and hashing Japanese `String`s normalizes them again.
        var occurrences: [ExactText: [(slot: Int, count: Int)]] = [:]
        // Sections, categories and units repeat across items, and a rebuild's items are mostly the last build's:
        // each distinct text is analysed once.
        func tally(_ slot: Int, in list: inout [(slot: Int, count: Int)]) {
            if let last = list.indices.last, list[last].slot == slot { list[last].count += 1 } else { list.append((slot, 1)) }
        }
        func indexTokens(_ text: String) -> [SearchText.Token] {
            TextMemos.indexTokens.value(of: text) { SearchText.tokens(normalized: SearchText.analysed($0), parts: true) }
        }
        for (number, item) in own.enumerated() {
            let translation = other[item.slug] ?? item
            let pair = [item, translation]
            let texts: [[String]] = [
                pair.map(\.item),
                pair.map(\.plainAnswer),
                pair.map(\.definition),
                pair.map(\.unit),
                pair.flatMap { [$0.section, $0.category] },
                pair.flatMap(\.keywords),
            ]
            let analysed = texts.map { $0.map(indexTokens) }
            var fieldTokens = analysed.map { $0.flatMap { $0.map(\.text) } }
            // Section and category say where an item is, not what it answers: they bring no synonyms.
            fieldTokens.append(expansions(of: Array(analysed[0...3].joined()) + analysed[5], groups: groups))
            var lengths: [Int] = []
            for (field, tokens) in fieldTokens.enumerated() {
                lengths.append(tokens.count)
                let slot = number * fields.count + field
                for token in tokens { tally(slot, in: &occurrences[ExactText(token), default: []]) }
            }
            documents.append(Document(no: item.no, slug: item.slug, item: item.item, answer: texts[1][0], definition: item.definition,
                                      otherItem: translation.item, otherAnswer: texts[1][1], otherDefinition: translation.definition,
                                      lengths: lengths, keys: exactKeys(pair, answers: texts[1])))
        }
        // Code-point order is UTF-8 byte order.
        let terms = occurrences.keys.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        var maxDocumentFrequency = 0
        let postings = terms.map { term -> [Int] in
            let slots = occurrences[term]!
            var documentsOfTerm = 0, lastDocument = -1
            for entry in slots where entry.slot / fields.count != lastDocument {
                lastDocument = entry.slot / fields.count
                documentsOfTerm += 1
            }
            maxDocumentFrequency = max(maxDocumentFrequency, documentsOfTerm)
            return slots.map { $0.slot * 8 + min($0.count, maxFrequency) }
        }
        let count = Double(max(documents.count, 1))
        let averages = (0..<fields.count).map { field in
            Int((Double(documents.reduce(0) { $0 + $1.lengths[field] }) / count * 10000).rounded())
        }
        let idf = (0...maxDocumentFrequency).map { frequency -> Int in
            guard frequency > 0 else { return 0 }
            let n = Double(documents.count), df = Double(frequency)
            return Int((log(1 + (n - df + 0.5) / (df + 0.5)) * 10000).rounded())
        }
        return SearchIndex(language: language, documents: documents, terms: terms.map(\.text), postings: postings, averageLengths: averages, idf: idf)
    }

    /// What a query must equal to put an item first: whole names, answers and units, the parts of a name
    /// in brackets (`目標復旧時間(RTO)` → `rto`), and upper-case acronyms of the name and answer (TLS, ISMS).
    static func exactKeys(_ pair: [Item], answers: [String]) -> [String] {
        var keys: [String] = []
        for (item, answer) in zip(pair, answers) {
            for value in [item.item, answer, item.unit] { keys.append(SearchText.collapsed(SearchText.normalize(value))) }
            for part in bracketed(item.item) + item.keywords { keys.append(SearchText.collapsed(SearchText.normalize(part))) }
            for text in [item.item, answer] {
                for word in acronyms(text) { keys.append(SearchText.normalize(word)) }
            }
        }
        var seen: Set<ExactText> = []
        return keys.filter { !$0.isEmpty && seen.insert(ExactText($0)).inserted }
    }

    /// The words of ASCII capitals and digits that start with a capital and are two or more long (`ISMS`, `ISO27001`),
    /// where words are the runs of ASCII letters and digits between other `Character`s. Scanned by Unicode scalar:
    /// splitting Characters cost a twentieth of a build of 10,000 items. A scalar that joins an ASCII letter into one
    /// Character with it (a combining mark after it, a prepended mark before it) makes that letter no word character,
    /// as splitting Characters does (`SearchTextNormalizationTests` holds the two side by side).
    static func acronyms(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value { case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            default: return false }
        }
        func joined(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
            var pair = String.UnicodeScalarView()
            pair.append(first)
            pair.append(second)
            return String(pair).count == 1
        }
        var words: [String] = []
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            var end = index
            while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
            var start = index
            index = end
            if start > 0, !scalars[start - 1].isASCII, joined(scalars[start - 1], scalars[start]) { start += 1 }
            if end < scalars.count, !scalars[end].isASCII, end > start, joined(scalars[end - 1], scalars[end]) { end -= 1 }
            guard end - start >= 2, (0x41...0x5A).contains(scalars[start].value),
                  scalars[start..<end].allSatisfy({ (0x41...0x5A).contains($0.value) || (0x30...0x39).contains($0.value) }) else { continue }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<end])
            words.append(String(word))
        }
        return words
    }

    /// `isASCII && (isLetter || isNumber)` of a Character, answered from its ASCII value (CR LF has one: a line feed).
    static func isASCIILetterOrDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }

    /// The parts of a name in round brackets, half- or full-width: `目標復旧時間(RTO)` → `RTO`.
    static func bracketed(_ text: String) -> [String] {
        var parts: [String] = []
        var current: String?
        for character in text {
            if character == "(" || character == "（" {
                current = ""
            } else if character == ")" || character == "）" {
                if let part = current, !part.isEmpty { parts.append(part) }
                current = nil
            } else {
                current?.append(character)
            }
        }
        return parts
    }
}
