extension SearchEngine {
    /// The share of the items a lone kanji may be in and still be searched for as a word of its own: 鍵 (a few items)
    /// is one; 対 of に対して and 行 of 行って (in many) are pieces of other words.
    static let loneKanjiShare = 0.1

    /// Whether the lone kanji `kanji` of a query is a word of this index: held by at least one item and by no more than
    /// `loneKanjiShare` of them.
    func keepsKanji(_ kanji: String) -> Bool {
        var documents = Set<Int>()
        for term in directTerms(SearchText.Token(text: kanji, isJapanese: true, isPart: false), prefix: false) {
            for entry in index.postings[term] { documents.insert(entry / 8 / SearchIndex.fields.count) }
        }
        return !documents.isEmpty && Double(documents.count) <= Double(index.documents.count) * Self.loneKanjiShare
    }

    /// The tokens `query` searches this index for (`SearchText.queryTokens`, keeping the lone kanji that are its words).
    public func queryTokens(_ query: String) -> [SearchText.Token] {
        SearchText.queryTokens(query, keepsKanji: keepsKanji)
    }

    /// Index terms that a query token stands for: those it matches, or else, when `near` (typing in the search box, not
    /// a questionnaire's written questions), those it is near (`SearchText.nearTerms`: a misspelt word, a version's parts).
    func matchingTerms(_ token: SearchText.Token, prefix: Bool, near: Bool) -> [Int] {
        let terms = directTerms(token, prefix: prefix)
        return terms.isEmpty && near ? SearchText.nearTerms(of: token, in: index.terms) : terms
    }
}
