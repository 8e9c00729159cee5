import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last output marker decoded, with the identity of the file it came from (see `OutputManifest.read(in:)`).
final class OutputManifestMemo: @unchecked Sendable {
    static let shared = OutputManifestMemo()

    private let lock = NSLock()
    private var last: (path: String, identity: FileIdentity, manifest: OutputManifest?)?

    func manifest(at path: String, identity: FileIdentity) -> OutputManifest?? {
        lock.lock()
        defer { lock.unlock() }
        guard let last, last.path == path, last.identity == identity else { return nil }
        return .some(last.manifest)
    }

    func remember(_ manifest: OutputManifest?, at path: String, identity: FileIdentity) {
        lock.lock()
        defer { lock.unlock() }
        last = (path, identity, manifest)
    }
}

/// What tells one version of a file from another without reading it: its device, and its stamp (inode, size,
/// modification and change times to the nanosecond). A marker is always replaced through a rename, so a new marker is a
/// new inode too.
struct FileIdentity: Equatable {
    var device: UInt64
    var stamp: FileStamp

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        stamp = FileStamp(info)
    }
}
