import Foundation

/// A file a stage produces, by its path relative to the folder it will be written into.
public struct OutputFile: Sendable, Equatable {
    /// `/`-separated, relative, never starting with `/` or containing `..`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
