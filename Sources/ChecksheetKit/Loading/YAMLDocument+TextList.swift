import Yams

extension YAMLDocument {
    /// An optional list of texts such as `keywords: [uptime, SLA]`; empty when absent, a diagnostic per bad entry.
    func textList(_ key: String, what: String, into problems: inout [Diagnostic]) -> [String] {
        guard let (keyMark, node) = value(key) else { return [] }
        guard case let .sequence(sequence) = node else {
            problems.append(diagnostic(at: node.mark ?? keyMark, "'\(key)' must be a list, found a \(Self.kind(of: node))",
                                       hint: "write \(what) in brackets, for example `\(key): [uptime, SLA]`"))
            return []
        }
        var texts: [String] = []
        for entry in sequence {
            guard case let .scalar(scalar) = entry else {
                problems.append(diagnostic(at: entry.mark ?? keyMark, "each entry of '\(key)' must be text, found a \(Self.kind(of: entry))",
                                           hint: "list plain words or phrases, for example `\(key): [uptime, SLA]`"))
                continue
            }
            let text = scalar.string.trimmed
            if SearchText.indexTokens(text).isEmpty {
                problems.append(diagnostic(at: entry.mark ?? keyMark, "an entry of '\(key)' has no word to search for",
                                           hint: "give words or phrases with letters, digits or Japanese, for example `\(key): [uptime, SLA]`"))
                continue
            }
            texts.append(text)
        }
        return texts
    }
}
