import Foundation
import Testing
@testable import ChecksheetKit

/// An imported cell is written as Markdown that real libcmark renders as exactly the cell's text: one paragraph, its
/// line breaks kept, whatever its lines start with.
@Suite struct MarkdownEscapingTests {
    /// The HTML cmark gives for `text` as plain text: one paragraph, `<br />` at each line break.
    static func paragraph(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<p>" + escaped.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br />\n") + "</p>\n"
    }

    @Test(arguments: [
        ("有。手順:\n  - メールで通知\n  - Webで告知", "有。手順:\\\n&#32;&#32;\\- メールで通知\\\n&#32;&#32;\\- Webで告知"),
        ("以下を参照\n  1. 契約者へ連絡\n  2. 公表", "以下を参照\\\n&#32;&#32;1\\. 契約者へ連絡\\\n&#32;&#32;2\\. 公表"),
        ("無\n  # 注記", "無\\\n&#32;&#32;\\# 注記"),
        ("    インデントされた行", "&#32;&#32;&#32;&#32;インデントされた行"),
        ("有\n\t> 引用ではない", "有\\\n&#9;\\> 引用ではない"),
        ("-- --\n=", "\\-- --\\\n\\="),
        ("99.9%以上\n末尾の空白  ", "99.9%以上\\\n末尾の空白&#32;&#32;"),
        ("CRLF\r\n  - 行\r2行目\n", "CRLF\\\n&#32;&#32;\\- 行\\\n2行目"),
    ])
    func indentedListAndHeadingLinesStayText(cell: String, markdown: String) {
        #expect(Markdown.escaped(cell) == markdown)
        let text = cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n$", with: "", options: .regularExpression)
        #expect(Markdown.html(markdown) == Self.paragraph(text))
        #expect(Markdown.plainText(markdown) == text)
    }

    /// Every line built from a blank start (none to a code block's four spaces, tabs, an ideographic space), something
    /// CommonMark reads as markup, and text, alone or after another line: rendered by libcmark, it is the cell.
    @Test func everyAwkwardCellRendersAsItsText() {
        let blanks = ["", " ", "  ", "   ", "    ", "     ", "\t", "  \t", "\u{3000}", "\u{A0}"]
        let markers = ["- ", "+ ", "* ", "-", "+", "#", "# ", "## ", "###### ", "####### ", "#x", "> ", ">", "1. ", "1) ", "2.", "10) ",
                       "123456789. ", "1234567890. ", "```", "~~~", "---", "- - -", "-- --", "***", "___", "===", "=", "= =", "<b>", "</p>",
                       "<!-- ", "<div>", "<script>", "<?php ", "[a]: /u", "[a]", "| a |", "&amp; ", "&#32;", "\\", "\\- ", "![x](y) ",
                       "`", "``", "**", "_", "<mailto:a@b.jp>", "    ", "\t"]
        let texts = ["", "メールで通知", "x ", " 契約者へ連絡", "*強調*", "a  ", "1. b", " -"]
        let lines = blanks.flatMap { blank in markers.flatMap { marker in texts.map { blank + marker + $0 } } }
        let firstLines = ["", "有。手順:", "a  ", "- x", "  ", "以下を参照\n"]
        var cells = lines.filter { !$0.isEmpty }
        for first in firstLines { cells += lines.map { first + "\n" + $0 } }
        var wrong: [String] = []
        for cell in cells {
            let markdown = Markdown.escaped(cell)
            if Markdown.html(markdown) != Self.paragraph(cell) || Markdown.plainText(markdown) != cell { wrong.append(cell) }
        }
        #expect(cells.count > 20_000)
        #expect(wrong.count == 0, "\(wrong.count) cells render otherwise, such as \(wrong.prefix(5).map(\.debugDescription))")
    }
}
