import Foundation

/// What a column of a customer's questionnaire holds, recognised by its header's name in Japanese or English.
///
/// Customers' forms put a title and blank rows above the table; the header row is the one whose cells are names like
/// these, so the names are what tell it from a title. Compared as `SheetColumn` compares them (NFKC, lower case, no
/// spaces, no final `.`/`:`), with a bracketed note left out: `回答（はい／いいえ）` is an answer column.
enum QuestionnaireColumn: Sendable, Equatable {
    case number, question, answer
    /// A column a table has beside its questions (category, remarks…): it names a header, nothing more.
    case other

    private static let names: [QuestionnaireColumn: [String]] = [
        .number: ["No.", "No", "#", "番号", "項番", "通番", "管理番号", "質問番号", "Number", "ID", "Q#", "Q No.", "Ref", "Ref No.",
                    "Control ID", "Question ID", "Control No.", "Question No."],
        .question: ["質問", "質問事項", "質問内容", "ご質問", "確認事項", "確認内容", "確認項目", "設問", "項目", "チェック項目", "要求事項",
                    "Question", "Questions", "Question text", "Requirement", "Control", "Item"],
        .answer: ["回答", "ご回答", "回答欄", "回答内容", "貴社回答", "Answer", "Answers", "Response", "Vendor response", "Your answer"],
        .other: ["区分", "分類", "カテゴリ", "カテゴリー", "大項目", "中項目", "小項目", "種別", "備考", "コメント", "補足", "根拠", "評価",
                 "対応状況", "Category", "Section", "Area", "Domain", "Remarks", "Comment", "Comments", "Notes", "Evidence", "Status"],
    ]

    private static let byName: [String: QuestionnaireColumn] = {
        var byName: [String: QuestionnaireColumn] = [:]
        for (column, list) in names { for name in list { byName[normalized(name)] = column } }
        // The columns `checksheet answer` adds name a header too (`Item No.` reads like a sentence), so that an answered
        // file read again finds its header; a name the list above has keeps its kind.
        for name in QuestionnaireAnswers.allAddedNames where byName[normalized(name)] == nil { byName[normalized(name)] = .other }
        return byName
    }()

    /// The kind of column a header cell names, or nil when it is no column name (a title, a question): one of the
    /// listed names, or else a short header with one of their words in it (see `loosely(_:)`).
    init?(header: String) {
        guard let column = Self.byName[Self.normalized(header)] ?? Self.loosely(header) else { return nil }
        self = column
    }

    /// Whether a header cell is one of the listed names itself, not a longer header holding one of their words: a
    /// title of one cell (`セキュリティ確認事項`) names a column only when it is a name itself.
    static func isListed(_ header: String) -> Bool { byName[normalized(header)] != nil }

    /// Words of English headers (whole words) and of Japanese ones (anywhere in the header) that tell what a column
    /// holds, for headers not listed above: `Assessment Question`, `Vendor Response`, `事業者回答`, `Control Domain`.
    private static let words: [QuestionnaireColumn: [String]] = [
        .number: ["no", "id", "number", "ref", "#", "番号", "項番"],
        .question: ["question", "questions", "requirement", "requirements", "control", "controls",
                    "質問", "設問", "確認事項", "確認項目", "確認内容", "要求事項", "チェック項目"],
        .answer: ["answer", "answers", "response", "responses", "reply", "回答"],
        .other: ["domain", "category", "section", "area", "owner", "ownership", "status", "type", "remarks", "comment", "comments",
                 "note", "notes", "evidence", "guidance", "分類", "区分", "カテゴリ", "備考", "種別", "状況", "根拠", "補足", "評価"],
    ]

    /// The kind a header not listed names by its words: the word that comes last decides, as the last word of a name
    /// does (`Question ID` numbers, `Assessment Question` asks, `質問への回答` answers). A header of more than four words
    /// or forty characters is a title, one that asks is a question, and one that lists short choices (`Yes/No/N.A.`,
    /// `はい／いいえ`) names none; the browser reads headers the same way (`Site/assets/questionnaire.js`).
    static func loosely(_ header: String) -> QuestionnaireColumn? {
        var text = header.precomposedStringWithCompatibilityMapping.lowercased().trimmed
        if let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex { text = String(text[..<open]).trimmed }
        let latin = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#")) }
        guard !text.isEmpty, text.unicodeScalars.count <= 40, latin.count <= 4, !Questionnaire.isQuestionLike(text) else { return nil }
        let parts = text.split(omittingEmptySubsequences: false) { "/／|・".contains($0) }
        if parts.count > 1 && parts.allSatisfy({ $0.trimmed.unicodeScalars.count <= 4 }) { return nil }
        var last: (position: Int, column: QuestionnaireColumn)?
        func found(_ position: Int, _ column: QuestionnaireColumn) { if position >= last?.position ?? -1 { last = (position, column) } }
        for (column, list) in words.sorted(by: { $0.key.order < $1.key.order }) {
            for word in latin where list.contains(String(word)) { found(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: word.startIndex), column) }
            for word in list where !word.allSatisfy(\.isASCII) {
                var start = text.startIndex
                while let range = text.range(of: word, range: start..<text.endIndex) {
                    found(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound), column)
                    start = range.upperBound
                }
            }
        }
        return last?.column
    }

    /// A fixed order of the kinds, so that reading a header never depends on a dictionary's order.
    private var order: Int {
        switch self {
        case .number: 0
        case .question: 1
        case .answer: 2
        case .other: 3
        }
    }

    /// Whether a header's note in brackets lists choices (`回答（はい／いいえ）`, `Answer (Yes/No/NA)`): a column to pick
    /// in, not to write in.
    static func listsChoices(_ header: String) -> Bool {
        let text = header.precomposedStringWithCompatibilityMapping
        guard let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex else { return false }
        return text[open...].contains { "/・|、,".contains($0) }
    }

    /// Whether a header is itself a list of short choices (`Yes/No/NA`, `Y/N`, `はい／いいえ`, `○/×/－`, `有/無`), a note in
    /// brackets left out: the name of a column to pick in, which names a dropdown's column when it stands over one.
    static func namesChoices(_ header: String) -> Bool {
        var text = header.precomposedStringWithCompatibilityMapping.trimmed
        if let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex { text = String(text[..<open]).trimmed }
        let parts = text.split(omittingEmptySubsequences: false) { "/|・".contains($0) }.map(\.trimmed)
        return parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.count <= 4 }
    }

    static func normalized(_ header: String) -> String {
        var text = SheetColumn.normalized(header.precomposedStringWithCompatibilityMapping)
        // A note in brackets after the name says how to answer, not what the column is.
        if let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex { text = String(text[..<open]) }
        return SheetColumn.normalized(text)
    }
}
