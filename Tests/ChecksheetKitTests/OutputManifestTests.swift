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
            // ASCII paths only, written in the files' own order without sorting the pages again.
            OutputManifest(of: files.filter { $0.path.utf8.allSatisfy { $0 < 0x80 } }, inputs: "x"),
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

    /// The stamps kept in the user's cache carry the marker they were taken with, so that a rebuild knows it without
    /// decoding its JSON: read back, they give the same marker, warnings of several lines and a file that was
    /// missing when the stamps were taken included.
    @Test func stampsCarryTheMarkerThroughTheirCacheFile() throws {
        let files = ["index.html", "ja/日本/index.html", "e\u{301}/y", "_headers"].enumerated().map { index, path in
            OutputFile(path: path, contents: Data("page \(index)".utf8), fingerprint: index == 3 ? nil : "f\(index)")
        }
        let manifest = OutputManifest(of: files, inputs: "abc123", warnings: ["a.md:1:2: warning: one\n  hint: two", "", Self.awkward])
        let stamps = OutputStamps(marker: "1-2-3.4-=", stamps: ["index.html": "5-6-7.8-=", "ja/日本/index.html": "9-10-11.12-13.14", "_headers": "13-14-15.16-=",
                                                                "e\u{301}/y": "18446744073709551615-9223372036854775807-0.0-9223372036854775807.999999999"],
                                  manifest: manifest, folders: ["": "1-1-1.1-=", "ja": "2-2-2.2-=", "ja/日本": "3-3-3.3-4.4", "e\u{301}": "4-4-4.4-="])
        #expect(OutputStamps.folders(of: manifest.files) == ["", "ja", "ja/日本", "e\u{301}"])
        let decoded = try #require(OutputStamps.decode(stamps.encoded))
        #expect(decoded == stamps)
        #expect(decoded.manifest == manifest)
        #expect(decoded.manifest?.encoded == manifest.encoded)
        var noWarnings = manifest
        noWarnings.warnings = nil
        noWarnings.inputs = nil
        let plain = OutputStamps(marker: "1-2-3.4-=", stamps: ["index.html": "5-6-7.8-="], manifest: noWarnings)
        #expect(OutputStamps.decode(plain.encoded) == plain)
        let bare = OutputStamps(marker: "1-2-3.4-=", stamps: ["index.html": "5-6-7.8-="], manifest: nil)
        #expect(OutputStamps.decode(bare.encoded) == bare)
        // Cut short or of another format: no stamps, so the folder is read as without any.
        let bytes = stamps.encoded
        for cut in [bytes.count / 2, bytes.count - 4, bytes.count - 1] { #expect(OutputStamps.decode(bytes.prefix(cut)) == nil, "\(cut)") }
        #expect(OutputStamps.decode(Data("checksheet-stamps 2\nx\n".utf8)) == nil)
    }

    /// A path is safe by its bytes, as the file system splits it: `/` followed by a combining mark still separates.
    @Test func safePathsAreJudgedByTheirBytes() {
        for path in ["index.html", "a/b", "日本/x", ".well-known/x", "...", "a/..b", "e\u{301}/y"] { #expect(OutputFile.isSafePath(path), "\(path)") }
        for path in ["", "/a", "a//b", "a/", "./a", "a/..", "../\u{301}", "a/./b", "a\u{0}b"] { #expect(!OutputFile.isSafePath(path), "\(path)") }
    }

    /// The hash of a file's bytes: every single-bit change of every byte, at every length around the eight-byte steps,
    /// gives a hash of its own, and none equals another's; the digits are pinned, since markers on disk hold them.
    @Test func fileHashesTellEveryOneBitChangeApart() {
        var seen: [String: Data] = [:]
        for length in 0...33 {
            let base = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
            var variants = [base]
            for index in 0..<length {
                for bit in 0..<8 {
                    var changed = base
                    changed[index] ^= UInt8(1 << bit)
                    variants.append(changed)
                }
            }
            for data in variants {
                let hash = OutputManifest.hash(of: data)
                #expect(hash.count == 16)
                if let other = seen[hash], other != data { Issue.record("\(data as NSData) and \(other as NSData) share \(hash)") }
                seen[hash] = data
            }
        }
        #expect(OutputManifest.hash(of: Data()) == "f8bb92ce26585846")
        #expect(OutputManifest.hash(of: Data("チェックシート checksheet".utf8)) == "bdfd9b8c2578e328")
    }
}
