import Testing
@testable import ChecksheetKit
import TestSupport

/// Every view of every page of the sites makes itself into the value the `Encodable` encoder and reflection make of
/// it: a field added to a view and not to its `viewValue` fails here.
@Suite struct ViewValueRepresentableTests {
    @Test(arguments: [Repository.content, Repository.fixtures + "/history", Repository.root + "/Tests/Gates/Fixtures/hostile"])
    func everyPageViewMakesTheValueItsEncodingGives(content: String) throws {
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: content)).sheet)
        let renderer = try SiteRenderer.make(sheet: sheet, theme: try Theme.read(from: Repository.theme).get()).get()
        var representable = 0
        for page in renderer.plan.pages where page.kind.template != nil {
            let view = renderer.views.view(of: page.kind)
            let encoded = try ViewValueEncoder.encodeThroughCodable(view)
            #expect(encoded == ViewValue(reflecting: view), "\(page.path)")
            if let view = view as? any ViewValueRepresentable {
                #expect(view.viewValue == encoded, "\(page.path)")
                representable += 1
            }
            #expect(try ViewValueEncoder.encode(view) == encoded, "\(page.path)")
        }
        #expect(representable > 20)
    }
}
