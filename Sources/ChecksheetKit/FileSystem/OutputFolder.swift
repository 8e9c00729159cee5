import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a set of files as a whole folder, replacing what was there only once everything is written.
///
/// The new tree is built in a hidden sibling folder, then swapped in with one atomic exchange of the two
/// names (`renameat2(RENAME_EXCHANGE)`), so readers and a failed run never see a half-written site.
public enum OutputFolder {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write the output: \(reason)" }
    }

    /// Replaces the folder at `path` with exactly `files`.
    public static func replace(_ path: String, with files: [OutputFile]) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try write(files, into: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(path: path, reason: "\(error)")
        }
        if manager.fileExists(atPath: target.path) {
            if exchange(staging.path, target.path) {
                try? manager.removeItem(at: staging)
                return
            }
            // No atomic exchange on this system: two renames, with the old tree kept until the second one succeeds.
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
            try? manager.removeItem(at: old)
            do {
                try manager.moveItem(at: target, to: old)
                try manager.moveItem(at: staging, to: target)
            } catch {
                if !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: old, to: target) }
                try? manager.removeItem(at: staging)
                throw WriteError(path: path, reason: "\(error)")
            }
            try? manager.removeItem(at: old)
        } else {
            do { try manager.moveItem(at: staging, to: target) } catch {
                try? manager.removeItem(at: staging)
                throw WriteError(path: path, reason: "\(error)")
            }
        }
    }

    /// Writes `files` below `folder`, creating subfolders.
    public static func write(_ files: [OutputFile], into folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var created: Set<String> = []
        for file in files {
            precondition(!file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."), "output path escapes its folder: \(file.path)")
            let url = folder.appendingPathComponent(file.path)
            let directory = url.deletingLastPathComponent().path
            if !created.contains(directory) {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                created.insert(directory)
            }
            try writeFile(url.path, file.contents)
        }
    }

    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made writing thousands of
    /// pages wait on the disk; the folder swap is what makes a build's output appear all at once.
    static func writeFile(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps two paths atomically where the kernel and libc allow it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
