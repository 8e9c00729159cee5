import Testing
@testable import ChecksheetKit
import TestSupport

/// A build parses the theme's templates once, with our parser; swift-mustache reads them only to render through it.
@Suite struct PageRendererTests {
    @Test func swiftMustacheReadsTheTemplatesOnlyWhenRenderingThroughIt() throws {
        let renderer = try PageRenderer.make(Theme.read(from: Repository.theme).get()).get()
        #expect(renderer.library == nil)
        var reference = renderer
        reference.throughReference = true
        #expect(reference.library != nil)
    }

    @Test func aTemplateBothParsersRefuseIsReportedAsSwiftMustacheSaysIt() throws {
        var theme = try Theme.read(from: Repository.theme).get()
        theme.templates["robots"] = "User-agent: *\n{{#open}}\n"
        let problems = try #require(PageRenderer.make(theme).failure).diagnostics.map(\.formatted)
        #expect(problems.map { $0.replacingOccurrences(of: Repository.theme, with: "Site") } == ["Site/templates/robots.mustache:3:1: error: invalid template: expectedSectionEnd\n  hint: near ``"])
    }
}

private extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
