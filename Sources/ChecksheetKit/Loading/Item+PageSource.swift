import Yams

extension Item {
    /// The item's page as the docs team edits it: YAML front matter in schema order, then the answer.
    ///
    /// The inverse of `ItemPage.parse`. Yams quotes what needs quoting; values that YAML 1.1 readers
    /// would take for booleans, numbers, dates or null are quoted too, so that any tool reads them as text.
    public var pageSource: String {
        var pairs: [(Node, Node)] = [(Node("no"), Node(String(no), Tag(.int)))]
        for field in Field.frontMatterKeys.dropFirst() {
            pairs.append((Node(field.rawValue), Self.textNode(value(of: field))))
        }
        if !keywords.isEmpty {
            pairs.append((Node("keywords"), Node.sequence(.init(keywords.map(Self.textNode), Tag(.seq), .flow))))
        }
        // The key `no` is written plain on purpose: the schema names it so, and our reader keeps keys as text.
        let yaml = (try? Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)) ?? ""
        return "---\n" + yaml + "---\n" + answer + "\n"
    }

    /// The page's file name: the number for sorting, then the slug (`42-encryption-in-transit.md`).
    public static func pageName(_ item: Item) -> String {
        (item.no < 10 ? "0" : "") + "\(item.no)-\(item.slug).md"
    }

    static func textNode(_ text: String) -> Node {
        let implicitTag = Resolver.default.resolveTag(of: Node(text))
        let style: Node.Scalar.Style = implicitTag == .str ? .any : .singleQuoted
        return Node(text, Tag(.str), style)
    }
}
