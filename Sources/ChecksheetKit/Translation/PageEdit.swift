import Foundation
import Yams

/// One field of an item page rewritten in place: the other lines, the comments and the formatting stay byte for byte. Pure.
public enum PageEdit {
    /// The page with `field` set to `value`, or nil when the page has no such field to replace.
    ///
    /// A front-matter value spans its key's line and the more indented lines after it (a block scalar or a folded
    /// plain scalar); comment and blank lines at its end belong to what follows. The answer is the body after the
    /// closing `---`, its leading blank lines kept. A comment on the replaced value's own line goes with the value.
    public static func replacing(_ field: Field, with value: String, in page: String) -> String? {
        var lines = splitLines(of: page)
        guard let first = lines.first, FrontMatter.isDelimiter(Substring(first), closing: false),
              let closing = lines.indices.dropFirst().first(where: { FrontMatter.isDelimiter(Substring(lines[$0]), closing: true) }) else { return nil }
        let crlf = first.hasSuffix("\r")
        if field == .answer {
            var start = closing + 1
            while start < lines.count, lines[start].trimmed.isEmpty, start < lines.count - 1 { start += 1 }
            let body = splitLines(of: value.trimmed).map { $0 + (crlf ? "\r" : "") }
            lines.replaceSubrange(start..<lines.count, with: body + [""])
            return lines.joined(separator: "\n")
        }
        let key = field.rawValue
        guard let keyLine = (1..<closing).first(where: { lines[$0].hasPrefix(key + ":") || lines[$0].hasPrefix(key + " :") }) else { return nil }
        var end = keyLine + 1
        while end < closing, lines[end].first.map({ $0 == " " || $0 == "\t" }) ?? false || lines[end].trimmed.isEmpty { end += 1 }
        while end - 1 > keyLine, lines[end - 1].trimmed.isEmpty || lines[end - 1].trimmed.hasPrefix("#") { end -= 1 }
        // Several lines as a literal block: quoted scalars would fold each line break into a space.
        let text = value.trimmed
        let node = text.contains("\n") ? Node(text, Tag(.str), .literal) : Item.textNode(text)
        let mapping = Node.mapping(.init([(Node(key), node)]))
        guard let yaml = try? Yams.serialize(node: mapping, width: -1, allowUnicode: true) else { return nil }
        let replacement = splitLines(of: yaml).filter { !$0.isEmpty }.map { $0 + (crlf ? "\r" : "") }
        lines.replaceSubrange(keyLine..<end, with: replacement)
        return lines.joined(separator: "\n")
    }

    /// Lines split on the byte: as Characters, "\r\n" is one and would not split on "\n".
    static func splitLines(of text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
