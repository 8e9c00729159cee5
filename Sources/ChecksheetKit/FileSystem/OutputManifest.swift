import Foundation

/// The record a build leaves in its output folder: proof that the folder is the tool's to replace, and the
/// list of the files it wrote, so that a later build knows which files it may delete.
public struct OutputManifest: Codable, Equatable, Sendable {
    /// The marker's name inside the output folder. A dot file: static hosts and `rsync` treat it like any file,
    /// and it says nothing the site does not already show.
    public static let fileName = ".checksheet-build.json"
    static let generatorName = "checksheet"

    /// Always "checksheet": a marker of another tool with the same name is not ours.
    public var generator: String
    public var version: Int
    /// The paths the build wrote, `/`-separated and relative to the folder, sorted.
    public var files: [String]
    /// For each file: the hash of its bytes, and for a page rendered from a template the fingerprint of its inputs,
    /// so that the next build can take an unchanged page from the folder instead of rendering it again.
    public var pages: [String: Page]?
    /// A hash of everything the build read (content, theme, options, tool): a build with the same inputs finds the
    /// folder up to date and writes nothing.
    public var inputs: String?
    /// The warnings that build printed, printed again by a build that finds the folder up to date.
    public var warnings: [String]?

    /// What a later build needs to trust a page on disk.
    public struct Page: Codable, Equatable, Sendable {
        /// `OutputFile.fingerprint`.
        public var inputs: String
        /// `ContentHash` of the bytes written.
        public var bytes: String
    }

    public init(files: [String], pages: [String: Page]? = nil) {
        generator = Self.generatorName
        version = 1
        self.files = files.sorted()
        self.pages = pages
    }

    /// The marker of a set of files: every path, and the fingerprints of the rendered ones.
    public init(of files: [OutputFile], inputs: String? = nil, warnings: [String]? = nil) {
        var pages: [String: Page] = [:]
        for file in files { pages[file.path] = Page(inputs: file.fingerprint ?? "", bytes: ContentHash(file.contents).hex) }
        self.init(files: files.map(\.path), pages: pages.isEmpty ? nil : pages)
        self.inputs = inputs
        self.warnings = warnings
    }

    /// The marker's bytes: sorted keys, one path a line, so two builds of the same site write the same marker.
    public var encoded: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// The marker read from bytes, or nil when they are not a checksheet marker.
    public static func decode(_ bytes: Data) -> OutputManifest? {
        guard let manifest = try? JSONDecoder().decode(OutputManifest.self, from: bytes), manifest.generator == generatorName,
              manifest.files.allSatisfy(OutputFile.isSafePath) else { return nil }
        return manifest
    }
}

extension OutputFile {
    /// A path that stays inside its folder: relative, no `.` or `..` component, no empty component, no NUL.
    public static func isSafePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\u{0}") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
