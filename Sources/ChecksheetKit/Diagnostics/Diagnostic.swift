/// A problem found in the content, the theme or the command line, located in a file.
public struct Diagnostic: Sendable, Equatable, Hashable, Comparable {
    /// How bad a problem is: errors stop a build, warnings are printed and the build goes on.
    public enum Severity: String, Sendable, Equatable, Hashable {
        case error
        case warning
    }

    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based, counted in Unicode scalars like libyaml does; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// The compiler-style form: `path:line:column: error: message`, then `hint: …` on its own line.
    public var formatted: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    // Sorted by place so that a run lists its problems in reading order, the same every time.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// True when any problem stops the run.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
