import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a command writes with `--out`, and the rule for when it may be written.
///
/// A file that exists is replaced only with `--force`. Never, even with `--force`: a file the command reads (the
/// questionnaire it answers), a folder, or a path in the content or theme folder (the rule `SiteOutput` holds the
/// site's folder to). A refusal writes nothing. The file is written beside its place and renamed over it, so that a
/// failed write leaves the old file or none, never half of one; a symbolic link stays and the file it names is replaced.
/// A character device or a pipe (`/dev/null`, `/dev/stdout`) holds no file to lose: it is written into as it is,
/// without `--force`, and never replaced.
public struct OutputFileTarget: Sendable {
    /// The file as the person named it.
    public var path: String
    /// Files the command reads, which it must not write over.
    public var inputs: [String]
    /// Whether an existing file may be replaced.
    public var force: Bool
    /// The content and theme folders, with the rule that keeps output out of them.
    var folders: SiteOutput

    public init(path: String, content: String, theme: String, inputs: [String] = [], force: Bool,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.path = path
        self.inputs = inputs
        self.force = force
        folders = SiteOutput(path: path, content: content, theme: theme, currentDirectory: currentDirectory)
    }

    /// The real path to write, after every rule held; a refusal names the file and what to do.
    public func check() -> Result<String, DiagnosticsError> {
        let target: String
        switch LocalPath.resolve(path, from: folders.currentDirectory) {
        case let .success(resolved): target = resolved
        case let .failure(problem): return refuse(problem.message, hint: problem.hint)
        }
        for input in inputs {
            guard case let .success(read) = LocalPath.resolve(input, from: folders.currentDirectory), read == target || Self.sameFile(read, target) else { continue }
            return refuse("this is the file the command reads", hint: "write to another file; the original stays as it was, nothing was written")
        }
        if let clash = folders.clash(with: target) {
            let place = clash.relation == .inside ? "the file lies inside" : "this is"
            return refuse("\(place) \(clash.name), '\(clash.folder)'",
                          hint: "the command would write over the files the site is built from; choose a file outside '\(clash.folder)'; nothing was written")
        }
        if Self.isStream(target) { return .success(target) }
        switch LocalPath.kind(target) {
        case nil: return .success(target)
        case .folder: return refuse("this is a folder", hint: "name a file; nothing was written")
        case .file:
            guard force else { return refuse("the file exists", hint: "choose another file name, or pass --force to replace it; nothing was written") }
            return .success(target)
        }
    }

    /// Writes `contents` after `check`: into a temporary file beside the target, then renamed over it.
    public func write(_ contents: Data) -> Result<Void, DiagnosticsError> {
        check().flatMap { target in
            if Self.isStream(target) {
                do {
                    try Self.writeStream(target, contents)
                    return .success(())
                } catch {
                    return refuse("cannot write into it: \(LocalPath.reason(error))", hint: "check that it can be written")
                }
            }
            let folder = (target as NSString).deletingLastPathComponent, name = (target as NSString).lastPathComponent
            let temporary = "\(folder)/.\(name).\(getpid()).tmp"
            do {
                try Self.writeFile(temporary, contents, mode: LocalPath.kind(target) == .file ? Self.mode(of: target) : nil)
                try LocalPath.rename(temporary, target)
                return .success(())
            } catch {
                unlink(temporary)
                return refuse("cannot write the file: \(LocalPath.reason(error))", hint: "check that its folder exists and can be written; nothing was written")
            }
        }
    }

    /// Creates `path` (which must not exist), writes every byte and flushes it to the disk.
    static func writeFile(_ path: String, _ contents: Data, mode: mode_t?) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
        defer { close(descriptor) }
        // A replaced file keeps its permissions.
        if let mode { fchmod(descriptor, mode) }
        try LocalPath.writeAll(descriptor, contents, path: path)
        guard fsync(descriptor) == 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
    }

    /// Whether `path` is a character device or a pipe: written into, never replaced by a file.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFCHR || (info.st_mode & S_IFMT) == S_IFIFO
    }

    /// Writes every byte into a device or pipe that exists.
    static func writeStream(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
        defer { close(descriptor) }
        try LocalPath.writeAll(descriptor, contents, path: path)
    }

    static func mode(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// True when both paths name one file (a hard link, or a path spelt another way).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    func refuse<T>(_ message: String, hint: String) -> Result<T, DiagnosticsError> {
        .failure(DiagnosticsError([Diagnostic(file: path, message: message, hint: hint)]))
    }
}
