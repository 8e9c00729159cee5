import Testing
@testable import ChecksheetKit
import TestSupport

/// The description cut that stops folding soon after the limit gives what folding the whole text gave, for every
/// answer and definition of the real sheet and for text built to make characters join across folded whitespace.
@Suite struct MetaDescriptionTests {
    /// The cut as it was written first: count, fold and join the whole text.
    static func wholeTextCut(_ text: String) -> String {
        let limit = MetaDescription.limit
        guard text.count > limit else { return text }
        let folded = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        guard folded.count > limit else { return folded }
        let head = folded.prefix(limit - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= limit / 2 {
            return String(head[..<space]) + "…"
        }
        return String(head) + "…"
    }

    static var odd: [String] {
        var texts: [String] = []
        for count in [0, 1, 158, 159, 160, 161, 162, 163, 320] {
            texts.append(String(repeating: "あ", count: count))
            texts.append(String(repeating: "ab ", count: count))
            texts.append(String(repeating: "a\n\n  ", count: count) + "end")
            texts.append("  \n" + String(repeating: "word ", count: count / 5) + "  ")
            // A combining mark after a folded line end joins the space put there: fewer characters than parts and spaces.
            texts.append(String(repeating: "a\n\u{301}", count: count))
            texts.append(String(repeating: "a \u{301}", count: count))
            texts.append(String(repeating: "x \u{301}\u{301} ", count: count) + String(repeating: "y", count: count))
            texts.append(String(repeating: "\r\n", count: count) + String(repeating: "z", count: 170))
            texts.append(String(repeating: "🇯🇵 🇺", count: count))
        }
        return texts
    }

    @Test func everyTextIsCutAsFoldingTheWholeTextCutIt() throws {
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet)
        let items = sheet.revisions.flatMap { $0.items.ja + $0.items.en }
        let texts = items.flatMap { [$0.plainAnswer, $0.definition, $0.answer, $0.plainAnswer + " " + $0.definition] } + Self.odd
        #expect(texts.contains { $0.count > MetaDescription.limit })
        for text in texts {
            #expect(MetaDescription.cut(text) == Self.wholeTextCut(text), "\(text.prefix(40))")
        }
    }
}
