import CCmark
import Foundation

extension Markdown {
    /// Markdown an answer or notes may hold that the pages do not show as its writer meant: a GFM pipe table (cmark
    /// has no tables, so it stays a paragraph of pipes) or a heading of level 1 or 2 (the item page's own levels).
    public struct Unsupported: Sendable, Equatable {
        /// What was found.
        public enum Kind: Sendable, Equatable {
            /// A pipe table: a header row, then a delimiter row such as `|---|---|`.
            case table
            /// A heading of this level (`#` or a `===` underline is 1, `##` or a `---` underline is 2).
            case heading(level: Int)
        }

        public var kind: Kind
        /// The table's header row, or the heading's text, as written (trimmed).
        public var text: String
        /// 1-based line in the Markdown: the header row's, or the heading's first.
        public var line: Int
        /// 1-based column in the line, in Unicode scalars: where the header row's or the heading's text starts.
        public var column = 1
    }

    /// Every pipe table and every heading of level 1 or 2 in `markdown`, in order. Tables are looked for in cmark's
    /// paragraphs only, so that pipes in a code block are not taken for one.
    public static func unsupported(_ markdown: String) -> [Unsupported] {
        // Most answers have neither: no `|` and no line that can start or underline a heading.
        // One pass over the bytes: every build asks this of every page of every revision.
        guard mayHoldTableOrHeading(markdown) else { return [] }
        var source = markdown
        return source.withUTF8 { buffer -> [Unsupported] in
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return [] }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return [] }
            defer { cmark_iter_free(iterator) }
            let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            func line(_ number: Int32) -> Substring { lines.indices.contains(Int(number) - 1) ? lines[Int(number) - 1] : "" }
            var found: [Unsupported] = []
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                let start = cmark_node_get_start_line(node)
                if type == CMARK_NODE_HEADING {
                    let level = Int(cmark_node_get_heading_level(node))
                    guard level <= 2 else { continue }
                    // cmark's column counts bytes; a heading in a list item or a quote starts after their markers.
                    let written = line(start)
                    let before = written.utf8.prefix(max(Int(cmark_node_get_start_column(node)) - 1, 0))
                    let text = String(decoding: written.utf8.dropFirst(before.count), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    found.append(Unsupported(kind: .heading(level: level), text: text, line: Int(start),
                                             column: String(decoding: before, as: UTF8.self).unicodeScalars.count + 1))
                } else if type == CMARK_NODE_PARAGRAPH {
                    let end = cmark_node_get_end_line(node)
                    guard end > start else { continue }
                    for number in start..<end where tableCells(blockText(line(number + 1)), delimiterRow: true) != nil {
                        let header = blockText(line(number))
                        if let cells = tableCells(header, delimiterRow: false), cells == tableCells(blockText(line(number + 1)), delimiterRow: true) {
                            let indent = line(number).unicodeScalars.prefix { $0 == " " || $0 == "\t" || $0 == ">" }.count
                            found.append(Unsupported(kind: .table, text: header, line: Int(number), column: indent + 1))
                        }
                    }
                }
            }
            return found
        }
    }

    /// A line without what its containers put before it (blanks, `>` of a block quote) and without trailing blanks.
    static func blockText(_ line: Substring) -> String {
        String(line.drop { $0 == " " || $0 == "\t" || $0 == ">" }).trimmingCharacters(in: .whitespaces)
    }

    /// The number of cells of a table row as GFM reads one (pipes not escaped with `\` separate cells; a leading and a
    /// trailing pipe are optional), or nil when the line is no table row: it has no pipe, or, as a delimiter row, a
    /// cell other than dashes with optional colons (`:---:`).
    static func tableCells(_ line: String, delimiterRow: Bool) -> Int? {
        guard line.holdsBytes("|") else { return nil }
        var cells: [String] = [""]
        var escaped = false
        for character in line {
            if character == "|" && !escaped { cells.append("") } else { cells[cells.count - 1].append(character) }
            escaped = character == "\\" && !escaped
        }
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|") && !line.hasSuffix("\\|") && !cells.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return nil }
        if delimiterRow {
            guard cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).wholeMatch(of: /:?-+:?/) != nil }) else { return nil }
        }
        return cells.count
    }

    /// Whether `markdown` has a `|`, a `#`, or a line starting with `=` or `-` after any spaces (a heading's underline), without which it
    /// holds no pipe table and no heading.
    static func mayHoldTableOrHeading(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var afterNewline = false
            for byte in bytes {
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "#") { return true }
                if afterNewline, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-") { return true }
                // An underline may be indented by a few spaces.
                afterNewline = byte == UInt8(ascii: "\n") || afterNewline && byte == UInt8(ascii: " ")
            }
            return false
        }
    }
}
