import Foundation

extension SheetTable {
    /// An Office Open XML workbook of this table alone; see `xlsx(_:)`.
    public func xlsx() throws -> Data { try Self.xlsx([self]) }

    /// An Office Open XML workbook, a sheet per table (the languages of one revision): the header row frozen,
    /// column widths, wrapped text, the title and provider in the document's properties. Strings are inline, so
    /// the file holds nothing but the sheets; entries are dated by the revision, so the same sheet gives the same bytes.
    public static func xlsx(_ tables: [SheetTable]) throws -> Data {
        try ZIPArchiving.archive(workbookParts(tables).map { (path: $0.0, text: $0.1) }, date: Self.entryDate(tables.first?.date ?? ""))
    }

    /// Midnight UTC of the revision's day: ZIPFoundation turns the date into the ZIP's date-time fields with
    /// `gmtime`, so a date made in UTC gives the same bytes under any `TZ` and locale.
    static func entryDate(_ date: String) -> Date {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts.first ?? 1980, month: parts.dropFirst().first ?? 1, day: parts.dropFirst(2).first ?? 1)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }

    static let widths: [Field: Int] = [.no: 6, .section: 18, .category: 14, .item: 30, .definition: 50, .unit: 16, .answer: 50]
    /// Widths of the columns after the fields: the revision's date and the permanent URL.
    static let trailingWidths = [12, 45]

    func workbookParts() -> [(String, String)] { Self.workbookParts([self]) }

    static func workbookParts(_ tables: [SheetTable]) -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let numbers = Array(1...max(tables.count, 1))
        let sheetTypes = numbers.map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
        let sheets = zip(numbers, tables).map { number, table in #"<sheet name="\#(table.sheetName)" sheetId="\#(number)" r:id="rId\#(number)"/>"# }.joined()
        let sheetRelations = numbers.map { #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
        let creator = tables.first?.provider.map { "<dc:creator>\(xmlEscaped($0))</dc:creator>" } ?? ""
        var parts = [
            ("[Content_Types].xml", header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\#(sheetTypes)<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#),
            ("_rels/.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#),
            ("docProps/core.xml", header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\#(xmlEscaped(tables.first?.title ?? ""))</dc:title>\#(creator)</cp:coreProperties>"#),
            ("xl/workbook.xml", header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheets)</sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(sheetRelations)<Relationship Id="rId\#(numbers.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", header + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font><font><b/><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#),
        ]
        for (number, table) in zip(numbers, tables) {
            parts.append(("xl/worksheets/sheet\(number).xml", header + table.worksheetXML()))
        }
        return parts
    }

    /// The sheet's tab name, at most 31 characters as Excel allows.
    var sheetName: String {
        Self.xmlEscaped(String(((language == .ja ? "チェックシート " : "Check sheet ") + date).prefix(31)))
    }

    /// One worksheet: the header row and a row per item.
    func worksheetXML() -> String {
        let widths = Self.columns.map { Self.widths[$0] ?? 20 } + Self.trailingWidths + (pending.isEmpty ? [] : [40])
        let columnsXML = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }.joined()
        // Computed once: each row renders the answer's Markdown.
        let rows = self.rows
        var rowsXML = ""
        rowsXML.reserveCapacity(rows.count * 2048)
        for (rowIndex, cells) in ([headers] + rows).enumerated() {
            let number = rowIndex + 1
            rowsXML += #"<row r="\#(number)">"#
            for (column, value) in cells.enumerated() {
                let reference = Self.columnName(column) + String(number)
                let style = rowIndex == 0 ? 2 : 1
                if rowIndex > 0, column == 0, let integer = Int(value) {
                    rowsXML += #"<c r="\#(reference)" s="\#(style)"><v>\#(integer)</v></c>"#
                } else {
                    rowsXML += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(Self.xmlEscaped(value))</t></is></c>"#
                }
            }
            rowsXML += "</row>"
        }
        let lastCell = Self.columnName(widths.count - 1) + String(rows.count + 1)
        return #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:\#(lastCell)"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>\#(columnsXML)</cols><sheetData>\#(rowsXML)</sheetData><autoFilter ref="A1:\#(lastCell)"/></worksheet>"#
    }

    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Text safe in XML content; control characters XML 1.0 forbids are dropped.
    static func xmlEscaped(_ text: String) -> String {
        // Most cells need nothing escaped or dropped: checked on the bytes, they are taken as they are.
        var previous: (UInt8, UInt8) = (0, 0)
        let plain = text.utf8.allSatisfy { byte in
            defer { previous = (previous.1, byte) }
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return false
            case 0x09, 0x0A, 0x0D: return true
            case 0x00..<0x20: return false
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            case 0xBE, 0xBF: return previous != (0xEF, 0xBF)
            default: return true
            }
        }
        if plain { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
