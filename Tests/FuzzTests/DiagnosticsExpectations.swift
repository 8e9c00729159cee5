import ChecksheetKit
import Testing

/// Checks what every reader promises for bad input: a failure that lists at least one diagnostic, each naming
/// the file, a line from 1 and a message.
func expectLocated(_ error: DiagnosticsError, in file: String, input: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!error.diagnostics.isEmpty, "a failure without diagnostics for \(input().debugDescription)", sourceLocation: sourceLocation)
    for diagnostic in error.diagnostics {
        #expect(diagnostic.file == file, "\(diagnostic.formatted) for \(input().debugDescription)", sourceLocation: sourceLocation)
        #expect(diagnostic.line >= 1, "line \(diagnostic.line): \(diagnostic.formatted) for \(input().debugDescription)", sourceLocation: sourceLocation)
        #expect(!diagnostic.message.isEmpty, "no message: \(diagnostic.formatted) for \(input().debugDescription)", sourceLocation: sourceLocation)
    }
}
