import ChecksheetKit
import Foundation

/// Prints diagnostics to standard error, followed by a count, as compilers do.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map(\.formatted).joined(separator: "\n") + "\n"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var summary: [String] = []
        if errors > 0 { summary.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { summary.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        text += summary.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
