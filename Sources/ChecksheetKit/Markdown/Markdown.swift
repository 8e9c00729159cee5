import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark through libcmark with its safe defaults: raw HTML is omitted, `javascript:` and
/// `data:` links lose their target. The only place that touches CCmark.
public enum Markdown {
    /// Renders Markdown to an HTML fragment.
    /// Bare `http(s)://` URLs in text become links.
    public static func html(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer in
            // CMARK_OPT_UNSAFE is deliberately absent: content never injects HTML into the site.
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return "" }
            defer { cmark_node_free(document) }
            linkBareURLs(in: document)
            guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// A bare URL: ASCII only, so that Japanese text written straight after it (「…」、。) stays outside.
    nonisolated(unsafe) static let bareURL = /https?:\/\/[A-Za-z0-9\-._~:\/?#\[\]@!$&'()*+,;=%]+/

    /// The URL as written, without the punctuation that ends the sentence around it ("see https://x.example.").
    static func trimmedURL(_ candidate: Substring) -> Substring {
        var url = candidate
        while let last = url.last {
            if ".,:;!?'".contains(last) {
                url.removeLast()
            } else if last == ")", url.filter({ $0 == "(" }).count < url.filter({ $0 == ")" }).count {
                url.removeLast()
            } else {
                break
            }
        }
        return url
    }

    /// Splits every text node outside links and images into text and link nodes where it holds bare URLs
    /// (cmark has no autolink extension); the tree stays cmark's, so rendering still escapes everything.
    static func linkBareURLs(in document: OpaquePointer) {
        // A URL may reach cmark as several text nodes (it splits at `_`, `*`, `!`, `[`); join them first.
        cmark_consolidate_text_nodes(document)
        guard let iterator = cmark_iter_new(document) else { return }
        var textNodes: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT else { continue }
            var ancestor = cmark_node_parent(node)
            var insideLink = false
            while let current = ancestor {
                let type = cmark_node_get_type(current)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { insideLink = true; break }
                ancestor = cmark_node_parent(current)
            }
            if !insideLink { textNodes.append(node) }
        }
        cmark_iter_free(iterator)
        // The tree changes only after the walk: the iterator must not meet nodes it has not seen yet.
        for node in textNodes {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let text = String(cString: literal)
            var pieces: [(text: Substring, isURL: Bool)] = []
            var rest = text[...]
            while let match = rest.firstMatch(of: bareURL) {
                let url = trimmedURL(match.output)
                // "https://" alone, or followed only by punctuation, is text.
                guard url.split(separator: "://", maxSplits: 1).last?.isEmpty == false, url.hasSuffix("://") == false else {
                    pieces.append((rest[..<match.range.upperBound], false))
                    rest = rest[match.range.upperBound...]
                    continue
                }
                if match.range.lowerBound > rest.startIndex { pieces.append((rest[..<match.range.lowerBound], false)) }
                pieces.append((url, true))
                rest = rest[url.endIndex...]
            }
            guard pieces.contains(where: \.isURL) else { continue }
            if !rest.isEmpty { pieces.append((rest, false)) }
            for piece in pieces {
                guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(text, String(piece.text))
                if piece.isURL, let link = cmark_node_new(CMARK_NODE_LINK) {
                    cmark_node_set_url(link, String(piece.text))
                    cmark_node_append_child(link, text)
                    cmark_node_insert_before(node, link)
                } else {
                    cmark_node_insert_before(node, text)
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The text a reader sees, without markup: for search, excerpts, descriptions and downloads.
    /// Paragraphs and line breaks become newlines. What the markup itself says stays: a list item keeps its number
    /// (`2. `) or takes a bullet (`• `), indented two spaces a level when nested, and a link to a web or mail address
    /// is followed by it in brackets, unless its text is that address.
    public static func plainText(_ markdown: String) -> String {
        TextMemos.plainText.value(of: markdown, make: renderPlainText)
    }

    static func renderPlainText(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer -> String in
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return markdown }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return markdown }
            defer { cmark_iter_free(iterator) }
            var text = ""
            // Per open list: whether it is numbered, the next item's number and its delimiter.
            var lists: [(ordered: Bool, next: Int, delimiter: String)] = []
            // Per open link: where its text starts, in UTF-8 bytes.
            var links: [Int] = []
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if event == CMARK_EVENT_ENTER {
                    switch type {
                    case CMARK_NODE_LIST:
                        lists.append((cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, Int(cmark_node_get_list_start(node)),
                                      cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."))
                    case CMARK_NODE_ITEM where !lists.isEmpty:
                        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                        text += String(repeating: "  ", count: lists.count - 1)
                        if lists[lists.count - 1].ordered {
                            text += "\(lists[lists.count - 1].next)\(lists[lists.count - 1].delimiter) "
                            lists[lists.count - 1].next += 1
                        } else {
                            text += "• "
                        }
                    case CMARK_NODE_LINK:
                        links.append(text.utf8.count)
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                    case CMARK_NODE_CODE_BLOCK:
                        if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        text += "\n"
                    default:
                        break
                    }
                } else if event == CMARK_EVENT_EXIT {
                    switch type {
                    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
                        if !text.hasSuffix("\n") { text += "\n" }
                    case CMARK_NODE_LIST:
                        lists.removeLast()
                    case CMARK_NODE_LINK:
                        let start = links.removeLast()
                        guard let pointer = cmark_node_get_url(node) else { break }
                        let url = String(cString: pointer)
                        let web = ["https://", "http://", "mailto:"].contains { url.lowercased().hasPrefix($0) }
                        let shown = String(decoding: text.utf8.dropFirst(start), as: UTF8.self)
                        if web, shown != url, shown != url.dropFirst(url.lowercased().hasPrefix("mailto:") ? 7 : 0) { text += " (\(url))" }
                    default:
                        break
                    }
                }
            }
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// The characters that would be markup in a line of text, escaped by `escaped` and `escapedInline`.
    static let markupCharacters: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "|", "~"]

    /// Escapes text so that CommonMark renders it exactly as written, one paragraph with its line breaks kept (used by
    /// `import`). A line break at the very end cannot end a paragraph and is left out.
    public static func escaped(_ text: String) -> String {
        // "\r\n" is one Character in Swift, and cmark ends a line at a lone "\r" too.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.indices.map { index -> String in
            let line = lines[index]
            // Spaces and tabs before the text would be taken away by cmark, or read as a list's indent (up to three) or
            // as a code block (four or more): as character references they are text and the line starts with none.
            let body = line.drop { $0 == " " || $0 == "\t" }
            var written = body
            var trailing: Substring = ""
            // cmark also takes away the spaces that end a paragraph; before a line break they stay.
            if index == lines.count - 1, let last = written.lastIndex(where: { $0 != " " && $0 != "\t" }) {
                trailing = written[written.index(after: last)...]
                written = written[...last]
            }
            var result = ""
            for character in written {
                if markupCharacters.contains(character) { result.append("\\") }
                result.append(character)
            }
            // Block markers only count at the start of a line, and only in these shapes (a heading, a list item, a
            // heading's underline, a rule like `-- --`); `*` and `_` are escaped everywhere.
            if result.prefixMatch(of: /#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)/) != nil || result.wholeMatch(of: /=+[ \t]*|(?:-[ \t]*)+/) != nil {
                result = "\\" + result
            } else if let match = result.prefixMatch(of: /(\d{1,9})([.)])(?:[ \t]|$)/) {
                result = match.1 + "\\" + result[result.index(match.range.lowerBound, offsetBy: match.1.count)...]
            }
            return characterReferences(line[..<body.startIndex]) + result + characterReferences(trailing)
        }.joined(separator: "\\\n")
    }

    /// Text for the middle of a line of Markdown: the characters `escaped` escapes, escaped, and each line break a hard
    /// one. Where it would start a block (after a line break), it may read otherwise: `AnswerEdit` keeps only a result
    /// that reads as intended.
    static func escapedInline(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                result += "\\\n"
                continue
            }
            if markupCharacters.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Spaces and tabs as numeric character references, which CommonMark reads as text.
    static func characterReferences(_ blanks: Substring) -> String {
        blanks.map { $0 == "\t" ? "&#9;" : "&#32;" }.joined()
    }
}
