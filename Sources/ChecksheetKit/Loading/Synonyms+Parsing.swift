extension Synonyms {
    /// Reads `synonyms.yml`: `groups:`, a list of lists of words or phrases in either language, and the optional
    /// `general:`, words of those groups that bring no item its group.
    public static func parse(_ file: SourceFile) -> Result<Synonyms, DiagnosticsError> {
        YAMLDocument.parse(file).flatMap(synonyms(in:))
    }

    /// The synonym groups a parsed `synonyms.yml` lists.
    static func synonyms(in document: YAMLDocument) -> Result<Synonyms, DiagnosticsError> {
        var problems: [Diagnostic] = []
        document.unknownKeys(known: ["groups", "general"], into: &problems)
        var groups: [[String]] = []
        if let (keyMark, node) = document.value("groups") {
            if case let .sequence(sequence) = node {
                for entry in sequence {
                    guard case .sequence = entry else {
                        problems.append(document.diagnostic(at: entry.mark, "a synonym group must be a list, found a \(YAMLDocument.kind(of: entry))",
                                                            hint: "write each group in brackets, for example `- [uptime, availability, 稼働率]`"))
                        continue
                    }
                    let group = YAMLDocument(file: document.file, lineOffset: 0, pairs: [(key: "group", keyMark: entry.mark, value: entry)])
                        .textList("group", what: "words that mean the same", into: &problems)
                    if group.count == 1 {
                        problems.append(document.diagnostic(at: entry.mark, "a synonym group needs at least two words",
                                                            hint: "list the sheet's word and the customers' words together, for example `- [uptime, availability, 稼働率]`"))
                    }
                    if group.count >= 2 { groups.append(group) }
                }
            } else {
                problems.append(document.diagnostic(at: node.mark ?? keyMark, "'groups' must be a list of lists",
                                                    hint: "write one group a line, for example `  - [uptime, availability, 稼働率]`"))
            }
        } else {
            problems.append(document.diagnostic(at: nil, "missing required field 'groups'", hint: "add `groups:` with one list of words a line"))
        }
        var general: [String] = []
        if let (keyMark, node) = document.value("general") {
            general = document.textList("general", what: "general words of the groups", into: &problems)
            let grouped = Set(groups.joined().map { SearchText.collapsed(SearchText.normalize($0)) })
            for word in general where !grouped.contains(SearchText.collapsed(SearchText.normalize(word))) {
                problems.append(document.diagnostic(at: node.mark ?? keyMark, "general word '\(word)' is in no synonym group",
                                                    hint: "list only words of the groups under `general:`, or add '\(word)' to its group"))
            }
        }
        return problems.isEmpty ? .success(Synonyms(groups: groups, general: general)) : .failure(DiagnosticsError(problems))
    }
}
