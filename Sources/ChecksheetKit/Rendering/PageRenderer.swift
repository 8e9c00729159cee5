import Foundation
import Mustache

/// The one place that knows the template engine: the theme's templates compiled once, and a view in, a page's text
/// out. swift-mustache reads the same templates as the reference the compiled form is proven byte-identical to
/// (`TemplateParityTests`); swapping the engine means changing this type alone.
struct PageRenderer: Sendable {
    /// swift-mustache's reading of the templates.
    let library: MustacheLibrary
    /// The templates as pages are rendered from them.
    let templates: ThemeTemplates
    /// Renders through swift-mustache instead, for the proof that both give the same bytes.
    var throughReference = false

    /// Parses every template of the theme, both ways, each problem at its file, line and column.
    static func make(_ theme: Theme) -> Result<PageRenderer, DiagnosticsError> {
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for name in theme.templates.keys.sorted() {
            let file = "\(theme.path)/templates/\(name).mustache"
            do {
                try library.register(theme.templates[name]!, named: name)
                compiled[name] = try CompiledTemplate(theme.templates[name]!)
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
        return problems.isEmpty ? .success(PageRenderer(library: library, templates: ThemeTemplates(templates: compiled)))
                                : .failure(DiagnosticsError(problems))
    }

    /// The page's text; nil when the theme has no such template.
    func render(_ view: some Encodable, template: String) throws -> String? {
        let value = try ViewValueEncoder.encode(view)
        return throughReference ? library.render(value.plain, withTemplate: template) : templates.render(value, template: template)
    }
}
