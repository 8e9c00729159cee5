import Mustache
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

/// A build takes a template our parser accepts without asking swift-mustache: ours must accept nothing it refuses.
@Suite struct TemplateAcceptanceTests {
    @Test func everyTemplateOurParserAcceptsSwiftMustacheAcceptsToo() throws {
        let pieces = ["{{", "}}", "{{x}}", "{{ x }}", "{{#a}}", "{{/a}}", "{{^a}}", "{{/b}}", "{{>p}}", "{{{x}}}", "{{{x}}", "{{&x}}",
                      "{{!c}}", "{{<f}}", "{{$b}}", "{{/f}}", "{{/$b}}", "{{x", "t\n", "{{#a()}}", "{{/a()}}", "{{.}}", "{{=<% %>=}}", "{{#}}"]
        var checked = 0, accepted = 0
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + third
                    checked += 1
                    guard (try? CompiledTemplate(text)) != nil else { continue }
                    accepted += 1
                    var library = try MustacheLibrary(templates: [:])
                    #expect(throws: Never.self, "\(text.debugDescription)") { try library.register(text, named: "t") }
                }
            }
        }
        // The corpus holds templates of both kinds, or the test would prove nothing.
        #expect(checked == pieces.count * pieces.count * pieces.count && accepted > 1000 && accepted < checked)
    }
}

private extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
