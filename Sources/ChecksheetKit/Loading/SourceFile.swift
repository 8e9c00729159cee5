import Foundation

/// A text file as read from disk, named by the path a person would type (used in diagnostics).
public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
