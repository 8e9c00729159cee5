import Foundation
import ZIPFoundation

extension QuestionnaireAnswers {
    /// An XLSX workbook of the answers.
    ///
    /// A questionnaire read from a workbook comes back as that workbook, with `filledCells` written into its sheet and
    /// every other part, sheet, row, merge, style and value kept. One read from text becomes a new workbook of `table`.
    public func xlsx() throws -> Data {
        if let workbook = questionnaire.workbook { return try filled(workbook) }
        return try newWorkbook()
    }

    /// The customer's workbook with the answers in: its parts copied in their order, compressed as they were and
    /// with their dates, the questions' sheet alone rewritten (see `FilledWorksheet`), and the styles given the mark
    /// of the answers to review (see `ReviewMark`) when there are any.
    func filled(_ workbook: Questionnaire.Workbook) throws -> Data {
        let original = try Archive(data: workbook.package, accessMode: .read)
        let cells = Dictionary(uniqueKeysWithValues: filledCells.map { ($0.key + 1, $0.value) })
        let stylesPath = try Self.stylesPath(of: original)
        var mark = try stylesPath.flatMap { try Questionnaire.part($0, of: original) }.flatMap(ReviewMark.init(styles:))
        let sheet = try Questionnaire.part(workbook.sheetPath, of: original) ?? Data()
        let (column, review, questionRows) = (writtenAnswerColumn, reviewRows, Set(rows.map { $0.question.row - 1 }))
        let added = questionnaire.headerRow.map { FilledWorksheet.AddedColumns(headerRow: $0 + 1, columns: addedStart..<(addedStart + addedHeaders.count)) }
        let filledSheet = try FilledWorksheet.filling(sheet, with: cells, added: added) { row, written, style in
            guard written == column, questionRows.contains(row - 1) else { return nil }
            return review.contains(row - 1) ? mark?.marked(style) : mark?.unmarked(style)
        }
        var parts: [ZIPArchiving.Part] = []
        for entry in original {
            var contents = Data()
            if entry.type == .file { _ = try original.extract(entry, skipCRC32: true) { contents.append($0) } }
            let rewritten = entry.path == workbook.sheetPath || (entry.path == stylesPath && mark.map { $0.styles != contents } == true)
            if entry.path == workbook.sheetPath { contents = filledSheet } else if rewritten, let mark { contents = mark.styles }
            parts.append(ZIPArchiving.Part(path: entry.path, contents: contents, isDirectory: entry.type == .directory,
                                           isCompressed: entry.isCompressed || rewritten,
                                           date: entry.fileAttributes[.modificationDate] as? Date ?? SheetTable.entryDate(revision.date)))
        }
        return try ZIPArchiving.archive(parts)
    }

    /// The styles part, as the workbook's relationships name it (`xl/styles.xml`), or nil when it has none.
    static func stylesPath(of archive: Archive) throws -> String? {
        let relations = try Questionnaire.part("xl/_rels/workbook.xml.rels", of: archive).map { WorkbookXML.elements(named: "Relationship", in: $0) } ?? []
        guard let target = relations.first(where: { $0["Type"]?.hasSuffix("/styles") == true })?["Target"] else {
            return archive["xl/styles.xml"] != nil ? "xl/styles.xml" : nil
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// A workbook of `table`: one sheet, inline strings, entries dated by the revision so the bytes repeat.
    func newWorkbook() throws -> Data {
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
