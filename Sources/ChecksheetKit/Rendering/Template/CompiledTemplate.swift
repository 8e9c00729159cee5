/// A theme template parsed once into a tree that renders without reflection or dynamic casts.
///
/// The parse follows swift-mustache 2.1.1's parser rule for rule (standalone lines, whitespace before tags,
/// inheritance with `{{<parent}}` and `{{$block}}`, transforms such as `empty(list)`), so that a page renders
/// to the same bytes as through swift-mustache; `TemplateParityTests` compares every page of the site.
struct CompiledTemplate: Sendable {
    /// One piece of a template.
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, body: [Node])
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` in a parent template.
        case block(String, defaults: [Node], indentation: String)
        /// `{{$name}}…{{/name}}` inside `{{<parent}}`: replaces the parent's block.
        case blockDefinition(String, body: [Node])
    }

    /// A name as written in a tag: its dotted path and the transforms around it, outermost first. A class, so that a
    /// page's thousands of lookups share it instead of copying its strings and lists out of the tree each time.
    final class Name: Sendable, Equatable {
        let text: String
        /// `["."]` for the current value; a name written `.x` is looked up on the current value only.
        let path: [String]
        let transforms: [String]
        let line: Int
        let column: Int
        /// `{{.}}`: the current value. Worked out once here, not at each of a page's lookups.
        let isCurrent: Bool
        /// `{{.x}}`: a name looked up on the current value only.
        let isAnchored: Bool

        init(text: String, path: [String], transforms: [String], line: Int, column: Int) {
            self.text = text
            self.path = path
            self.transforms = transforms
            self.line = line
            self.column = column
            isCurrent = path == ["."]
            isAnchored = text.first == "." && text != "."
        }

        static func == (left: Name, right: Name) -> Bool {
            (left.text, left.path, left.transforms, left.line, left.column) == (right.text, right.path, right.transforms, right.line, right.column)
        }
    }

    /// Why a template could not be parsed, and where.
    struct ParseError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    var nodes: [Node]

    init(_ text: String) throws {
        var parser = Cursor(Array(text))
        nodes = try Self.parse(&parser, state: State())
    }

    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: [Character]?

        func withSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// The characters of a template and a position in them, with the line and column for errors.
    struct Cursor {
        let characters: [Character]
        var position = 0
        /// Where each line starts: found once, so that placing a tag does not count the lines before it again.
        let lineStarts: [Int]

        init(_ characters: [Character]) {
            self.characters = characters
            var starts = [0]
            for (index, character) in characters.enumerated() where character.isNewline { starts.append(index + 1) }
            lineStarts = starts
        }

        var atEnd: Bool { position >= characters.count }
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func advance() { position += 1 }

        @discardableResult
        mutating func read(while predicate: (Character) -> Bool) -> [Character] {
            let start = position
            while !atEnd, predicate(characters[position]) { position += 1 }
            return Array(characters[start..<position])
        }

        mutating func read(_ string: String) -> Bool {
            var index = position
            for character in string {
                guard index < characters.count, characters[index] == character else { return false }
                index += 1
            }
            position = index
            return true
        }

        /// The 1-based line and column of a position: the lines that start at or before it, and its distance from the last.
        func place(_ at: Int? = nil) -> (line: Int, column: Int) {
            let offset = min(at ?? position, characters.count)
            var low = 0, high = lineStarts.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }

        func error(_ message: String, at: Int? = nil) -> ParseError {
            let (line, column) = place(at)
            return ParseError(message: message, line: line, column: column)
        }
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let nameCharactersWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func parse(_ parser: inout Cursor, state initial: State) throws -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !parser.atEnd {
            if state.newLine {
                let whiteSpace = parser.read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline(&parser)
            if !parser.atEnd, parser.current.isNewline {
                nodes.append(.text(String(whiteSpaceBefore + text + [parser.current])))
                state.newLine = true
                parser.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if parser.atEnd { break }
            let tagStart = parser.position - 2
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            }
            switch parser.current {
            case "#", "^":
                let inverted = parser.current == "^"
                parser.advance()
                let name = try parseName(&parser, tagStart: tagStart)
                if isStandalone(&parser, state: state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(&parser, state: state.withSection(name.text, newLine: setNewLine, transforms: name.transforms))
                nodes.append(.section(name, inverted: inverted, body: body))
            case "/":
                parser.advance()
                let position = parser.position
                let name = try parseName(&parser, tagStart: tagStart)
                guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                    throw parser.error(state.sectionName.map { "'{{/\(name.text)}}' closes no open section; the open one is '\($0)'" } ?? "'{{/\(name.text)}}' closes no open section", at: position)
                }
                if isStandalone(&parser, state: state) { setNewLine = true } else { flushWhiteSpace() }
                _ = setNewLine
                return nodes
            case "!":
                parser.advance()
                while !parser.atEnd, !parser.read("}}") { parser.advance() }
                setNewLine = isStandalone(&parser, state: state)
            case "{":
                flushWhiteSpace()
                parser.advance()
                let name = try parseName(&parser, tagStart: tagStart)
                guard parser.read("}") else { throw parser.error("'{{{' is not closed by '}}}'") }
                nodes.append(.variable(name, escaped: false))
            case "&":
                flushWhiteSpace()
                parser.advance()
                nodes.append(.variable(try parseName(&parser, tagStart: tagStart), escaped: false))
            case ">":
                parser.advance()
                parser.read { $0.isWhitespace }
                guard parser.current != "*" else { throw parser.error("dynamic partials ({{>*name}}) are not supported") }
                let name = try parsePartialName(&parser)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []
            case "<":
                parser.advance()
                parser.read { $0.isWhitespace }
                let name = try parsePartialName(&parser)
                guard name.first != "*" else { throw parser.error("dynamic parents ({{<*name}}) are not supported") }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(&parser, state: state) { setNewLine = true }
                let body = try parse(&parser, state: state.withInheritancePartial(name))
                var overrides: [String: [Node]] = [:]
                for node in body {
                    switch node {
                    case let .blockDefinition(block, body): overrides[block] = body
                    case .text: break
                    default: throw parser.error("inside {{<\(name)}} only {{$block}} definitions may stand", at: tagStart)
                    }
                }
                nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                parser.advance()
                let name = try parseName(&parser, tagStart: tagStart)
                guard name.transforms.isEmpty else { throw parser.error("a block cannot have a transform", at: tagStart) }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) { setNewLine = true }
                    let body = try parse(&parser, state: state.withSection(name.text, newLine: setNewLine))
                    nodes.append(.blockDefinition(name.text, body: body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(&parser, state: state) { setNewLine = true }
                    let body = try parse(&parser, state: state.withSection(name.text, newLine: setNewLine))
                    nodes.append(.block(name.text, defaults: body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            case "=", "%":
                throw parser.error("delimiter changes and {{% settings }} are not supported in theme templates", at: tagStart)
            default:
                flushWhiteSpace()
                nodes.append(.variable(try parseName(&parser, tagStart: tagStart), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw parser.error("'{{#\(open)}}' is never closed: expected '{{/\(open)}}'") }
        return nodes
    }

    /// Text up to the next `{{` (consumed) or line end (not consumed).
    static func readUntilTagOrNewline(_ parser: inout Cursor) -> [Character] {
        var text: [Character] = []
        while !parser.atEnd {
            text += parser.read { !$0.isNewline && $0 != "{" }
            if parser.atEnd || parser.current.isNewline { break }
            if parser.read("{{") { break }
            text.append("{")
            parser.advance()
        }
        return text
    }

    static func parseName(_ parser: inout Cursor, tagStart: Int) throws -> Name {
        parser.read { $0.isWhitespace }
        let text = String(parser.read { nameCharacters.contains($0) })
        parser.read { $0.isWhitespace }
        guard parser.read("}}") else { throw parser.error("the tag is not closed by '}}', or its name holds a character a name cannot have", at: tagStart) }
        let (line, column) = parser.place(tagStart)
        var transforms: [String] = []
        var name = Substring(text)
        // `empty(list)`, `first(reversed(list))`: transforms outermost first, the name innermost.
        while let open = name.firstIndex(of: "(") {
            guard name.hasSuffix(")") else { throw parser.error("'\(text)' is not a name or a transform of one", at: tagStart) }
            transforms.append(String(name[..<open]))
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        guard !name.contains(")") else { throw parser.error("'\(text)' is not a name or a transform of one", at: tagStart) }
        let path = name == "." ? ["."] : name.split(separator: ".").map(String.init)
        return Name(text: String(name), path: path, transforms: transforms, line: line, column: column)
    }

    static func parsePartialName(_ parser: inout Cursor) throws -> String {
        parser.read { $0.isWhitespace }
        let text = String(parser.read { partialNameCharacters.contains($0) })
        parser.read { $0.isWhitespace }
        guard parser.read("}}") else { throw parser.error("the partial's tag is not closed by '}}'") }
        return text
    }

    /// A tag alone on its line (only spaces and tabs around it): the line, with its line end, is not output.
    static func isStandalone(_ parser: inout Cursor, state: State) -> Bool {
        guard state.newLine else { return false }
        if parser.atEnd { return true }
        var probe = parser
        probe.read { $0 == " " || $0 == "\t" }
        if !probe.atEnd, probe.current.isNewline {
            probe.advance()
            parser.position = probe.position
            return true
        }
        return false
    }
}
