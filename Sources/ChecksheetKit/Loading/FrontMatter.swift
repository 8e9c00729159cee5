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
        // Scanned as UTF-8 bytes: splitting by Characters costs grapheme breaking on every page.
        let bytes = text.utf8
        var lineStarts: [String.Index] = [bytes.startIndex]
        var closing: (start: String.Index, end: String.Index, line: Int)?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let next = bytes.index(after: newline)
            let line = lineStarts.count
            lineStarts.append(next)
            if line == 1 {
                guard isDelimiter(text[lineStarts[0]..<newline], closing: false) else { break }
            } else if isDelimiter(text[lineStarts[line - 1]..<newline], closing: true) {
                closing = (lineStarts[line - 1], next, line)
                break
            }
            index = next
        }
        let firstLineEnd = bytes[...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        guard isDelimiter(text[bytes.startIndex..<firstLineEnd], closing: false) else {
            return .failure(DiagnosticsError([Diagnostic(
                file: file, line: 1, column: 1, message: "the page does not start with front matter",
                hint: "begin the file with a line `---`, then the fields (`no:`, `slug:`, …), then another `---` line, then the answer")]))
        }
        if closing == nil, lineStarts.count > 1, isDelimiter(text[lineStarts[lineStarts.count - 1]...], closing: true) {
            closing = (lineStarts[lineStarts.count - 1], bytes.endIndex, lineStarts.count)
        }
        guard let closing, closing.line > 1 else {
            return .failure(DiagnosticsError([Diagnostic(
                file: file, line: 1, column: 1, message: "the front matter is not closed",
                hint: "add a line `---` after the last field, before the answer")]))
        }
        let yamlStart = lineStarts[1]
        let yamlEnd = closing.start > yamlStart ? bytes.index(before: closing.start) : yamlStart
        return .success(FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLineOffset: 1,
                                    body: String(text[closing.end...]), bodyLine: closing.line + 1))
    }

    /// `---` (or `...` to close), trailing spaces and a carriage return allowed.
    static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingSpace()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
