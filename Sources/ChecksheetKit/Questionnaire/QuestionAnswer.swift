/// The sheet's answer to one questionnaire question: the best items and how sure the match is.
///
/// The status comes from evidence a reader can check, the same in `Site/assets/search.js`:
/// - **coverage**: the share of the question's meaningful text that an item holds. English counts words,
///   Japanese counts characters (a character is held when a bigram of the question containing it is in the item).
///   It is the mean of the plain share and the share with each word or character weighted by its rarity in the sheet
///   (idf), so that `service` counts for less than `escrow`; a word the sheet never uses weighs as the rarest one.
///   The item's name, answer, definition, unit, keywords and the synonyms they bring count; its category does not.
///   Words the whole sheet never uses (MFA, 多要素) are held by no item. Not every word says what the question asks about:
///   a word keeps a share of its weight by how it reads (`SearchEngine.topicality`), so that `deployed` or サーバ does not
///   make a covered question look uncovered while MFA, `background` or 多要素 still does.
/// - a question whose parts are joined by `and`, 及び, ・… is also measured part by part: another item holding a
///   part the top item lacks (`recovery time objective (RTO) and recovery point objective`) makes it a compound one.
/// - **lead**: how far the top item's score is ahead of the next one's, as a share of the top score.
/// - **complement**: the share of the question (weighted) an item holds that the top item does not.
///
/// `none` when the top item covers less than `reviewCoverage`; `review` when another item covering that much holds at
/// least `compoundShare` of the question the top one misses (`encrypted at rest and in transit?`: two items answer it);
/// `answered` when the top item covers at least `answeredCoverage` and leads, by `answeredLead` of the score or by
/// `answeredMargin` of coverage over the next item (a tiny lead is no answer); `review` otherwise. All are shares, not
/// scores, so the rule reads the same for a sheet of 49 items or of 10,000.
public struct QuestionAnswer: Sendable, Equatable {
    /// Whether the sheet answers a question.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// The top item clearly answers the question.
        case answered
        /// Plausible candidates: a person should choose.
        case review
        /// No item answers it; candidates stay available on request, no answer is filled in.
        case none
    }

    /// One candidate item with its evidence.
    public struct Match: Sendable, Equatable {
        public var slug: String
        public var no: Int
        public var title: String
        public var score: Double
        /// Share of the question's meaningful text the item holds, 0…1.
        public var coverage: Double
        /// Share of the question (weighted) the item holds that the top item does not, 0…1; 0 for the top item.
        public var complement: Double

        public init(slug: String, no: Int, title: String, score: Double, coverage: Double, complement: Double = 0) {
            self.slug = slug
            self.no = no
            self.title = title
            self.score = score
            self.coverage = coverage
            self.complement = complement
        }
    }

    public static let answeredCoverage = 0.7
    public static let answeredLead = 0.2
    /// The coverage by which the top item must exceed the next one to be the answer without a score lead.
    public static let answeredMargin = 0.1
    public static let reviewCoverage = 0.45
    /// The share of the question another item must add to the top item's to make the question a compound one.
    public static let compoundShare = 0.25
    /// The share of its weight a word keeps that reads as wording rather than as what the question asks about (see
    /// `SearchEngine.topicality`): `deployed`, a number, サーバ, and a word of the sheet no candidate holds.
    static let ordinaryShare = 0.35
    /// Words that say how, not what (`is there a function to export data?`): they count for nothing in coverage, as
    /// question words do, though an item's name holding them (機能一覧) still scores.
    static let weakWords: Set<String> = Set(["provide", "provided", "provides", "support", "supported", "supports", "feature", "features", "function",
                                             "functions", "functionality", "capability", "capabilities", "method", "methods", "mechanism",
                                             "mechanisms", "measure", "measures", "機能", "方法", "手段", "対策", "導入", "仕組"].map(SearchText.normalize))
    /// Loanwords of any system's description, no topic of their own when the sheet does not use them.
    static let commonLoanwords: Set<String> = Set(["サーバ", "サーバー", "ソフト", "ソフトウェア", "ツール", "アプリ", "アプリケーション", "プラットフォーム",
                                                   "プログラム"].map(SearchText.normalize))
    /// What joins the parts of a compound question besides `and` (`RTO及びRPO`, 保存データ・通信).
    static let conjunctions = ["及び", "および", "並びに", "ならびに", "かつ", "・"]

    public var status: Status
    /// Up to three candidates, best first.
    public var matches: [Match]

    /// The status of a question whose best candidates are `matches` (best first).
    public static func status(of matches: [Match]) -> Status {
        guard let top = matches.first, top.coverage >= reviewCoverage else { return .none }
        if matches.dropFirst().contains(where: { $0.complement >= compoundShare && $0.coverage >= reviewCoverage }) { return .review }
        let next = matches.count > 1 ? matches[1] : nil
        let lead = next.map { top.score > 0 ? (top.score - $0.score) / top.score : 0 } ?? 1
        let margin = next.map { top.coverage - $0.coverage } ?? 1
        if top.coverage >= answeredCoverage && (lead >= answeredLead || margin >= answeredMargin) { return .answered }
        return .review
    }
}
