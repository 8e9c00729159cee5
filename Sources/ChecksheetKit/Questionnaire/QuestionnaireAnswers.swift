import Foundation

/// A questionnaire answered from the sheet: each question's status and best items, ready to be written back.
public struct QuestionnaireAnswers: Sendable {
    /// One answered row.
    public struct Row: Sendable {
        public var question: Questionnaire.Question
        public var answer: QuestionAnswer
    }

    public var questionnaire: Questionnaire
    public var rows: [Row]
    public var revision: Revision
    public var language: Language
    public var baseURL: String

    /// Answers every question of `questionnaire` from the current revision of `sheet`, ranked as the browser ranks.
    public static func make(_ questionnaire: Questionnaire, sheet: Sheet, language: Language, baseURL: String? = nil) -> QuestionnaireAnswers? {
        guard let current = sheet.current else { return nil }
        // Answers say what the pages say: English whose translation is pending gives the current Japanese.
        let revision = language == .en ? SheetHistory(sheet).shown(current) : current
        let engine = SearchEngine(index: SearchIndex.build(revision, language: language, synonyms: sheet.synonyms))
        let rows = questionnaire.questions.map { Row(question: $0, answer: engine.answer($0.text)) }
        return QuestionnaireAnswers(questionnaire: questionnaire, rows: rows, revision: revision, language: language,
                                    baseURL: baseURL ?? sheet.configuration.baseURL)
    }

    /// What the tool adds for each question, in order: status, the top item's No., name, answer, revision date, URL
    /// and coverage. Each has its plain header and one for a table that already uses that name (a customer's `No.`).
    private static func addedNames(_ language: Language) -> [(plain: String, qualified: String)] {
        language == .ja
            ? [("ステータス", "回答ステータス"), ("No.", "項目No."), ("サービスレベル項目", "チェックシートの項目"), ("回答", "チェックシートの回答"),
               ("版", "チェックシートの版"), ("URL", "項目のURL"), ("確度", "一致の確度")]
            : [("Status", "Answer status"), ("No.", "Item No."), ("Item", "Checksheet item"), ("Answer", "Checksheet answer"),
               ("Revision", "Checksheet revision"), ("URL", "Item URL"), ("Confidence", "Match confidence")]
    }

    private var addedNames: [(plain: String, qualified: String)] { Self.addedNames(language) }

    /// Every header the tool may add, in both languages.
    static var allAddedNames: [String] { Language.allCases.flatMap { addedNames($0).flatMap { [$0.plain, $0.qualified] } } }

    /// Where the answer text goes in `cells(_:)`.
    static let answerIndex = 3

    /// The columns this tool added to a header row, in either language, with or without the answer column: the
    /// header's last names, each the plain or the qualified name in its place. Nil when the row ends otherwise.
    static func addedColumns(in header: [String]) -> Range<Int>? {
        guard let last = header.lastIndex(where: { !$0.trimmed.isEmpty }) else { return nil }
        for language in Language.allCases {
            let names = addedNames(language)
            for set in [names, names.enumerated().filter { $0.offset != answerIndex }.map(\.element)] where set.count <= last + 1 {
                let start = last + 1 - set.count
                let matches = zip(header[start...last], set).allSatisfy { cell, name in
                    let cell = QuestionnaireColumn.normalized(cell)
                    return cell == QuestionnaireColumn.normalized(name.plain) || cell == QuestionnaireColumn.normalized(name.qualified)
                }
                if matches { return start..<(last + 1) }
            }
        }
        return nil
    }

    /// The first column the answers' own columns take: where an earlier answer's columns begin, else after the table.
    var addedStart: Int { questionnaire.answeredColumns?.lowerBound ?? questionnaire.width }

    /// The headers of the columns added to the right of the table: every added cell but the answer when the
    /// customer keeps an answer column. A name the customer's header already uses is qualified (an earlier
    /// answer's columns are not the customer's).
    public var addedHeaders: [String] {
        let header = Array(questionnaire.columnNames.prefix(addedStart))
        let taken = Set(header.map(QuestionnaireColumn.normalized))
        return addedNames.enumerated().filter { questionnaire.answerColumn == nil || $0.offset != Self.answerIndex }
            .map { taken.contains(QuestionnaireColumn.normalized($0.element.plain)) ? $0.element.qualified : $0.element.plain }
    }

    /// The item's permanent URL.
    public func url(_ slug: String) -> String { SitePath.url(SitePath.item(slug, language), base: baseURL) }

    /// The answer cells of a row: status, then the top item's No., name, answer, revision date, URL and coverage
    /// (left blank when the sheet does not cover the question).
    func cells(_ row: Row) -> [String] {
        guard row.answer.status != .none, let top = row.answer.matches.first, let item = revision.item(top.slug, language) else {
            return [row.answer.status.rawValue, "", "", "", "", "", ""]
        }
        return [statusText(row.answer.status, candidate: item.no), String(item.no), item.item, item.plainAnswer, revision.date, url(item.slug),
                "\(Int((top.coverage * 100).rounded()))%"]
    }

    /// What the status column says: `answered` and `none` as they are; an answer to review says so and names the
    /// item to check, since it stands in the customer's column looking as final as any other.
    func statusText(_ status: QuestionAnswer.Status, candidate no: Int) -> String {
        guard status == .review else { return status.rawValue }
        return Self.reviewPrefix(language) + "\(no)"
    }

    /// The start of a review row's status text, `要確認: 候補の項目 No. ` or `Review: candidate item No. `.
    static func reviewPrefix(_ language: Language) -> String {
        language == .ja ? "要確認: 候補の項目 No. " : "Review: candidate item No. "
    }

    /// The column each question's written answer goes into: the customer's answer column, or the added one.
    public var writtenAnswerColumn: Int { questionnaire.answerColumn ?? addedStart + Self.answerIndex }

    /// The rows (0-based) whose written answer is to be reviewed: marked in a workbook, as a person is to check them.
    public var reviewRows: Set<Int> {
        Set(rows.filter { $0.answer.status == .review && !cells($0)[Self.answerIndex].isEmpty }.map { $0.question.row - 1 })
    }

    /// The cells written into the questionnaire (0-based row → 0-based column → text): the added headers on the header
    /// row, and on each question's row its answer in the answer column and the rest in the added columns. Nothing else
    /// changes, and a blank is not written (a question the sheet does not cover keeps its answer cell as it was), but
    /// for the columns of an earlier answer: those are emptied first, so that nothing of that answer stays behind.
    public var filledCells: [Int: [Int: String]] {
        let width = addedStart
        var filled: [Int: [Int: String]] = [:]
        if let earlier = questionnaire.answeredColumns {
            for row in [questionnaire.headerRow].compactMap({ $0 }) + rows.map({ $0.question.row - 1 }) {
                for column in earlier { filled[row, default: [:]][column] = "" }
            }
        }
        if let header = questionnaire.headerRow {
            for (offset, name) in addedHeaders.enumerated() { filled[header, default: [:]][width + offset] = name }
        }
        for row in rows {
            var values = cells(row)
            if let answerColumn = questionnaire.answerColumn {
                let answer = values.remove(at: Self.answerIndex)
                if !answer.isEmpty {
                    filled[row.question.row - 1, default: [:]][answerColumn] = answer
                } else if wroteAnswer(onRow: row.question.row - 1) {
                    // The earlier answer put an item's answer there, which no longer answers the question.
                    filled[row.question.row - 1, default: [:]][answerColumn] = ""
                }
            }
            for (offset, value) in values.enumerated() where !value.isEmpty { filled[row.question.row - 1, default: [:]][width + offset] = value }
        }
        return filled
    }

    /// Whether an earlier answer of this file filled the customer's answer cell of a row: its status column says it
    /// answered the question or offered an item for review.
    func wroteAnswer(onRow index: Int) -> Bool {
        guard let earlier = questionnaire.answeredColumns, index < questionnaire.rows.count else { return false }
        let status = questionnaire.rows[index][earlier.lowerBound].trimmed
        return status == QuestionAnswer.Status.answered.rawValue || status == QuestionAnswer.Status.review.rawValue
            || Language.allCases.contains { status.hasPrefix(Self.reviewPrefix($0)) }
    }

    /// Every row of the questionnaire, as it was, with `filledCells` written in; a header row is put on top when the
    /// file had none, so that a CSV names what was added.
    public var table: [[String]] {
        let width = addedStart + addedHeaders.count
        var table = questionnaire.rows.map { row in
            let kept = questionnaire.answeredColumns == nil ? row : Array(row.prefix(addedStart))
            return kept + Array(repeating: "", count: max(width - kept.count, 0))
        }
        // An earlier answer's columns past the new ones are gone from the table already.
        for (row, cells) in filledCells { for (column, text) in cells where column < width { table[row][column] = text } }
        if !questionnaire.hasHeader {
            var header = Array(repeating: "", count: questionnaire.width)
            header[questionnaire.column] = language == .ja ? "質問" : "Question"
            if let answerColumn = questionnaire.answerColumn { header[answerColumn] = addedNames[Self.answerIndex].plain }
            table.insert(header + addedHeaders, at: 0)
        }
        return table.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
    }

    /// CSV for Excel: UTF-8 with a byte order mark, CRLF between rows; a line break inside a cell as the customer's
    /// file had it (Excel's own CSV has LF there).
    public func csv() -> Data { CSV.data(table, keepingLineBreaks: true) }

    /// `[{"row", "question", "status", "matches": [{"slug", "no", "title", "answer", "url", "score"}…]}]`, best match first.
    public func json() -> Data {
        let objects: [[String: Any]] = rows.map { row in
            let matches: [[String: Any]] = row.answer.matches.compactMap { match in
                guard let item = revision.item(match.slug, language) else { return nil }
                return ["slug": match.slug, "no": match.no, "title": item.item, "answer": item.plainAnswer,
                        "url": url(match.slug), "score": (match.score * 10000).rounded() / 10000]
            }
            return ["row": row.question.row, "question": row.question.text, "status": row.answer.status.rawValue, "matches": matches]
        }
        return (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("[]".utf8)
    }
}
