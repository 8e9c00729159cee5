import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

@Suite struct DiagnosticsTests {
    @Test func everyProblemOfTheInvalidFixtureIsListedAtItsPlace() {
        let root = Repository.fixtures + "/invalid"
        let outcome = Pipeline.check(content: ContentSource.read(from: root), theme: Theme.read(from: Repository.theme))
        #expect(outcome.files == nil)
        let text = outcome.diagnostics.map(\.formatted).joined(separator: "\n").replacingOccurrences(of: Repository.fixtures + "/", with: "") + "\n"
        Snapshot.expect(text, matches: "invalid-content.txt")
    }

    @Test func yamlOneOneTypingDoesNotTouchFrontMatter() throws {
        let page = """
        ---
        no: 12
        slug: failure-count
        section: アプリケーション運用
        category: 'no'
        item: yes
        definition: 1.10
        unit: 2024-01-02
        ---
        0123
        """
        let item = try ItemPage.parse(page, file: "p.md", language: .ja).get().item
        #expect(item == Item(no: 12, slug: "failure-count", section: "アプリケーション運用", category: "no", item: "yes", definition: "1.10", unit: "2024-01-02", answer: "0123"))
        #expect(ItemPage.parse(item.pageSource, file: "p.md", language: .ja).map(\.item) == .success(item))
        #expect(item.pageSource.contains("item: 'yes'\n"))
        #expect(item.pageSource.hasPrefix("---\nno: 12\nslug: failure-count\n"))
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let page = "\u{FEFF}---\r\nno: 1\r\nslug: a\r\nsection: s\r\ncategory: c\r\nitem: i\r\ndefinition: d\r\nunit: u\r\n---\r\n有\r\n"
        #expect(try ItemPage.parse(page, file: "p.md", language: .ja).get().item.answer == "有")
    }

    @Test func duplicateKeysAndBadIndentationAreLocated() {
        let duplicate = "---\nno: 1\nno: 2\n---\nx\n"
        let bad = "---\nno: 1\n slug: a\n---\nx\n"
        let first = ItemPage.parse(duplicate, file: "d.md", language: .ja)
        let second = ItemPage.parse(bad, file: "b.md", language: .ja)
        guard case let .failure(a) = first, case let .failure(b) = second else {
            Issue.record("expected failures")
            return
        }
        #expect(a.diagnostics.map(\.formatted) == ["d.md:2:1: error: duplicate key 'no'\n  hint: each field may appear once; delete one of them"])
        #expect(b.diagnostics.first.map { "\($0.line):\($0.column) \($0.message)" } == "3:6 invalid YAML: mapping values are not allowed in this context")
    }
}
