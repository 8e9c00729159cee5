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

/// What tells one version of a file from another without reading it: device, inode, size, modification and change
/// times to the nanosecond. A marker is always replaced through a rename, so a new marker is a new inode too.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    /// The change time, which no one can set: a file rewritten in place to the same size, its modification time put
    /// back (`touch -r`, `cp -p` over it, `rsync -t` updating in place), still differs in it.
    var changeSeconds: Int
    var changeNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = info.st_mtimespec.tv_sec
        nanoseconds = info.st_mtimespec.tv_nsec
        changeSeconds = info.st_ctimespec.tv_sec
        changeNanoseconds = info.st_ctimespec.tv_nsec
        #else
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        changeSeconds = info.st_ctim.tv_sec
        changeNanoseconds = info.st_ctim.tv_nsec
        #endif
    }
}
