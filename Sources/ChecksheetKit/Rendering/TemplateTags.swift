/// The tags of a Mustache template with their places, for the checks swift-mustache does not make: it renders an
/// unknown name or a missing partial as nothing, which would publish pages with empty parts.
struct TemplateTags {
    /// One `{{…}}` tag.
    struct Tag: Equatable {
        enum Kind: Equatable { case variable, section, partial }
        var kind: Kind
        /// The name as written, `page.t.search` or `.`.
        var name: String
        /// 1-based, in characters.
        var line: Int
        var column: Int
    }

    var tags: [Tag]

    /// Scans `text` with the default delimiters; a template that changes them (`{{=<% %>=}}`) is scanned up to there.
    init(_ text: String) {
        var tags: [Tag] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let start = (line, column)
                var inner = text.index(index, offsetBy: 2)
                let triple = inner < text.endIndex && text[inner] == "{"
                if triple { inner = text.index(after: inner) }
                guard let close = text[inner...].range(of: triple ? "}}}" : "}}") else { break }
                let body = text[inner..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let sigil = body.first
                var name = sigil.map { "#^/>$<&!=".contains($0) } == true ? String(body.dropFirst()).trimmingCharacters(in: .whitespaces) : body
                // swift-mustache's transforms, `{{#empty(list)}}`: the name is the argument.
                while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                    name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
                }
                switch sigil {
                case "=": self.tags = tags; return
                case "!", "/", "$": break
                case "#", "^": tags.append(Tag(kind: .section, name: name, line: start.0, column: start.1))
                case ">", "<": tags.append(Tag(kind: .partial, name: name, line: start.0, column: start.1))
                default: tags.append(Tag(kind: .variable, name: name, line: start.0, column: start.1))
                }
                for character in text[index..<close.upperBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = close.upperBound
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        self.tags = tags
    }

    /// The UI-string key of a name that reads one (`t.search`, `page.t.search`), else nil.
    static func stringKey(_ name: String) -> String? {
        let parts = name.split(separator: ".")
        guard parts.count >= 2, parts[parts.count - 2] == "t" else { return nil }
        return String(parts[parts.count - 1])
    }
}
