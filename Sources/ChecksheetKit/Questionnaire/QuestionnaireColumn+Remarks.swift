import Foundation

extension QuestionnaireColumn {
    /// Names of the column where a form wants the written answer beside a dropdown of はい／いいえ: remarks, comments,
    /// notes, explanation, or a written-answer column (`回答欄`).
    private static let remarksNames: Set<String> = Set([
        "補足", "補足説明", "補足事項", "備考", "備考欄", "コメント", "コメント欄", "説明", "詳細", "具体的な内容", "回答内容", "回答欄", "記入欄",
        "記述欄", "根拠", "Comment", "Comments", "Notes", "Note", "Remarks", "Remark", "Explanation", "Details", "Justification",
        "Additional information", "Vendor comments", "Vendor comment", "Response", "Evidence",
    ].map(normalized))

    /// Whether a header names a remarks column (`補足`, `備考`, `Comments`, `Notes`…), a note in brackets left out.
    static func namesRemarks(_ header: String) -> Bool {
        remarksNames.contains(normalized(header))
    }
}
