import Yams

/// The files of a new revision that starts as a copy of an existing one. Pure.
public enum RevisionCopy {
    /// The pages exactly as the docs team wrote them (nothing reformatted), and a new `revision.yml`.
    public static func files(of source: RevisionSource, date: String) -> [OutputFile] {
        let title = Localized(ja: RevisionDate.japanese(date) + "版", en: "Version dated " + RevisionDate.english(date))
        let metadata: [(Node, Node)] = [
            (Node("date"), Item.textNode(date)),
            (Node("title"), .mapping(.init([(Node("ja"), Item.textNode(title.ja)), (Node("en"), Item.textNode(title.en))]))),
        ]
        var files = [OutputFile(path: "revision.yml", text: (try? Yams.serialize(node: .mapping(.init(metadata)), width: -1, allowUnicode: true)) ?? "")]
        for language in Language.allCases {
            for page in source.pages[language] ?? [] {
                let name = page.path.split(separator: "/").last.map(String.init) ?? page.path
                files.append(OutputFile(path: "\(language.rawValue)/\(name)", text: page.text))
            }
        }
        return files
    }
}
