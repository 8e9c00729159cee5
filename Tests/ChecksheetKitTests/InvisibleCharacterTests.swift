import Testing
@testable import ChecksheetKit

/// Invisible characters in an item page's front matter, named with their column: what the eye cannot tell apart.
@Suite struct InvisibleCharacterTests {
    /// A page saved on Windows (byte-order mark, CRLF), with Unicode format characters in values, a comment and the answer.
    static let page = "\u{FEFF}---\r\nno: 1\r\nslug: a\r\nsection: x\u{200E}\r\ncategory: x\r\nitem: a\u{00AD}b\r\n# note\u{200B}\r\n"
        + "keywords:\r\n  - k\u{2060}\r\ndefinition: x\r\nunit: x\r\n---\r\nanswer\u{200B}\r\n"

    @Test func everyFormatCharacterOfAValueIsNamedAtItsColumnAndOnlyThoseOfSectionsAndCategoriesAreErrors() {
        #expect(ItemPage.invisibleCharacters(in: Self.page, file: "p.md").map(\.formatted) == [
            "p.md:4:11: error: 'section' holds an invisible character, U+200E LEFT-TO-RIGHT MARK at column 11\n"
                + "  hint: delete it: with it the section is not the one of site.yml it looks like",
            "p.md:6:8: warning: 'item' holds an invisible character, U+00AD SOFT HYPHEN at column 8\n"
                + "  hint: delete it: readers do not see it, but search, downloads and copied text keep it",
            "p.md:9:6: warning: 'keywords' holds an invisible character, U+2060 WORD JOINER at column 6\n"
                + "  hint: delete it: readers do not see it, but search, downloads and copied text keep it",
        ])
    }

    @Test func theParseRefusesOnlyTheError() {
        guard case let .failure(error) = ItemPage.parse(Self.page, file: "p.md", language: .ja) else {
            Issue.record("a section with an invisible character was read")
            return
        }
        #expect(error.diagnostics.map(\.message) == ["'section' holds an invisible character, U+200E LEFT-TO-RIGHT MARK at column 11"])
        let clean = Self.page.replacingOccurrences(of: "\u{200E}", with: "")
        #expect((try? ItemPage.parse(clean, file: "p.md", language: .ja).get())?.item.item == "a\u{00AD}b")
    }
}
