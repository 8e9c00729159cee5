import Foundation
import Mustache

/// The one place that knows the template engine: the theme's templates compiled once, and a view in, a page's text
/// out. swift-mustache reads the same templates as the reference the compiled form is proven byte-identical to
/// (`TemplateParityTests`); swapping the engine means changing this type alone.
struct PageRenderer: Sendable {
    /// The theme's template texts by name, for swift-mustache to read when it is asked for.
    let sources: [String: String]
    /// The templates as pages are rendered from them.
    let templates: ThemeTemplates
    /// swift-mustache's reading of the templates: only when rendering through the reference, since a build never
    /// uses it and parsing every template a second time cost a thirtieth of a small site's build.
    private(set) var library: MustacheLibrary?
    /// Renders through swift-mustache instead, for the proof that both give the same bytes.
    var throughReference = false {
        didSet { if throughReference, library == nil { library = try? Self.reference(sources) } }
    }

    /// Parses every template of the theme, each problem at its file, line and column. A template our parser refuses is
    /// read by swift-mustache too, whose word on it is reported when it refuses it as well.
    static func make(_ theme: Theme) -> Result<PageRenderer, DiagnosticsError> {
        var problems: [Diagnostic] = []
        var compiled: [String: CompiledTemplate] = [:]
        for name in theme.templates.keys.sorted() {
            let file = "\(theme.path)/templates/\(name).mustache"
            do {
                do {
                    compiled[name] = try CompiledTemplate(theme.templates[name]!)
                } catch {
                    var library = MustacheLibrary()
                    try library.register(theme.templates[name]!, named: name)
                    throw error
                }
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                           message: "invalid template: \(error.error)", hint: "near `\(error.context.line.trimmingCharacters(in: .whitespaces))`"))
            } catch let error as CompiledTemplate.ParseError {
                problems.append(Diagnostic(file: file, line: error.line, column: error.column, message: "invalid template: \(error.message)",
                                           hint: "theme templates use Mustache tags with the standard {{ }} delimiters"))
            } catch {
                problems.append(Diagnostic(file: file, message: "invalid template: \(error)"))
            }
        }
        return problems.isEmpty ? .success(PageRenderer(sources: theme.templates, templates: ThemeTemplates(templates: compiled)))
                                : .failure(DiagnosticsError(problems))
    }

    /// swift-mustache's library of the templates (all of which our parser read, so it reads them too).
    static func reference(_ sources: [String: String]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in sources.keys.sorted() { try library.register(sources[name]!, named: name) }
        return library
    }

    /// The page's text; nil when the theme has no such template.
    func render(_ view: some Encodable, template: String) throws -> String? {
        let value = try ViewValueEncoder.encode(view)
        guard throughReference else { return templates.render(value, template: template) }
        return try (library ?? Self.reference(sources)).render(value.plain, withTemplate: template)
    }
}
