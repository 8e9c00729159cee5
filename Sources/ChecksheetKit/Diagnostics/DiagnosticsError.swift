/// Thrown when a run found problems; carries all of them, not just the first.
public struct DiagnosticsError: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
}
