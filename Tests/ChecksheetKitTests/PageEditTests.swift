import ChecksheetKit
import Testing

/// `PageEdit` rewrites one field and leaves every other byte of the page as the docs team wrote it.
struct PageEditTests {
    static let page = """
        ---
        # Translated by the docs team; reviewed by legal.
        no: 10
        slug: mttr
        section: Application operations   # from site.yml
        category: Reliability
        item: >-
          Mean time to repair
          (MTTR)

        # the unit follows the SLA
        definition: 'Average time: from failure to repair'
        unit: hours
        ---

        Not disclosed

        """

    @Test func aFoldedValueIsReplacedAndTheCommentsAfterItStay() throws {
        let edited = try #require(PageEdit.replacing(.item, with: "Mean time to recovery (MTTR)", in: Self.page))
        #expect(edited == Self.page.replacingOccurrences(of: "item: >-\n  Mean time to repair\n  (MTTR)\n", with: "item: Mean time to recovery (MTTR)\n"))
    }

    @Test func valuesYAMLWouldMisreadAreQuoted() throws {
        let colon = try #require(PageEdit.replacing(.definition, with: "Time: from failure to repair", in: Self.page))
        #expect(colon.contains("\ndefinition: 'Time: from failure to repair'\nunit: hours\n"))
        let boolean = try #require(PageEdit.replacing(.unit, with: "yes", in: Self.page))
        #expect(boolean.contains("\nunit: 'yes'\n---\n"))
        let lines = try #require(PageEdit.replacing(.unit, with: "hours\nper incident", in: Self.page))
        let page = try ItemPage.parse(lines, file: "10-mttr.md", language: .en).get()
        #expect(page.item.unit == "hours\nper incident")
        #expect(page.item.definition == "Average time: from failure to repair")
    }

    @Test func theAnswerIsTheBodyAndTheFrontMatterStaysByteForByte() throws {
        let edited = try #require(PageEdit.replacing(.answer, with: "Within 4 hours\n\n- target", in: Self.page))
        #expect(edited == Self.page.replacingOccurrences(of: "Not disclosed\n", with: "Within 4 hours\n\n- target\n"))
    }

    @Test func crlfPagesStayCRLF() throws {
        let crlf = Self.page.replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try #require(PageEdit.replacing(.unit, with: "hours per incident", in: crlf))
        #expect(edited == crlf.replacingOccurrences(of: "unit: hours\r\n", with: "unit: hours per incident\r\n"))
    }

    @Test func aMissingFieldOrFrontMatterIsNil() {
        #expect(PageEdit.replacing(.unit, with: "x", in: "no front matter\n") == nil)
        #expect(PageEdit.replacing(.unit, with: "x", in: "---\nno: 1\n---\nanswer\n") == nil)
    }
}
