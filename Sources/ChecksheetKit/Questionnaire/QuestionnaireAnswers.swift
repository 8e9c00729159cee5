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
        guard let revision = sheet.current else { return nil }
        let engine = SearchEngine(index: SearchIndex.build(revision, language: language, synonyms: sheet.synonyms))
        let rows = questionnaire.questions.map { Row(question: $0, answer: engine.answer($0.text)) }
        return QuestionnaireAnswers(questionnaire: questionnaire, rows: rows, revision: revision, language: language,
                                    baseURL: baseURL ?? sheet.configuration.baseURL)
    }

    /// The columns added beside the question.
    public var addedHeaders: [String] {
        language == .ja ? ["ステータス", "No.", "サービスレベル項目", "回答", "版", "URL", "確度"]
                        : ["Status", "No.", "Item", "Answer", "Revision", "URL", "Confidence"]
    }

    /// The item's permanent URL.
    public func url(_ slug: String) -> String { SitePath.url(SitePath.item(slug, language), base: baseURL) }

    /// The answer cells of a row: status, then the top item's No., name, answer, revision date, URL and coverage
    /// (left blank when the sheet does not cover the question).
    func cells(_ row: Row) -> [String] {
        guard row.answer.status != .none, let top = row.answer.matches.first, let item = revision.item(top.slug, language) else {
            return [row.answer.status.rawValue, "", "", "", "", "", ""]
        }
        return [row.answer.status.rawValue, String(item.no), item.item, item.plainAnswer, revision.date, url(item.slug),
                "\(Int((top.coverage * 100).rounded()))%"]
    }

    /// Every row of the questionnaire with the answer columns beside it; a header row is added when the file had none.
    public var table: [[String]] {
        let answered = Dictionary(rows.map { ($0.question.row, $0) }, uniquingKeysWith: { a, _ in a })
        var table: [[String]] = []
        if !questionnaire.hasHeader {
            var header = Array(repeating: "", count: questionnaire.rows.first?.count ?? 1)
            header[questionnaire.column] = language == .ja ? "質問" : "Question"
            table.append(header + addedHeaders)
        }
        for (index, cells) in questionnaire.rows.enumerated() {
            if index == 0 && questionnaire.hasHeader {
                table.append(cells + addedHeaders)
            } else if let row = answered[index + 1] {
                table.append(cells + self.cells(row))
            } else {
                table.append(cells + Array(repeating: "", count: addedHeaders.count))
            }
        }
        return table
    }

    /// CSV for Excel: UTF-8 with a byte order mark, CRLF.
    public func csv() -> Data { CSV.data(table) }

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

    /// An XLSX workbook of `table`: one sheet, inline strings, entries dated by the revision so the bytes repeat.
    public func xlsx() throws -> Data {
        var rowsXML = ""
        for (rowIndex, cells) in table.enumerated() {
            rowsXML += #"<row r="\#(rowIndex + 1)">"#
            for (column, value) in cells.enumerated() where !value.isEmpty {
                let reference = SheetTable.columnName(column) + String(rowIndex + 1)
                rowsXML += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(SheetTable.xmlEscaped(value))</t></is></c>"#
            }
            rowsXML += "</row>"
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let parts = [
            ("[Content_Types].xml", header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
            ("_rels/.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Questionnaire" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(rowsXML)</sheetData></worksheet>"#),
        ]
        return try ZIPArchiving.archive(parts.map { (path: $0.0, text: $0.1) }, date: SheetTable.entryDate(revision.date))
    }
}
