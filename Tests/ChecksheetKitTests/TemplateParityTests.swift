import Foundation
import Testing
@testable import ChecksheetKit
import Mustache
import TestSupport

/// The compiled templates render every page to exactly the bytes swift-mustache renders from the same views:
/// the real site, every fixture site, and templates written to hit the rules where Mustache engines differ.
@Suite struct TemplateParityTests {
    static let sites = [Repository.content, Repository.fixtures + "/history", Repository.root + "/Tests/Gates/Fixtures/hostile"]

    @Test(arguments: sites)
    func everyPageIsByteIdenticalToSwiftMustache(content: String) throws {
        let loaded = ContentLoader.load(ContentSource.read(from: content))
        let sheet = try #require(loaded.sheet, "\(loaded.diagnostics)")
        let theme = try Theme.read(from: Repository.theme).get()
        let renderer = try SiteRenderer.make(sheet: sheet, theme: theme).get()
        var reference = renderer
        reference.rendersThroughReference = true
        let compiled = try renderer.render(), expected = try reference.render()
        #expect(compiled.map(\.path) == expected.map(\.path))
        #expect(compiled.count > 20)
        for (mine, theirs) in zip(compiled, expected) where mine.contents != theirs.contents {
            Issue.record("\(mine.path) differs from swift-mustache's rendering")
        }
    }

    /// Standalone lines, indentation of partials, inverted sections over empty lists, dotted and anchored names,
    /// transforms, parents with blocks, escaping of every special character and of a quote with a combining mark.
    @Test func theRulesWhereEnginesDifferGiveTheSameText() throws {
        let templates = [
            "page": "{{<frame}}\n{{$body}}\n  {{#items}}\n  <li>{{name}}{{#first()}} (first){{/first()}}</li>\n  {{/items}}\n{{^items}}none{{/items}}\n  {{>note}}\n{{/body}}\n{{/frame}}\n",
            "frame": "<main>\n{{$body}}default{{/body}}\n</main>\n{{! a comment }}\n  {{#empty(items)}}\n  empty\n  {{/empty(items)}}\n",
            "note": "<p>{{note.text}} {{{note.html}}} {{&note.html}} {{.missing}} {{count(items)}}</p>\n<p>{{#note}}{{.text}}{{/note}}</p>\n",
        ]
        var library = try MustacheLibrary(templates: [:])
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in templates {
            try library.register(text, named: name)
            compiled[name] = try CompiledTemplate(text)
        }
        let engine = ThemeTemplates(templates: compiled)
        let views: [ViewValue] = [
            .object(["items": .list([.object(["name": .text("a<b>&\"c'")]), .object(["name": .text("'\u{301}x")])]),
                     "note": .object(["text": .text("5 > 3 & 2 < 4"), "html": .text("<em>raw</em>")])]),
            .object(["items": .list([]), "note": .object(["text": .text("")])]),
            .object(["note": .flag(false)]),
        ]
        for view in views {
            #expect(engine.render(view, template: "page") == library.render(view.plain, withTemplate: "page"))
        }
    }
}

/// The encoder gives every view of the site exactly the value reflection gives it.
@Suite struct ViewValueEncoderTests {
    @Test func everyViewEncodesAsReflectionSeesIt() throws {
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: Repository.fixtures + "/history")).sheet)
        let renderer = try SiteRenderer.make(sheet: sheet, theme: try Theme.read(from: Repository.theme).get()).get()
        let current = try #require(sheet.current)
        let views: [any Encodable] = [renderer.views.chooser(current), renderer.views.notFound(.en), renderer.views.sitemap(current), renderer.views.changesView(.en),
                                      renderer.views.feedView(.ja), renderer.views.searchView(.en),
                                      renderer.views.sheetView(current, language: .ja, path: SitePath.sheet(.ja), archived: true),
                                      renderer.views.itemView(current.items.en[1], in: current, position: 1, language: .en, path: SitePath.item(current.items.en[1].slug, .en), archived: false)]
        for view in views {
            #expect(try ViewValueEncoder.encode(view) == ViewValue(reflecting: view), "\(type(of: view))")
        }
    }
}
