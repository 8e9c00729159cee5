import CCmark

extension Markdown {
    /// HTML written in Markdown, which the site's safe rendering leaves out of the page, and where it starts.
    public struct RawHTML: Sendable, Equatable {
        /// The HTML as written; of a block, its first line.
        public var html: String
        /// 1-based line in the Markdown.
        public var line: Int
        /// 1-based column in the line, in Unicode scalars.
        public var column: Int

        /// True for a comment (`<!-- … -->`).
        public var isComment: Bool { html.hasPrefix("<!--") }
        /// True for a closing tag (`</b>`).
        public var isClosingTag: Bool { html.hasPrefix("</") }
    }

    /// Every piece of raw HTML in `markdown`, in order: cmark's HTML_BLOCK and HTML_INLINE nodes, so that HTML in a
    /// code span, escaped (`\<b>`) or an autolink (`<https://…>`) is not counted.
    public static func rawHTML(_ markdown: String) -> [RawHTML] {
        var source = markdown
        return source.withUTF8 { buffer -> [RawHTML] in
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return [] }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return [] }
            defer { cmark_iter_free(iterator) }
            let bytes = Array(buffer)
            var lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
            var found: [RawHTML] = []
            var after = -1
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node) else { continue }
                let html = String(cString: literal).split(separator: "\n", maxSplits: 1).first.map { $0.trimmingBlanks } ?? ""
                guard !html.isEmpty else { continue }
                // cmark 0.30's positions of inline nodes are near, not exact: a backslash line break does not count as
                // a new line, and the blanks it strips from a line or a lazy `>` it assumes shift the column. The HTML
                // itself is in the source: its occurrence nearest to where cmark puts it, after the one found before.
                let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
                let reported = lineStarts[min(max(line, 1), lineStarts.count) - 1] + max(column, 1) - 1
                let needle = Array(html.utf8)
                var best: Int?
                var start = after + 1
                while start + needle.count <= bytes.count {
                    guard let offset = firstOffset(of: needle, in: bytes, from: start) else { break }
                    if let current = best, abs(offset - reported) >= abs(current - reported) { break }
                    best = offset
                    start = offset + 1
                }
                let offset = best ?? min(reported, bytes.count)
                after = offset
                let lineIndex = (lineStarts.lastIndex { $0 <= offset } ?? 0)
                let scalarColumn = String(decoding: bytes[lineStarts[lineIndex]..<offset], as: UTF8.self).unicodeScalars.count + 1
                found.append(RawHTML(html: html, line: lineIndex + 1, column: scalarColumn))
            }
            return found
        }
    }

    /// The first place at or after `start` where `needle` occurs in `bytes`.
    private static func firstOffset(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
        var offset = start
        while offset + needle.count <= bytes.count {
            if bytes[offset] == first, bytes[offset..<offset + needle.count].elementsEqual(needle) { return offset }
            offset += 1
        }
        return nil
    }
}

private extension Substring {
    /// Without the spaces and tabs around it: an HTML block keeps its line's indent.
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
