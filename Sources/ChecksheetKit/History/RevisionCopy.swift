/// The files of a new revision that starts as a copy of an existing one. Pure.
public enum RevisionCopy {
    /// The pages exactly as the docs team wrote them (nothing reformatted), and a new `revision.yml`.
    public static func files(of source: RevisionSource, date: String) -> [OutputFile] {
        var files = [OutputFile(path: "revision.yml", text: RevisionMetadata.source(date: date))]
        for language in Language.allCases {
            for page in source.pages[language] ?? [] {
                let name = page.path.split(separator: "/").last.map(String.init) ?? page.path
                files.append(OutputFile(path: "\(language.rawValue)/\(name)", text: page.text))
            }
        }
        return files
    }
}
