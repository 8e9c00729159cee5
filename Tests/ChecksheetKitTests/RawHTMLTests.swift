import Testing
@testable import ChecksheetKit
import TestSupport

/// Raw HTML in an answer is left out of the page by cmark's safe rendering: `check` warns where it stands.
@Suite struct RawHTMLTests {
    @Test func rawHTMLIsFoundByCmarkNodesAtItsPlace() {
        typealias Found = Markdown.RawHTML
        // cmark 0.30 puts these inline nodes at 1:6, 2:3 and 2:5: the places are taken from the source.
        #expect(Markdown.rawHTML("a\\\nb <i>x</i>") == [Found(html: "<i>", line: 2, column: 3), Found(html: "</i>", line: 2, column: 7)])
        #expect(Markdown.rawHTML("a\n  b <i>") == [Found(html: "<i>", line: 2, column: 5)])
        #expect(Markdown.rawHTML("> q\nr <i>") == [Found(html: "<i>", line: 2, column: 3)])
        // Columns count characters, not bytes; a code span and an escaped `<` hold no HTML.
        #expect(Markdown.rawHTML("常に`<b>` \\<b> <b>") == [Found(html: "<b>", line: 1, column: 14)])
        #expect(Markdown.rawHTML("- a\n\n  <div>\n  x\n  </div>\n\n<!-- メモ -->") == [Found(html: "<div>", line: 3, column: 3), Found(html: "<!-- メモ -->", line: 7, column: 1)])
        #expect(Markdown.rawHTML("<https://example.com/> &lt;b&gt; <mailto:a@example.com>").isEmpty)
    }

    @Test func rawHTMLInAnAnswerIsAWarningAtItsPlace() throws {
        var content = ContentSource.read(from: Repository.content)
        let index = try #require(content.revisions[0].pages[.ja]?.firstIndex { $0.path.hasSuffix("/10-mttr.md") })
        content.revisions[0].pages[.ja]![index].text += "\n常に<b>必ず</b>連絡します。`<b>` と \\<i> は文字です。\n\n<script>alert(1)</script>\n\n- 手順 <!-- 社内メモ -->\n"
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: Repository.theme))
        let path = content.revisions[0].pages[.ja]![index].path
        let hint = "  hint: write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs"
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(path):13:3: warning: the answer of 'mttr' holds raw HTML, '<b>', which the page leaves out\n" + hint,
            "\(path):15:1: warning: the answer of 'mttr' holds raw HTML, '<script>alert(1)</script>', which the page leaves out\n" + hint,
            "\(path):17:6: warning: the answer of 'mttr' holds raw HTML, '<!-- 社内メモ -->', which the page leaves out\n"
                + "  hint: readers never see it, and the page's source says `<!-- raw HTML omitted -->` in its place: delete it, or keep such notes outside the answer",
        ])
        #expect(outcome.files != nil, "a warning does not stop a build")
    }

    /// A revision's notes are Markdown rendered as safely as answers: HTML in them is a warning at the notes' line.
    @Test func rawHTMLInARevisionsNotesIsAWarning() throws {
        var content = ContentSource.read(from: Repository.content)
        var metadata = try #require(content.revisions[0].metadata)
        metadata.text += "notes:\n  ja: 監視を<b>強化</b>しました。\n  en: We improved monitoring.\n"
        content.revisions[0].metadata = metadata
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: Repository.theme))
        let lines = metadata.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  ja: 監視") }) + 1
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(metadata.path):\(line):7: warning: the ja notes hold raw HTML, '<b>', which the pages leave out\n"
                + "  hint: write Markdown instead: **bold**, *emphasis*, [text](../rto/index.html) for a link to an item",
        ])
        #expect(outcome.files != nil, "a warning does not stop a build")
    }

    /// The answer is trimmed: its first line's place in the file counts the blanks it started with.
    @Test func anIndentedFirstLineKeepsItsColumn() throws {
        let page = try ItemPage.parse("---\nno: 1\nslug: a\nsection: s\ncategory: c\nitem: i\ndefinition: d\nunit: u\n---\n\n   </u> と <u>下線</u>\n",
                                      file: "p.md", language: .ja).get()
        #expect(ContentLoader.rawHTML(page).map(\.formatted) == [
            "p.md:11:4: warning: the answer of 'a' holds raw HTML, '</u>', which the page leaves out\n  hint: write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs",
            "p.md:11:11: warning: the answer of 'a' holds raw HTML, '<u>', which the page leaves out\n  hint: write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs",
        ])
    }
}
