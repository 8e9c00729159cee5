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

    public init(files: [String]) {
        generator = Self.generatorName
        version = 1
        self.files = files.sorted()
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
