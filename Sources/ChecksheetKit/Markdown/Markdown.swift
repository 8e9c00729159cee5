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
    public static func html(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer in
            // CMARK_OPT_UNSAFE is deliberately absent: content never injects HTML into the site.
            guard let rendered = cmark_markdown_to_html(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The text a reader sees, without markup: for search, excerpts, descriptions and downloads.
    /// Paragraphs and line breaks become newlines.
    public static func plainText(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { buffer -> String in
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, CMARK_OPT_DEFAULT) else { return markdown }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return markdown }
            defer { cmark_iter_free(iterator) }
            var text = ""
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if event == CMARK_EVENT_ENTER {
                    switch type {
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
                    default:
                        break
                    }
                }
            }
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// Escapes text so that CommonMark renders it exactly as written (used by `import`).
    public static func escaped(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "|", "~"]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var result = ""
            for character in line {
                if special.contains(character) { result.append("\\") }
                result.append(character)
            }
            // Block markers only count at the start of a line, and only in these shapes.
            if result.prefixMatch(of: /#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)/) != nil || result.wholeMatch(of: /[ ]*(?:-+|=+)[ ]*/) != nil {
                result = "\\" + result
            } else if let match = result.prefixMatch(of: /(\d{1,9})([.)])(?:[ \t]|$)/) {
                result = match.1 + "\\" + result[result.index(match.range.lowerBound, offsetBy: match.1.count)...]
            }
            return result
        }.joined(separator: "\\\n")
    }
}
