import Foundation

extension ContentLoader {
    /// The most characters Excel keeps in a cell: a longer one makes it refuse the XLSX download or cut the cell.
    static let excelCellLimit = 32_767

    /// A warning for each pipe table in an answer (cmark has no tables: the page shows the pipes as written) and each
    /// heading of level 1 or 2 (the item page's own levels: `#` makes a second <h1>), at its line.
    static func unsupportedMarkdown(_ page: ItemPage) -> [Diagnostic] {
        let start = page.positions[.answer] ?? ItemPage.Position(line: 1, column: 1)
        return Markdown.unsupported(page.item.answer).map { found in
            // The answer's first line starts where its first written character does; its other lines are the file's.
            let column = (found.line == 1 ? start.column - 1 : 0) + found.column
            let shown = found.text.count > 40 ? String(found.text.prefix(39)) + "…" : found.text
            let message: String, hint: String
            switch found.kind {
            case .table:
                message = "the answer of '\(page.item.slug)' holds a table, '\(shown)': tables are not supported; the text shows as written, with its pipes"
                hint = "use a list instead, one `- ` line per row, such as `- 平日: 9:00〜18:00`"
            case let .heading(level):
                message = "the answer of '\(page.item.slug)' holds a heading, '\(shown)', which becomes "
                    + (level == 1 ? "a second <h1> on the item page" : "an <h2> among the item page's own section headings")
                hint = "the item's name is the page's heading: write this as bold text on its own line (`**…**`), or as a `###` heading"
            }
            return Diagnostic(file: page.file, line: start.line + found.line - 1, column: column, severity: .warning, message: message, hint: hint)
        }
    }

    /// A warning for each field that the downloads write longer than an Excel cell holds (in UTF-16 code units, as Excel
    /// counts), at the field: the download is written as it is, and Excel refuses or cuts it.
    static func overlongFields(_ page: ItemPage) -> [Diagnostic] {
        SheetTable.columns.compactMap { field -> Diagnostic? in
            // Only a long source can be a long cell (the plain text of a link adds its address once, at most).
            guard page.item.value(of: field).utf16.count > excelCellLimit / 2 else { return nil }
            let length = page.item.plainText(of: field).utf16.count
            guard length > excelCellLimit else { return nil }
            return page.diagnostic(at: field, "the \(field.rawValue) of '\(page.item.slug)' is \(grouped(length)) characters in the downloads, more than the 32,767 an Excel cell holds",
                                   hint: "Excel refuses to open the XLSX download or cuts the cell: shorten the \(field.rawValue), and link to a page with the details", severity: .warning)
        }
    }

    /// A count with a comma between thousands, as the message's 32,767 is written.
    static func grouped(_ count: Int) -> String {
        var digits = String(count), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }
}
