/// A Markdown page split into its YAML front matter and its body, with the lines each starts on.
struct FrontMatter: Equatable {
    var yaml: String
    /// 0-based offset of the YAML's first line in the file (the line after the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// 1-based line of the body's first line.
    var bodyLine: Int

    /// Splits `text`; a missing or unclosed front matter is a diagnostic against `file`.
    static func split(_ text: String, file: String) -> Result<FrontMatter, DiagnosticsError> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpace() == "---" else {
            return .failure(DiagnosticsError([Diagnostic(
                file: file, line: 1, column: 1, message: "the page does not start with front matter",
                hint: "begin the file with a line `---`, then the fields (`no:`, `slug:`, …), then another `---` line, then the answer")]))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpace() == "---" || lines[$0].trimmingTrailingSpace() == "..." }) else {
            return .failure(DiagnosticsError([Diagnostic(
                file: file, line: 1, column: 1, message: "the front matter is not closed",
                hint: "add a line `---` after the last field, before the answer")]))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 2))
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
