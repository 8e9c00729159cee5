import Foundation
import Testing
import TestSupport
@testable import ChecksheetKit

@Suite struct OutputManifestTests {
    /// The marker's bytes as `JSONEncoder` wrote them before `encoded` wrote them directly.
    static func encoderBytes(_ manifest: OutputManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(manifest) + Data("\n".utf8)
    }

    static let awkward = "say \"hi\" \\ / \u{1}\u{1F}\t\n\r\u{2028}\u{2029}\u{85}\u{FEFF} 日本語 😀 e\u{301}"

    @Test func markerBytesAreWhatJSONEncoderWrites() throws {
        let paths = ["index.html", "Z/upper.html", "a/b.html", "a-b/c.html", "a/B.html", "items/service-hours-50/index.html",
                     "items/service-hours-148/index.html", "ja/日本/index.html", "é/x", "e\u{301}/y", "_headers", ".well-known/x", "10/a", "9/a"]
        let files = paths.enumerated().map { index, path in
            OutputFile(path: path, contents: Data("page \(index)".utf8), fingerprint: index % 3 == 0 ? nil : "f\(index)")
        }
        let variants = [
            OutputManifest(of: files, inputs: "0123456789abcdef", warnings: [Self.awkward, "plain"]),
            OutputManifest(of: files),
            OutputManifest(of: files, inputs: nil, warnings: []),
            OutputManifest(files: paths),
            OutputManifest(files: []),
        ]
        for manifest in variants {
            let written = manifest.encoded
            #expect(written == (try Self.encoderBytes(manifest)), "\(String(decoding: written, as: UTF8.self))")
            #expect(OutputManifest.decode(written) == manifest)
        }
    }

    @Test func theRealSitesMarkerIsWhatJSONEncoderWrites() throws {
        let files = try #require(Repository.buildRealSite().files)
        let manifest = OutputManifest(of: files, inputs: "inputs", warnings: ["a warning"])
        #expect(manifest.encoded == (try Self.encoderBytes(manifest)))
    }

    @Test func aReplacedMarkerIsReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checksheet-marker-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(OutputManifest.read(in: folder) == nil)
        let first = OutputManifest(files: ["a.html"])
        try OutputTree.replaceFile(folder + "/" + OutputManifest.fileName, first.encoded)
        #expect(OutputManifest.read(in: folder) == first)
        #expect(OutputManifest.read(in: folder) == first)
        // Same size, new bytes: a new file through a rename, so it is decoded anew.
        let second = OutputManifest(files: ["b.html"])
        try OutputTree.replaceFile(folder + "/" + OutputManifest.fileName, second.encoded)
        #expect(OutputManifest.read(in: folder) == second)
        try OutputTree.replaceFile(folder + "/" + OutputManifest.fileName, Data("{}".utf8))
        #expect(OutputManifest.read(in: folder) == nil)
    }
}
