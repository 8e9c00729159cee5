import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// The order pages are made in, which decides how busy every core stays: pages that read a whole revision first, pages
/// that wait for another page's work last, and every page exactly once whatever the batch size.
@Suite struct RenderOrderTests {
    @Test func wholeRevisionPagesComeFirstAndTheSearchScriptsLast() throws {
        let loaded = ContentLoader.load(ContentSource.read(from: Repository.fixtures + "/history"))
        let sheet = try #require(loaded.sheet, "\(loaded.diagnostics)")
        let renderer = try SiteRenderer.make(sheet: sheet, theme: try Theme.read(from: Repository.theme).get()).get()
        var batches: [[String]] = []
        try renderer.render(inBatchesOf: 16) { batches.append($0.map(\.path)) }
        let kinds = Dictionary(uniqueKeysWithValues: renderer.plan.pages.map { ($0.path, $0.kind) })
        // The theme's assets and the hosting headers come after the pages, in a batch of their own.
        let pages = batches.dropLast().flatMap { $0 }
        #expect(pages.count == kinds.count && Set(pages) == Set(kinds.keys))
        let whole = pages.prefix { kinds[$0]!.readsWholeRevision }
        #expect(whole.count == kinds.values.filter(\.readsWholeRevision).count)
        #expect(Array(pages.suffix(2)) == ["ja/search-index.js", "en/search-index.js"])
        #expect(try renderer.render().map(\.path) == (pages + batches.last!).sorted())
    }
}
