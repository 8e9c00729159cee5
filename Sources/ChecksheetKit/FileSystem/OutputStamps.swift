import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each file of an output folder as `build` left it: inode, size and modification time, recorded after the folder
/// was written and kept in the user's cache folder (never in the output, whose bytes stay the same for the same
/// inputs). A later build trusts a file whose stamp is unchanged without reading it, as `make` and `rsync` trust
/// theirs; any other file is read and hashed against the marker as before.
public struct OutputStamps: Sendable, Equatable {
    /// The stamp of the marker the stamps were taken with: they describe that build's files only, and a later build
    /// tells so with one `stat` instead of reading and hashing the marker.
    var marker: String
    /// By path inside the folder.
    var stamps: [String: String]

    /// The folder's files as they stand now, as its marker lists them; nil without a marker.
    public static func record(_ folder: String) -> OutputStamps? {
        let markerPath = folder + "/" + OutputManifest.fileName
        guard let marker = stamp(of: markerPath), let bytes = LocalPath.contents(of: markerPath),
              let manifest = OutputManifest.decode(bytes) else { return nil }
        let stamps = manifest.files.parallelMap { stamp(of: folder + "/" + $0) }
        var byPath: [String: String] = [:]
        for (path, stamp) in zip(manifest.files, stamps) { byPath[path] = stamp }
        return OutputStamps(marker: marker, stamps: byPath)
    }

    /// `inode-size-seconds.nanoseconds` of the file at `path`; nil when there is none.
    static func stamp(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let identity = FileIdentity(info)
        return "\(identity.inode)-\(identity.size)-\(identity.seconds).\(identity.nanoseconds)"
    }

    /// Whether the stamps were taken with the marker `folder` holds now.
    func describe(_ folder: String) -> Bool {
        Self.stamp(of: folder + "/" + OutputManifest.fileName) == marker
    }

    /// Whether the file at `path` inside `folder` is the one written, by its stamp alone.
    func unchanged(_ path: String, in folder: String) -> Bool {
        guard let stamp = stamps[path] else { return false }
        return stamp == Self.stamp(of: folder + "/" + path)
    }

    /// Where `build` keeps the stamps of an output folder, beside the pages it parsed.
    public static func cacheFile(forOutput output: String) -> String? {
        CacheFolder.file("stamps", for: output)
    }

    /// Replaces the cache file in one rename; stamps that cannot be written are no error.
    public func write(cacheFile: String) {
        CacheFolder.write(encoded, to: cacheFile)
    }

    /// One line per file, `path\tstamp`, after the marker's stamp.
    public var encoded: Data {
        var text = "checksheet-stamps 2\n\(marker)\n"
        for path in stamps.keys.sorted() { text += path + "\t" + stamps[path]! + "\n" }
        return Data(text.utf8)
    }

    public static func decode(_ data: Data) -> OutputStamps? {
        // Split on bytes: paths and stamps are ASCII-safe UTF-8 with no newline or tab, and splitting Characters
        // cost more than the stat calls the stamps spare.
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard lines.count >= 2, String(decoding: lines[0], as: UTF8.self) == "checksheet-stamps 2" else { return nil }
        var stamps: [String: String] = [:]
        stamps.reserveCapacity(lines.count)
        for line in lines.dropFirst(2) {
            guard let tab = line.firstIndex(of: 0x09) else { return nil }
            stamps[String(decoding: line[..<tab], as: UTF8.self)] = String(decoding: line[(tab + 1)...], as: UTF8.self)
        }
        return OutputStamps(marker: String(decoding: lines[1], as: UTF8.self), stamps: stamps)
    }
}
