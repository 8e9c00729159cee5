import Foundation
import ZIPFoundation

extension SheetTable {
    /// An Office Open XML workbook: one sheet, the header row frozen, column widths, wrapped text.
    /// Strings are inline, so the file holds nothing but the sheet; entries are dated by the revision,
    /// so the same sheet gives the same bytes.
    public func xlsx() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Self.entryDate(date)
        for (path, text) in workbookParts() {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                 })
        }
        return archive.data ?? Data()
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

    func workbookParts() -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let columnsXML = Self.columns.enumerated().map { index, field in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(Self.widths[field] ?? 20)" customWidth="1"/>"#
        }.joined()
        var rowsXML = ""
        for (rowIndex, cells) in ([headers] + rows).enumerated() {
            let number = rowIndex + 1
            rowsXML += #"<row r="\#(number)">"#
            for (column, value) in cells.enumerated() {
                let reference = Self.columnName(column) + String(number)
                let style = rowIndex == 0 ? 2 : 1
                if rowIndex > 0, Self.columns[column] == .no, let integer = Int(value) {
                    rowsXML += #"<c r="\#(reference)" s="\#(style)"><v>\#(integer)</v></c>"#
                } else {
                    rowsXML += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(Self.xmlEscaped(value))</t></is></c>"#
                }
            }
            rowsXML += "</row>"
        }
        let lastCell = Self.columnName(Self.columns.count - 1) + String(rows.count + 1)
        let sheetName = Self.xmlEscaped(String(((language == .ja ? "チェックシート " : "Check sheet ") + date).prefix(31)))
        return [
            ("[Content_Types].xml", header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#),
            ("_rels/.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", header + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font><font><b/><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:\#(lastCell)"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>\#(columnsXML)</cols><sheetData>\#(rowsXML)</sheetData><autoFilter ref="A1:\#(lastCell)"/></worksheet>"#),
        ]
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
