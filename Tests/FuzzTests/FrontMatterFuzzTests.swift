import ChecksheetKit
import Foundation
import PropertyBased
import Testing
import TestSupport

/// `ItemPage.parse` on pages made to break it: never a crash or a hang, always a page or located diagnostics,
/// and `pageSource` read back to the same item.
@Suite(.timeLimit(fuzzTimeLimit)) struct FrontMatterFuzzTests {
    static let file = "Content/revisions/2025-03-07/ja/42-encryption-in-transit.md"
    static let seed = Repository.text(file)

    /// Checks one page text against the reader's promise.
    static func check(_ text: String) {
        let result = withinTime("parsing \(text.debugDescription)") { ItemPage.parse(text, file: file, language: .ja) }
        switch result {
        case let .success(page):
            #expect(page.item.no >= 1 && !page.item.slug.isEmpty && !page.item.answer.isEmpty)
            #expect(page.positions.values.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        case let .failure(error):
            expectLocated(error, in: file, input: text)
        }
    }

    @Test func realPagesWithEditsAreReadOrLocated() async {
        await propertyCheck(count: cases(2000), input: Mutation.generator.array(of: 1...6)) { mutations in
            Self.check(mutations.reduce(Self.seed) { $1.apply(to: $0) })
        }
    }

    @Test func pagesOfRiskyKeysAndValuesAreReadOrLocated() async {
        let keys = ["no", "slug", "section", "category", "item", "definition", "unit", "answer", "No", "slug ", "?", "- no"]
        let line = zip(Gen.int(in: 0...(keys.count - 1)), Fragments.text(0...6)).map { "\(keys[$0]): \($1)" }
        await propertyCheck(count: cases(2000), input: zip(line.array(of: 0...9), Fragments.text(0...8), Gen.bool)) { lines, body, closed in
            Self.check("---\n" + lines.joined(separator: "\n") + (closed ? "\n---\n" : "\n") + body)
        }
    }

    @Test func randomTextIsReadOrLocated() async {
        await propertyCheck(count: cases(2000), input: Fragments.text(0...40)) { text in
            Self.check(text)
            Self.check("---\n" + text)
        }
    }

    static var items: Generator<Item, AnySequence<((Int, [[Int]], [Int], [Int]), ([Int], [Int], [Int], [Int]))>> {
        zip(
            zip(Gen.int(in: 1...100_000), slug, Fragments.value(), Fragments.value()),
            zip(Fragments.value(), Fragments.value(), Fragments.value(), Fragments.value(1...30))
        ).map { first, second in
            // Line endings are not content: the reader turns CRLF into LF, as it does for the whole file.
            var answer = second.3
            while answer.contains("\r\n") { answer = answer.replacingOccurrences(of: "\r\n", with: "\n") }
            return Item(no: first.0, slug: first.1, section: first.2, category: first.3, item: second.0, definition: second.1, unit: second.2, answer: answer)
        }.eraseToAnySequence()
    }

    static var slug: Generator<String, AnySequence<[[Int]]>> {
        Gen.int(in: 0...35).map { Array("abcdefghijklmnopqrstuvwxyz0123456789")[$0] }
            .string(of: 1...8).array(of: 1...4).map { $0.joined(separator: "-") }.eraseToAnySequence()
    }

    @Test func pageSourceReadsBackAsTheSameItem() async {
        await propertyCheck(count: cases(2000), input: Self.items) { item in
            let source = item.pageSource
            switch ItemPage.parse(source, file: Self.file, language: .ja) {
            case let .success(page):
                #expect(page.item == item, "\(source.debugDescription)")
            case let .failure(error):
                // An invisible character in a section or category is refused by name: it cannot match site.yml's.
                let invisible = [item.section, item.category].contains { $0.unicodeScalars.contains { $0.properties.generalCategory == .format } }
                if invisible, error.diagnostics.allSatisfy({ $0.message.contains("holds an invisible character, U+") }) { return }
                Issue.record("\(error.diagnostics.map(\.formatted).joined(separator: "\n")) for \(source.debugDescription)")
            }
        }
    }

    /// Found by `pageSourceReadsBackAsTheSameItem`: values were trimmed by Characters, so a space followed by a
    /// combining mark at either end of a value was dropped whole (`a \u{302}` read as `a`). Now trimmed by scalars.
    @Test func aValueEndingInASpaceWithACombiningMarkKeepsTheMark() throws {
        let item = Item(no: 1, slug: "a", section: "x", category: "x", item: "x", definition: "a \u{302}", unit: "x", answer: "x \u{302}")
        let page = try ItemPage.parse(item.pageSource, file: Self.file, language: .ja).get()
        #expect(page.item.definition == item.definition)
        #expect(page.item.answer == item.answer)
    }

    /// Found by `pageSourceReadsBackAsTheSameItem`: Yams builds each scalar with `String(bytes:encoding: .utf8)`,
    /// which drops a leading U+FEFF, so a value starting with one loses it (and a value that is only one is empty).
    @Test func aValueStartingWithAByteOrderMarkLosesIt() {
        let item = Item(no: 1, slug: "a", section: "x", category: "x", item: "\u{FEFF}x", definition: "x", unit: "x", answer: "x")
        withKnownIssue("Yams drops a U+FEFF at the start of a scalar") {
            let page = try ItemPage.parse(item.pageSource, file: Self.file, language: .ja).get()
            #expect(page.item.item == item.item)
        }
    }
}
