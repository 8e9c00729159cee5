import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// `OutputManifest.hash(of:)` of the bytes written.
        public var bytes: String
    }

    public init(files: [String], pages: [String: Page]? = nil) {
        generator = Self.generatorName
        version = 1
        // Lists written by a build come sorted: checked in one pass, sorted only when they are not.
        self.files = zip(files, files.dropFirst()).allSatisfy { $0 < $1 } ? files : files.sorted()
        self.pages = pages
    }

    /// The marker of a set of files: every path, and the fingerprints of the rendered ones.
    /// A file whose fingerprint `previous` lists for its path is not hashed again: the same inputs gave the same bytes.
    public init(of files: [OutputFile], inputs: String? = nil, warnings: [String]? = nil, previous: OutputManifest? = nil) {
        // The bytes of every other file are hashed, on all cores.
        let known = previous?.pages ?? [:]
        let hashes = files.parallelMap { file -> String in
            if let fingerprint = file.fingerprint, let page = known[file.path], page.inputs == fingerprint { return page.bytes }
            return Self.hash(of: file.contents)
        }
        var pages: [String: Page] = [:]
        pages.reserveCapacity(files.count)
        for (file, hash) in zip(files, hashes) { pages[file.path] = Page(inputs: file.fingerprint ?? "", bytes: hash) }
        self.init(files: files.map(\.path), pages: pages.isEmpty ? nil : pages)
        self.inputs = inputs
        self.warnings = warnings
    }

    /// The hash the marker records of a file's bytes: 64 bits, sixteen hexadecimal digits. It takes eight bytes a
    /// step where `ContentHash` takes one, as a large site hashes hundreds of megabytes of pages on every clean build;
    /// the multiply and the shift carry every byte into every bit of the result. Tells versions of a file apart; not
    /// for anything an adversary chooses to collide.
    static func hash(of data: Data) -> String {
        let value = data.withUnsafeBytes { raw -> UInt64 in
            var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            func mix(_ word: UInt64) {
                value = (value ^ word) &* 0x9e37_79b9_7f4a_7c15
                value ^= value >> 29
            }
            var offset = 0
            while offset + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var last: UInt64 = 0
            for (shift, byte) in raw[offset...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
            mix(last)
            return value
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The marker's bytes: sorted keys, one path a line, so two builds of the same site write the same marker.
    ///
    /// Written directly, in the bytes `JSONEncoder` gives with sorted keys, pretty printing and unescaped slashes
    /// (`OutputManifestTests` holds the two side by side): thousands of pages made the encoder a visible part of a build.
    public var encoded: Data {
        var out = JSONText()
        out.bytes.reserveCapacity(files.count * 120 + 256)
        func key(_ name: String, indent: String = "  ") {
            out.raw(indent)
            out.string(name, escapingLineSeparators: false)
            out.raw(" : ")
        }
        func strings(_ values: [String]) {
            out.raw("[\n")
            for (index, value) in values.enumerated() {
                out.raw(index > 0 ? ",\n    " : "    ")
                out.string(value, escapingLineSeparators: false)
            }
            out.raw("\n  ]")
        }
        out.raw("{\n")
        key("files")
        strings(files)
        out.raw(",\n")
        key("generator")
        out.string(generator, escapingLineSeparators: false)
        if let inputs {
            out.raw(",\n")
            key("inputs")
            out.string(inputs, escapingLineSeparators: false)
        }
        if let pages {
            out.raw(",\n")
            key("pages")
            out.raw("{\n")
            // The files are sorted already, and for ASCII paths (every page's) String order is the bytes' order.
            let ordered = pages.count == files.count && files.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } && pages[$0] != nil })
                ? files : pages.keys.sorted(by: Self.keyOrder)
            for (index, path) in ordered.enumerated() {
                let page = pages[path]!
                if index > 0 { out.raw(",\n") }
                key(path, indent: "    ")
                out.raw("{\n")
                key("bytes", indent: "      ")
                out.string(page.bytes, escapingLineSeparators: false)
                out.raw(",\n")
                key("inputs", indent: "      ")
                out.string(page.inputs, escapingLineSeparators: false)
                out.raw("\n    }")
            }
            out.raw("\n  }")
        }
        out.raw(",\n")
        key("version")
        out.integer(version)
        if let warnings {
            out.raw(",\n")
            key("warnings")
            strings(warnings)
        }
        out.raw("\n}\n")
        return Data(out.bytes)
    }

    /// The order `JSONEncoder`'s `.sortedKeys` gives: UTF-8 bytes (`e` + U+0301 before `é`, unlike String's `<`).
    static func keyOrder(_ a: String, _ b: String) -> Bool { a.precedesInBytes(b) }

    /// The marker read from bytes, or nil when they are not a checksheet marker.
    public static func decode(_ bytes: Data) -> OutputManifest? {
        guard let manifest = try? JSONDecoder().decode(OutputManifest.self, from: bytes), manifest.generator == generatorName,
              manifest.files.allSatisfy(OutputFile.isSafePath) else { return nil }
        return manifest
    }

    /// The marker in `folder`, or nil when it has none or not ours. A build asks for it several times (to check the
    /// folder, to reuse its pages, to replace it): while the file is the same one, unchanged, it is decoded once.
    static func read(in folder: String) -> OutputManifest? {
        let path = folder + "/" + fileName
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let identity = FileIdentity(info)
        if let known = OutputManifestMemo.shared.manifest(at: path, identity: identity) { return known }
        let manifest = FileManager.default.contents(atPath: path).flatMap(decode)
        // Remembered only when the file did not change while it was read.
        var after = stat()
        if stat(path, &after) == 0, FileIdentity(after) == identity { OutputManifestMemo.shared.remember(manifest, at: path, identity: identity) }
        return manifest
    }
}

extension OutputManifest {
    /// Tells `read(in:)` the marker just written into `folder`, so that reading it back costs one `stat`.
    func remember(in folder: String) {
        let path = folder + "/" + Self.fileName
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        OutputManifestMemo.shared.remember(self, at: path, identity: FileIdentity(info))
    }
}

extension OutputFile {
    /// A path that stays inside its folder: relative, no `.` or `..` component, no empty component, no NUL.
    /// Checked on the UTF-8 bytes, as the file system splits a path: a `/` followed by a combining mark is a
    /// separator there although it is no `Character` of its own.
    /// One pass over the bytes, nothing allocated: every file of every build is checked.
    public static func isSafePath(_ path: String) -> Bool {
        var length = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "/"):
                // A component ends: empty (also a leading `/`), `.` or `..` escapes or confuses.
                guard length > 0, !(length <= 2 && dots == length) else { return false }
                length = 0
                dots = 0
            default:
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(length <= 2 && dots == length)
    }
}
