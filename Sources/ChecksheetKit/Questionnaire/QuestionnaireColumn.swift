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

    /// The kind of column a header cell names, or nil when it is no column name (a title, a question).
    init?(header: String) {
        guard let column = Self.byName[Self.normalized(header)] else { return nil }
        self = column
    }

    /// Whether a header's note in brackets lists choices (`回答（はい／いいえ）`, `Answer (Yes/No/NA)`): a column to pick
    /// in, not to write in.
    static func listsChoices(_ header: String) -> Bool {
        let text = header.precomposedStringWithCompatibilityMapping
        guard let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex else { return false }
        return text[open...].contains { "/・|、,".contains($0) }
    }

    static func normalized(_ header: String) -> String {
        var text = SheetColumn.normalized(header.precomposedStringWithCompatibilityMapping)
        // A note in brackets after the name says how to answer, not what the column is.
        if let open = text.firstIndex(where: { "([【".contains($0) }), open != text.startIndex { text = String(text[..<open]) }
        return SheetColumn.normalized(text)
    }
}
