import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rename(2)`, under a name the methods of `LocalPath` do not hide.
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

/// `read(2)`, under a name `LocalPath.read` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }

/// Paths on this machine as the kernel sees them: resolved, compared, renamed, with errors as one readable line.
enum LocalPath {
    enum Kind: Equatable { case folder, file }

    /// Why a path cannot be resolved, as a message and a hint.
    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// An absolute path with every symbolic link of its existing part resolved, and the rest appended as named.
    static func resolve(_ path: String, from directory: String) -> Result<String, Problem> {
        guard !path.isEmpty, !path.contains("\u{0}") else { return .failure(Problem(message: "'\(path)' is not a path", hint: "name a folder")) }
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while true {
            var info = stat()
            if lstat(existing, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFLNK, stat(existing, &info) != 0 {
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: existing)) ?? "?"
                    return .failure(Problem(message: "'\(path)' is a symbolic link to '\(destination)', which does not exist",
                                            hint: "create the folder it points to, or remove the link"))
                }
                guard let real = realpath(existing, nil) else { return .failure(Problem(message: "cannot resolve '\(path)': \(errnoText())", hint: "check the path")) }
                defer { free(real) }
                var resolved = String(cString: real)
                for component in rest.reversed() {
                    resolved = resolved == "/" ? "/" + component : resolved + "/" + component
                }
                return .success(resolved)
            }
            if existing == "/" || existing.isEmpty { return .success(absolute) }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// True when `path` lies strictly below `folder`.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// The nearest folder at or above `folder` that holds `.git`.
    static func repositoryRoot(above folder: String) -> String? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// What is at `path`, following links; nil when nothing is.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }

    /// Every entry below `folder` that is not a folder (files and links), relative and sorted; links are not followed.
    static func files(below folder: String) throws -> [String] {
        var found: [String] = []
        // readdir tells an entry's type itself on most file systems: no lstat per file, no NSString per name.
        func walk(_ relative: String) throws {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            guard let directory = opendir(absolute) else { throw POSIXError(errno: errno, path: absolute) }
            defer { closedir(directory) }
            while true {
                errno = 0
                guard let entry = readdir(directory) else {
                    if errno != 0 { throw POSIXError(errno: errno, path: absolute) }
                    break
                }
                let (name, type) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), entry.pointee.d_type) }
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder = Int32(type) == Int32(DT_DIR)
                if Int32(type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + path, &info) == 0 else { throw POSIXError(errno: errno, path: folder + "/" + path) }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { try walk(path) } else { found.append(path) }
            }
        }
        try walk("")
        return found.sorted()
    }

    /// The bytes of the regular file at `path` (links followed), or nil when it is not one or cannot be read.
    static func contents(of path: String) -> Data? {
        if case let .file(bytes) = read(path) { return bytes }
        return nil
    }

    /// What reading the file at `path` found.
    enum Read {
        case file(Data)
        /// Nothing is at the path.
        case missing
        case folder
        /// Something other than a file or a folder (a FIFO, a device).
        case other
        /// The kernel refused to open or read it; its errno.
        case refused(Int32)
    }

    /// Reads the file at `path` (links followed): one open and a read of the size `fstat` gives, without Foundation's
    /// file-reading machinery, and without a `stat` first to know what it is: a build reads thousands of pages.
    /// Non-blocking, so that a FIFO is told by its type, not waited on.
    static func read(_ path: String) -> Read {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .refused(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .refused(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .folder
        default: return .other
        }
        // Read straight into the Data returned, a byte beyond the size: the read that finds the end has room without
        // the buffer growing, and a file that grew meanwhile is read on.
        var bytes = Data(count: Int(info.st_size) + 1)
        var offset = 0
        while true {
            if offset == bytes.count { bytes.count += 4096 }
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 { if errno == EINTR { continue } else { return .refused(errno) } }
            if count == 0 { break }
            offset += count
        }
        bytes.count = offset
        return .file(bytes)
    }

    /// Renames, throwing the kernel's reason.
    static func rename(_ from: String, _ to: String) throws {
        guard systemRename(from, to) == 0 else { throw POSIXError(errno: errno, path: to) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// libc's `renameat2`, looked up once: Swift's Glibc module does not declare it.
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Swaps two paths atomically where the kernel and libc allow it; false when both do not exist or cannot be swapped.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Without an atomic exchange: the old folder moves aside, the new one takes its name, and the old one comes
    /// back if the second rename fails. The old folder is left for the caller to delete.
    static func renameAside(_ target: String, replacingWith staging: String) -> Bool {
        let aside = staging.replacingOccurrences(of: ".new-", with: ".old-")
        guard systemRename(target, aside) == 0 else { return false }
        guard systemRename(staging, target) == 0 else {
            _ = systemRename(aside, target)
            return false
        }
        systemRename(aside, staging) == 0 ? () : StagingFolder.remove(aside)
        return true
    }

    /// One line saying why a file operation failed, without Foundation's dump of the error's fields.
    static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return posix.description }
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))).lowercased() }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteFileExists: return "a file of that name exists"
        default: return error.localizedDescription
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }

    /// A failed system call on a path, printed as the kernel's reason.
    struct POSIXError: Error, CustomStringConvertible {
        var errno: Int32
        var path: String
        var description: String { String(cString: strerror(errno)).lowercased() }
    }
}
