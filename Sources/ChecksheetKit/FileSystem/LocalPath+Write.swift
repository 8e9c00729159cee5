import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, under a name `LocalPath`'s methods do not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }

extension LocalPath {
    /// Writes every byte of `contents` to the open file, through short writes and interruptions; `path` names the file
    /// in the error.
    static func writeAll(_ descriptor: Int32, _ contents: Data, path: String) throws {
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(errno: errno, path: path)
                }
                offset += written
            }
        }
    }
}
