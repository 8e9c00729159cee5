import Foundation

/// A worksheet's SpreadsheetML with some cells' text set and every other byte kept.
///
/// A customer hands back their own form: its rows, merged ranges, styles, formulas, numbers and shared strings must
/// stay as they were. So the sheet is not parsed into a model and written anew; its tags are located and only the
/// cells being filled are replaced or inserted, as inline strings (`t="inlineStr"`) so that `sharedStrings.xml` needs
/// no change. A replaced cell keeps its style (`s`); the row's `spans` and the sheet's `<dimension>` are widened to
/// the new cells, since Excel reads them as the extent of the data. Columns added right of the table look like the
/// table's last column: their header cells take its header cell's style and the columns its width, and an autoFilter
/// that ends at it is widened over them.
enum FilledWorksheet {
    /// The columns added right of the table (0-based) and the header row that names them (1-based).
    struct AddedColumns: Equatable {
        var headerRow: Int
        var columns: Range<Int>
    }

    /// A worksheet that cannot be filled in.
    enum Problem: Error, Equatable {
        case unreadable(String)
    }

    /// A tag of the sheet: where it stands in the bytes, its local name and its attributes as written.
    struct Tag {
        var range: Range<Int>
        var name: String
        var prefix: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: [(name: String, value: String)]

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// A `<c>` element: its bytes, from `<c` to the end of `</c>` or `/>`.
    private struct Cell {
        var range: Range<Int>
        var column: Int
        var tag: Tag
    }

    /// A `<row>` element and its cells; `end` is where `</row>` starts, nil when the row is `<row …/>`.
    private struct Row {
        var number: Int
        var tag: Tag
        var cells: [Cell] = []
        var end: Int?
    }

    /// The sheet with `cells` (1-based row → 0-based column → text) set; an empty text empties the cell, keeping its
    /// style, and puts no cell where there was none. `restyling` gives a written cell (1-based row, 0-based column,
    /// its style index, 0 when it has none) another style index, or nil to keep its own.
    static func filling(_ sheet: Data, with cells: [Int: [Int: String]], added: AddedColumns? = nil,
                        restyling: (_ row: Int, _ column: Int, _ style: Int) -> Int? = { _, _, _ in nil }) throws -> Data {
        let bytes = [UInt8](sheet)
        let tags = try Self.tags(bytes)
        guard let root = tags.first(where: { !$0.isClosing }), root.name == "worksheet" else { throw Problem.unreadable("no <worksheet> element") }
        let prefix = root.prefix

        var rows: [Int: Row] = [:]
        var rowOrder: [Int] = []
        var dimension: Tag?
        var autoFilter: Tag?
        var colsEnd: Int?
        var sheetDataEnd: Int?
        var row: Row?
        var cellStart: (tag: Tag, column: Int)?
        var nextRow = 1
        var nextColumn = 0
        for tag in tags {
            switch (tag.name, tag.isClosing) {
            case ("dimension", false):
                dimension = tag
            case ("sheetData", true):
                sheetDataEnd = tag.range.lowerBound
            case ("autoFilter", false):
                autoFilter = tag
            case ("cols", true):
                colsEnd = tag.range.lowerBound
            case ("row", false):
                let number = tag.attribute("r").flatMap(Int.init) ?? nextRow
                nextRow = number + 1
                nextColumn = 0
                row = Row(number: number, tag: tag)
                if tag.isSelfClosing, let done = row {
                    rows[number] = done
                    rowOrder.append(number)
                    row = nil
                }
            case ("row", true):
                guard var done = row else { throw Problem.unreadable("a </row> without its <row>") }
                done.end = tag.range.lowerBound
                rows[done.number] = done
                rowOrder.append(done.number)
                row = nil
            case ("c", false):
                let column = tag.attribute("r").flatMap(WorkbookXML.reference)?.column ?? nextColumn
                nextColumn = column + 1
                if tag.isSelfClosing {
                    row?.cells.append(Cell(range: tag.range, column: column, tag: tag))
                } else {
                    cellStart = (tag, column)
                }
            case ("c", true):
                guard let start = cellStart else { throw Problem.unreadable("a </c> without its <c>") }
                row?.cells.append(Cell(range: start.tag.range.lowerBound..<tag.range.upperBound, column: start.column, tag: start.tag))
                cellStart = nil
            default:
                break
            }
        }

        var edits: [(range: Range<Int>, text: String)] = []
        // The header cell left of the added columns, whose look their header cells take.
        let headerStyle = added.flatMap { added in rows[added.headerRow]?.cells.first { $0.column == added.columns.lowerBound - 1 }?.tag.attribute("s") }
        func cellXML(_ column: Int, _ row: Int, _ text: String, keeping original: Tag?) -> String {
            let reference = SheetTable.columnName(column) + String(row)
            // The style stays, unless restyled; the value's type and metadata go with the value.
            var attributes = (original?.attributes ?? []).filter { !["r", "t", "cm", "vm"].contains($0.name) }
            if original == nil, let added, let headerStyle, row == added.headerRow, added.columns.contains(column) { attributes = [("s", headerStyle)] }
            let style = attributes.first { $0.name == "s" }.flatMap { Int($0.value) } ?? 0
            if let restyled = restyling(row, column, style), restyled != style {
                if let index = attributes.firstIndex(where: { $0.name == "s" }) { attributes[index].value = String(restyled) } else { attributes.insert(("s", String(restyled)), at: 0) }
            }
            let kept = attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
            if text.isEmpty { return "<\(prefix)c r=\"\(reference)\"\(kept)/>" }
            return "<\(prefix)c r=\"\(reference)\"\(kept) t=\"inlineStr\"><\(prefix)is><\(prefix)t xml:space=\"preserve\">"
                + SheetTable.xmlEscaped(text) + "</\(prefix)t></\(prefix)is></\(prefix)c>"
        }
        for number in cells.keys.sorted() {
            // Emptying a cell that is not there is nothing to do.
            let present = Set(rows[number]?.cells.map(\.column) ?? [])
            let values = cells[number]!.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty || present.contains($0.key) }
            if values.isEmpty { continue }
            guard let existing = rows[number] else {
                let cellsXML = values.map { cellXML($0.key, number, $0.value, keeping: nil) }.joined()
                let rowXML = "<\(prefix)row r=\"\(number)\">\(cellsXML)</\(prefix)row>"
                let before = rowOrder.filter { $0 > number }.min().map { rows[$0]!.tag.range.lowerBound }
                guard let place = before ?? sheetDataEnd else { throw Problem.unreadable("no <sheetData> to hold row \(number)") }
                edits.append((place..<place, rowXML))
                continue
            }
            let startTag = spanning(existing.tag, bytes, columns: values.map(\.key))
            guard let end = existing.end else {
                // `<row r="4"/>`: opened, given its cells and closed.
                let open = String(startTag.dropLast(2)).trimmingTrailingSpaces + ">"
                edits.append((existing.tag.range, open + values.map { cellXML($0.key, number, $0.value, keeping: nil) }.joined() + "</\(prefix)row>"))
                continue
            }
            if startTag != String(decoding: bytes[existing.tag.range], as: UTF8.self) { edits.append((existing.tag.range, startTag)) }
            for (column, text) in values {
                if let cell = existing.cells.first(where: { $0.column == column }) {
                    edits.append((cell.range, cellXML(column, number, text, keeping: cell.tag)))
                } else {
                    let place = existing.cells.first { $0.column > column }?.range.lowerBound ?? end
                    edits.append((place..<place, cellXML(column, number, text, keeping: nil)))
                }
            }
        }
        if let dimension, let widened = widened(dimension, bytes, cells: cells) { edits.append((dimension.range, widened)) }
        if let added {
            // Before the hidden columns' edits below, so that an insertion at a <col> goes in ahead of its rewrite.
            edits += addedWidths(added, tags: tags, colsEnd: colsEnd)
            if let autoFilter, let filter = widenedFilter(autoFilter, bytes, added: added) { edits.append((autoFilter.range, filter)) }
        }
        // Many forms hide every column right of the form: the columns answers go into are shown, or they would say nothing.
        let written = Set(cells.values.flatMap { $0.filter { !$0.value.isEmpty }.keys }.map { $0 + 1 })
        for tag in tags where tag.name == "col" && tag.isSelfClosing {
            guard let hidden = tag.attribute("hidden"), hidden == "1" || hidden == "true",
                  let low = tag.attribute("min").flatMap(Int.init), let high = tag.attribute("max").flatMap(Int.init), low <= high else { continue }
            let shown = written.filter { (low...high).contains($0) }.sorted()
            if shown.isEmpty { continue }
            var parts: [(range: ClosedRange<Int>, hidden: Bool)] = []
            var next = low
            for column in shown {
                if column > next { parts.append((next...(column - 1), true)) }
                if let last = parts.last, !last.hidden, last.range.upperBound == column - 1 {
                    parts[parts.count - 1].range = last.range.lowerBound...column
                } else {
                    parts.append((column...column, false))
                }
                next = column + 1
            }
            if next <= high { parts.append((next...high, true)) }
            let xml = parts.map { part -> String in
                let attributes = tag.attributes.compactMap { attribute -> String? in
                    switch attribute.name {
                    case "min": return " min=\"\(part.range.lowerBound)\""
                    case "max": return " max=\"\(part.range.upperBound)\""
                    case "hidden": return part.hidden ? " hidden=\"\(attribute.value)\"" : nil
                    default: return " \(attribute.name)=\"\(attribute.value)\""
                    }
                }
                return "<\(tag.prefix)col\(attributes.joined())/>"
            }.joined()
            edits.append((tag.range, xml))
        }

        var output = [UInt8]()
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
        var position = 0
        // Insertions at one place keep the order they were made in, which is column order.
        for edit in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }).map(\.element) {
            output += bytes[position..<edit.range.lowerBound]
            output += Array(edit.text.utf8)
            position = edit.range.upperBound
        }
        output += bytes[position...]
        return Data(output)
    }

    /// `<col>` elements giving the added columns that no `<col>` covers the width of the table's last column, when the
    /// sheet sets that column's width; inserted in column order.
    private static func addedWidths(_ added: AddedColumns, tags: [Tag], colsEnd: Int?) -> [(range: Range<Int>, text: String)] {
        // 1-based, as `<col min max>` counts.
        let cols = tags.filter { $0.name == "col" && !$0.isClosing }.compactMap { tag -> (tag: Tag, columns: ClosedRange<Int>)? in
            guard let low = tag.attribute("min").flatMap(Int.init), let high = tag.attribute("max").flatMap(Int.init), low <= high else { return nil }
            return (tag, low...high)
        }
        guard let colsEnd, let neighbour = cols.first(where: { $0.columns.contains(added.columns.lowerBound) }),
              let width = neighbour.tag.attribute("width"), !added.columns.isEmpty else { return [] }
        let uncovered = (added.columns.lowerBound + 1...added.columns.upperBound).filter { column in !cols.contains { $0.columns.contains(column) } }
        var groups: [ClosedRange<Int>] = []
        for column in uncovered {
            if let last = groups.last, last.upperBound == column - 1 {
                groups[groups.count - 1] = last.lowerBound...column
            } else {
                groups.append(column...column)
            }
        }
        return groups.map { group in
            let place = cols.filter { $0.columns.lowerBound > group.upperBound }.map(\.tag.range.lowerBound).min() ?? colsEnd
            let xml = "<\(neighbour.tag.prefix)col min=\"\(group.lowerBound)\" max=\"\(group.upperBound)\" width=\"\(width)\" customWidth=\"1\"/>"
            return (place..<place, xml)
        }
    }

    /// `<autoFilter ref="A3:F45">` widened over the added columns when it ends at the table's last column, or nil.
    private static func widenedFilter(_ tag: Tag, _ bytes: [UInt8], added: AddedColumns) -> String? {
        guard let ref = tag.attribute("ref"), !added.columns.isEmpty else { return nil }
        let ends = ref.split(separator: ":").map(String.init)
        guard ends.count == 2, let last = WorkbookXML.reference(ends[1]), last.column == added.columns.lowerBound - 1 else { return nil }
        let widened = ends[0] + ":" + SheetTable.columnName(added.columns.upperBound - 1) + String(last.row)
        return String(decoding: bytes[tag.range], as: UTF8.self).replacingOccurrences(of: "\"\(ref)\"", with: "\"\(widened)\"")
            .replacingOccurrences(of: "'\(ref)'", with: "'\(widened)'")
    }

    /// The row's start tag as written, its `spans` (1-based first:last column) widened to hold `columns`.
    private static func spanning(_ tag: Tag, _ bytes: [UInt8], columns: [Int]) -> String {
        let text = String(decoding: bytes[tag.range], as: UTF8.self)
        guard let spans = tag.attribute("spans"), let low = columns.min(), let high = columns.max() else { return text }
        let bounds = spans.split(whereSeparator: { $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard let first = bounds.first, let last = bounds.last else { return text }
        let widened = "\(min(first, low + 1)):\(max(last, high + 1))"
        return widened == spans ? text : text.replacingOccurrences(of: "spans=\"\(spans)\"", with: "spans=\"\(widened)\"")
            .replacingOccurrences(of: "spans='\(spans)'", with: "spans='\(widened)'")
    }

    /// `<dimension ref="A1:D20"/>` widened to the filled cells, or nil when it already holds them.
    private static func widened(_ tag: Tag, _ bytes: [UInt8], cells: [Int: [Int: String]]) -> String? {
        guard let ref = tag.attribute("ref") else { return nil }
        let ends = ref.split(separator: ":").map(String.init)
        guard ends.first.flatMap(WorkbookXML.reference) != nil, let last = ends.last.flatMap(WorkbookXML.reference) else { return nil }
        let row = max(last.row, cells.keys.max() ?? 0)
        let column = max(last.column, cells.values.flatMap(\.keys).max() ?? 0)
        guard row != last.row || column != last.column else { return nil }
        let widened = ends[0] + ":" + SheetTable.columnName(column) + String(row)
        return String(decoding: bytes[tag.range], as: UTF8.self).replacingOccurrences(of: "\"\(ref)\"", with: "\"\(widened)\"")
    }

    /// Every tag of the document in order; comments, processing instructions, CDATA and declarations passed over.
    static func tags(_ bytes: [UInt8]) throws -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        func skip(to terminator: String, from start: Int) throws -> Int {
            let marker = Array(terminator.utf8)
            var position = start
            while position + marker.count <= bytes.count {
                if bytes[position] == marker[0] && Array(bytes[position..<position + marker.count]) == marker { return position + marker.count }
                position += 1
            }
            throw Problem.unreadable("unterminated markup")
        }
        func starts(_ text: String, at position: Int) -> Bool {
            let marker = Array(text.utf8)
            return position + marker.count <= bytes.count && Array(bytes[position..<position + marker.count]) == marker
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts("<?", at: index) { index = try skip(to: "?>", from: index); continue }
            if starts("<!--", at: index) { index = try skip(to: "-->", from: index); continue }
            if starts("<![CDATA[", at: index) { index = try skip(to: "]]>", from: index); continue }
            if starts("<!", at: index) { index = try skip(to: ">", from: index); continue }
            // `>` may stand inside a quoted attribute value.
            var end = index + 1
            var quote: UInt8?
            while end < bytes.count {
                let byte = bytes[end]
                if let open = quote { if byte == open { quote = nil } } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte } else if byte == UInt8(ascii: ">") { break }
                end += 1
            }
            guard end < bytes.count else { throw Problem.unreadable("unterminated tag") }
            let text = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            tags.append(tag(text, range: index..<(end + 1)))
            index = end + 1
        }
        return tags
    }

    /// A tag from the text between `<` and `>`.
    private static func tag(_ text: String, range: Range<Int>) -> Tag {
        let isClosing = text.hasPrefix("/")
        let isSelfClosing = text.hasSuffix("/")
        var body = Substring(text)
        if isClosing { body = body.dropFirst() }
        if isSelfClosing { body = body.dropLast() }
        let qualified = body.prefix { !$0.isWhitespace }
        let colon = qualified.firstIndex(of: ":")
        let name = colon.map { String(qualified[qualified.index(after: $0)...]) } ?? String(qualified)
        let prefix = colon.map { String(qualified[...$0]) } ?? ""
        var attributes: [(name: String, value: String)] = []
        var rest = body.dropFirst(qualified.count)
        while let equals = rest.firstIndex(of: "=") {
            let attributeName = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            var after = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            attributes.append((attributeName, String(after[..<close])))
            rest = after[after.index(after: close)...]
        }
        return Tag(range: range, name: name, prefix: prefix, isClosing: isClosing, isSelfClosing: isSelfClosing, attributes: attributes)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
