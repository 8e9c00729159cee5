import Foundation

/// A file a stage produces, by its path relative to the folder it will be written into.
public struct OutputFile: Sendable, Equatable {
    /// `/`-separated, relative, never starting with `/` or containing `..`.
    public var path: String
    public var contents: Data
    /// A hash of everything the file was made from (its view, the theme, the tool), when it was rendered from a
    /// template: a later build whose page has the same fingerprint may take the file as it is instead of rendering it.
    public var fingerprint: String?
    /// Set when the file is the one an earlier build left in the output folder from the same inputs, trusted by its
    /// stamp and neither read nor written again: its size, with `contents` left empty.
    public var keptSize: Int?

    public init(path: String, contents: Data, fingerprint: String? = nil) {
        self.path = path
        self.contents = contents
        self.fingerprint = fingerprint
    }

    /// The file an earlier build left in the output folder, taken as it is there (see `keptSize`).
    public init(kept path: String, size: Int, fingerprint: String) {
        self.init(path: path, contents: Data(), fingerprint: fingerprint)
        keptSize = size
    }

    /// The file's size in bytes, whether made now or kept.
    public var size: Int { keptSize ?? contents.count }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
