extension ContentLoader {
    /// A warning for each piece of HTML an answer holds: the pages render Markdown safely and leave it out
    /// (`<!-- raw HTML omitted -->`), so what it marks up or says would be missing without a word from `check`.
    /// A closing tag is not said again after its opening tag.
    static func rawHTML(_ page: ItemPage) -> [Diagnostic] {
        guard page.item.answer.holdsBytes("<") else { return [] }
        let start = page.positions[.answer] ?? ItemPage.Position(line: 1, column: 1)
        var opened: Set<String> = []
        let found = Markdown.rawHTML(page.item.answer)
        var problems = found.compactMap { found -> Diagnostic? in
            let name = found.html.prefixMatch(of: /<\/?([A-Za-z][A-Za-z0-9-]*)/).map { String($0.output.1).lowercased() }
            if found.isClosingTag, let name, opened.contains(name) { return nil }
            if !found.isClosingTag, let name { opened.insert(name) }
            let shown = found.html.count > 40 ? String(found.html.prefix(39)) + "…" : found.html
            // The answer starts where its first written line does; its other lines are the file's as they are.
            let line = start.line + found.line - 1
            let column = found.line == 1 ? start.column + found.column - 1 : found.column
            let hint = found.isComment
                ? "readers never see it, and the page's source says `<!-- raw HTML omitted -->` in its place: delete it, or keep such notes outside the answer"
                : name == "br"
                ? "to break the line in Markdown, end it with a backslash (`\\`) and go on on the next line; a blank line starts a new paragraph"
                : "write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs"
            return Diagnostic(file: page.file, line: line, column: column, severity: .warning,
                              message: "the answer of '\(page.item.slug)' holds raw HTML, '\(shown)', which the page leaves out", hint: hint)
        }
        // Left out, the HTML can take all the answer's text with it (a block such as `<div>` runs to the next blank
        // line): the page would show an empty answer. The release gate refuses it; the build says so.
        if !found.isEmpty, page.item.plainAnswer.trimmed.isEmpty {
            problems.append(page.diagnostic(at: .answer, textlessAnswer(page.item.slug), hint: textlessAnswerHint(page.item.answer), severity: .warning))
        }
        return problems
    }

    /// What is said of an answer that shows no text: a warning of the build, an error of the release gate.
    static func textlessAnswer(_ slug: String) -> String { "the answer of '\(slug)' shows no text" }

    /// What to do about it: the HTML that hides it, when it holds some other than comments.
    static func textlessAnswerHint(_ answer: String) -> String {
        guard answer.holdsBytes("<"), let tag = Markdown.rawHTML(answer).first(where: { !$0.isComment && !$0.isClosingTag }) else {
            return "write the provider's answer (設定等)"
        }
        let shown = tag.html.count > 40 ? String(tag.html.prefix(39)) + "…" : tag.html
        return "the page leaves out raw HTML, and HTML such as '\(shown)' that starts a block takes the text after it up to the next blank line: write the answer in Markdown, without HTML tags"
    }
}
