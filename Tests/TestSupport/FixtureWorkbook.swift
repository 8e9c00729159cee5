import Foundation
import ZIPFoundation

/// An XLSX package made from a fixture folder of its parts, kept as text so that a reader of the tests sees what the
/// customer's workbook holds.
public enum FixtureWorkbook {
    /// The folder's files zipped as a workbook: `[Content_Types].xml` first as Excel writes it, the rest by path,
    /// each deflated and dated 2025-01-01, so that the same folder gives the same bytes.
    public static func package(_ folder: String) throws -> Data { try package(parts: FileTree.read(folder)) }

    /// A workbook of plain sheets, each a tab's name and its rows of text (inline strings, an empty text no cell), in
    /// tab order: the layouts of customers' workbooks written out where a test reads them.
    public static func package(sheets: [(name: String, rows: [[String]])]) throws -> Data {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func column(_ index: Int) -> String { index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : column(index / 26 - 1) + column(index % 26) }
        var parts: [String: Data] = [
            "[Content_Types].xml": Data((header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#).utf8),
            "xl/workbook.xml": Data((header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + sheets.enumerated().map { #"<sheet name="\#(escaped($0.element.name))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
                + "</sheets></workbook>").utf8),
            "xl/_rels/workbook.xml.rels": Data((header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
                + "</Relationships>").utf8),
        ]
        for (index, sheet) in sheets.enumerated() {
            let rows = sheet.rows.enumerated().map { row in
                #"<row r="\#(row.offset + 1)">"# + row.element.enumerated().filter { !$0.element.isEmpty }.map { cell in
                    #"<c r="\#(column(cell.offset))\#(row.offset + 1)" t="inlineStr"><is><t>\#(escaped(cell.element))</t></is></c>"#
                }.joined() + "</row>"
            }.joined()
            parts["xl/worksheets/sheet\(index + 1).xml"] = Data((header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
                + rows + "</sheetData></worksheet>").utf8)
        }
        return try package(parts: parts)
    }

    /// Parts zipped as a workbook, `[Content_Types].xml` first, the rest by path.
    static func package(parts: [String: Data]) throws -> Data {
        let paths = parts.keys.sorted { ($0 == "[Content_Types].xml" ? 0 : 1, $0) < ($1 == "[Content_Types].xml" ? 0 : 1, $1) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in paths {
            let data = parts[path]!
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_735_689_600),
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                 })
        }
        guard let package = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return package
    }

    /// Every part of a package and its bytes, by path, in the package's order.
    public static func parts(_ package: Data) throws -> [(path: String, contents: Data)] {
        let archive = try Archive(data: package, accessMode: .read)
        return try archive.map { entry in
            var contents = Data()
            _ = try archive.extract(entry, skipCRC32: false) { contents.append($0) }
            return (entry.path, contents)
        }
    }
}
