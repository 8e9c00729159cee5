import Foundation

/// Slugs to give items that no earlier revision names: the glossary of the first import
/// (`no`, `item_ja` and `slug` columns of a TSV).
public struct SlugGlossary: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var no: Int
        public var item: String
        public var slug: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Parses the glossary TSV; its header row names the columns.
    public static func parse(_ text: String, file: String) -> Result<SlugGlossary, DiagnosticsError> {
        let table = DelimitedText.parse(text.droppingByteOrderMark(), delimiter: "\t")
        guard let header = table.rows.first?.values,
              let noColumn = header.firstIndex(of: "no"), let itemColumn = header.firstIndex(of: "item_ja"), let slugColumn = header.firstIndex(of: "slug") else {
            return .failure(DiagnosticsError([Diagnostic(file: file, line: 1, column: 1, message: "the glossary needs the columns 'no', 'item_ja' and 'slug'",
                                                         hint: "its first row names the columns, separated by tabs")]))
        }
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        var lineOfSlug: [String: Int] = [:]
        for row in table.rows.dropFirst() where !row.isBlank {
            let values = row.values
            guard values.count > max(noColumn, itemColumn, slugColumn), let no = Int(values[noColumn]) else {
                problems.append(Diagnostic(file: file, line: row.line, column: 1, message: "a glossary row needs a number, a Japanese name and a slug"))
                continue
            }
            let slug = values[slugColumn]
            let column = row.cells[slugColumn].column
            if slug.isEmpty {
                problems.append(Diagnostic(file: file, line: row.line, column: column, message: "item \(no) has an empty slug",
                                           hint: "write the item's URL name, for example `encryption-in-transit`"))
            } else if !isSlug(slug) {
                problems.append(Diagnostic(file: file, line: row.line, column: column, message: "slug '\(slug)' is not a URL name",
                                           hint: "use lower-case ASCII letters, digits and single hyphens, for example `encryption-in-transit`; a slug never changes once published"))
            } else if let first = lineOfSlug[slug] {
                problems.append(Diagnostic(file: file, line: row.line, column: column, message: "slug '\(slug)' is also given on line \(first)",
                                           hint: "each item has its own slug"))
            } else {
                lineOfSlug[slug] = row.line
                entries.append(Entry(no: no, item: values[itemColumn], slug: slug))
            }
        }
        problems += table.problems.map { $0.diagnostic(file: file) }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(SlugGlossary(entries: entries))
    }
}
