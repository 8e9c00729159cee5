/// The theme's templates, compiled once, rendering views to text the way swift-mustache 2.1.1 does (HTML
/// escaping of `< > & " '`, the context stack, sections over lists, flags and objects, partials with their
/// indentation, parents and blocks, the transforms `empty`, `count`, `first`, `last`, `reversed`), but from
/// `ViewValue`s: no reflection, no dynamic casts, escaping in one pass over UTF-8 where nothing needs it.
struct ThemeTemplates: Sendable {
    var templates: [String: CompiledTemplate]

    /// The rendered text, or nil when there is no template of that name.
    func render(_ view: ViewValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(16_384)
        var context = Context(stack: [view])
        render(template.nodes, &context, into: &output)
        return output
    }

    /// What a tag is rendered in. One context serves a whole page: a section pushes its value and pops it after, a
    /// partial sets its indentation and blocks and puts them back, so that no list element copies the stack (at
    /// 10,000 items, copying it per row of the sheet was a fifth of the templates' time).
    struct Context {
        var stack: [ViewValue]
        var sequence: Sequence?
        var indentation: String?
        var inherited: [String: [CompiledTemplate.Node]]?

        struct Sequence {
            var first: Bool
            var last: Bool
            var index: Int
        }

        /// Runs `body` with `value` on top of the stack and the place in the list being rendered, then takes them off.
        mutating func with(_ value: ViewValue, sequence: Sequence? = nil, _ body: (inout Context) -> Void) {
            let outer = self.sequence
            stack.append(value)
            self.sequence = sequence
            body(&self)
            stack.removeLast()
            self.sequence = outer
        }

        /// Runs `body` inside a partial: its indentation added, the blocks it overrides over the outer ones.
        mutating func inPartial(indented: String?, inheriting: [String: [CompiledTemplate.Node]]?, _ body: (inout Context) -> Void) {
            let outer = (indentation, inherited, sequence)
            if let indented { indentation = (indentation ?? "") + indented }
            if let inheriting {
                inherited = inherited.map { $0.merging(inheriting) { outer, _ in outer } } ?? inheriting
            }
            sequence = nil
            body(&self)
            (indentation, inherited, sequence) = outer
        }

        /// Runs `body` for a block's expansion: its indentation added.
        mutating func inBlock(indented: String?, _ body: (inout Context) -> Void) {
            let outer = (indentation, sequence)
            if let indented { indentation = (indentation ?? "") + indented }
            sequence = nil
            body(&self)
            (indentation, sequence) = outer
        }
    }

    func render(_ nodes: [CompiledTemplate.Node], _ context: inout Context, into output: inout String) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &context, into: &output) }
            return
        }
        // As swift-mustache: each piece that starts a new line of this template's own output gets the indentation.
        var local = ""
        for node in nodes {
            var piece = ""
            render(node, &context, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        output += local
    }

    func render(_ node: CompiledTemplate.Node, _ context: inout Context, into output: inout String) {
        switch node {
        case let .text(text):
            output += text
        case let .variable(name, escaped):
            guard let value = lookup(name, in: context) else { return }
            let text: String
            switch value {
            case let .text(string): text = string
            case let .number(number): text = String(number)
            case let .decimal(decimal): text = String(describing: decimal)
            case let .flag(flag): text = flag ? "true" : "false"
            case .list, .object: text = String(describing: value.plain)
            }
            if escaped { Self.appendEscaped(text, to: &output) } else { output += text }
        case let .section(name, inverted, body):
            let value = lookup(name, in: context)
            if inverted {
                switch value {
                case let .list(values) where values.isEmpty: context.with(.list(values)) { render(body, &$0, into: &output) }
                case .flag(false), nil: render(body, &context, into: &output)
                default: break
                }
                return
            }
            switch value {
            case let .list(values):
                for (index, element) in values.enumerated() {
                    let sequence = Context.Sequence(first: index == 0, last: index == values.count - 1, index: index)
                    context.with(element, sequence: sequence) { render(body, &$0, into: &output) }
                }
            case let .flag(flag):
                if flag { render(body, &context, into: &output) }
            case let .some(value):
                context.with(value) { render(body, &$0, into: &output) }
            case nil:
                break
            }
        case let .partial(name, indentation, overrides):
            guard let template = templates[name] else { return }
            context.inPartial(indented: indentation, inheriting: overrides) { render(template.nodes, &$0, into: &output) }
        case let .block(name, defaults, indentation):
            let nodes = context.inherited?[name] ?? defaults
            context.inBlock(indented: indentation) { render(nodes, &$0, into: &output) }
        case .blockDefinition:
            break
        }
    }

    /// The value a name stands for: the first object up the stack that has the name's first part, then the
    /// rest of the path from there; then the transforms, innermost first.
    func lookup(_ name: CompiledTemplate.Name, in context: Context) -> ViewValue? {
        var value: ViewValue?
        if name.isCurrent {
            value = context.stack.last
        } else if name.path.isEmpty {
            // `{{#first()}}` and the like ask about the place in the list being rendered.
            guard let sequence = context.sequence, let transform = name.transforms.last else { return nil }
            switch transform {
            case "first": value = .flag(sequence.first)
            case "last": value = .flag(sequence.last)
            case "index": value = .number(sequence.index)
            case "even": value = .flag(sequence.index % 2 == 0)
            case "odd": value = .flag(sequence.index % 2 == 1)
            default: return nil
            }
            return value
        } else if name.isAnchored {
            value = context.stack.last
            for part in name.path { value = value?[part] }
        } else {
            for object in context.stack.reversed() {
                if let found = object[name.path[0]] {
                    value = found
                    for part in name.path.dropFirst() { value = value?[part] }
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = Self.transform(result, transform) else { return nil }
            result = transformed
        }
        return result
    }

    static func transform(_ value: ViewValue, _ name: String) -> ViewValue? {
        switch (value, name) {
        case let (.list(values), "empty"): return .flag(values.isEmpty)
        case let (.list(values), "count"): return .number(values.count)
        case let (.list(values), "first"): return values.first
        case let (.list(values), "last"): return values.last
        case let (.list(values), "reversed"): return .list(values.reversed())
        case let (.object(fields), "empty"): return .flag(fields.isEmpty)
        case let (.object(fields), "count"): return .number(fields.count)
        case let (.text(text), "empty"): return .flag(text.isEmpty)
        case let (.text(text), "lowercased"): return .text(text.lowercased())
        case let (.text(text), "uppercased"): return .text(text.uppercased())
        case let (.text(text), "capitalized"): return .text(text.capitalized)
        case let (.text(text), "reversed"): return .text(String(text.reversed()))
        default: return nil
        }
    }

    /// swift-mustache's HTML escaping: `<`, `>`, `&`, `"` and `'` as whole characters, which is the site's
    /// `htmlEscaped` (byte by byte where no mark can join a special character, else character by character).
    static func appendEscaped(_ text: String, to output: inout String) {
        output += text.htmlEscaped
    }
}
