/// Where an item's page is and where each of its fields stands in it.
public struct ItemSource: Sendable, Equatable {
    public var file: String
    /// 1-based line and column of each front-matter key, and of the answer's first line.
    public var positions: [Field: ItemPage.Position]

    public init(file: String, positions: [Field: ItemPage.Position]) {
        self.file = file
        self.positions = positions
    }

    /// A diagnostic pointing at `field` in this page.
    public func diagnostic(at field: Field, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        let position = positions[field] ?? ItemPage.Position(line: 1, column: 1)
        return Diagnostic(file: file, line: position.line, column: position.column, severity: severity, message: message, hint: hint)
    }
}
