import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// A build's files and their marker, as they are put on disk: into a fresh folder (reusing an old tree's
/// unchanged files) or over an existing folder file by file.
struct OutputTree {
    var files: [OutputFile]
    var manifest: OutputManifest

    init(files: [OutputFile], inputs: String? = nil, warnings: [String]? = nil, previous: OutputManifest? = nil) {
        for file in files { precondition(OutputFile.isSafePath(file.path) && file.path != OutputManifest.fileName, "output path escapes its folder: \(file.path)") }
        self.files = files
        manifest = OutputManifest(of: files, inputs: inputs, warnings: warnings, previous: previous)
    }

    /// Writes the marker, then every file, into the new folder `folder`. A file whose bytes equal the same path's
    /// in `old` is a hard link to it, keeping its modification time. `differing`, when given, names the files whose
    /// bytes are known to differ from `old`'s (or to be missing there): the others are linked without reading them again.
    func write(into folder: String, reusing old: String?, differing: Set<String>? = nil) throws -> (written: Int, unchanged: Int) {
        guard mkdir(folder, 0o755) == 0 else { throw LocalPath.POSIXError(errno: errno, path: folder) }
        try Self.writeFile(folder + "/" + OutputManifest.fileName, manifest.encoded)
        var made: Set<String> = [""]
        let files = self.files
        let plan = try FolderPlan(paths: files.map(\.path), root: folder, made: &made)
        let linked = try plan.write(in: folder) { index in
            let file = files[index]
            let path = folder + "/" + file.path
            if file.keptSize != nil {
                // Kept in the old folder, never read: linked, or copied where the file system cannot link.
                guard let old else { throw LocalPath.POSIXError(errno: ENOENT, path: path) }
                if link(old + "/" + file.path, path) == 0 { return true }
                guard let bytes = LocalPath.contents(of: old + "/" + file.path) else { throw LocalPath.POSIXError(errno: ENOENT, path: old + "/" + file.path) }
                try Self.writeFile(path, bytes)
                return true
            }
            if let old {
                let same = differing.map { !$0.contains(file.path) } ?? Self.holds(old + "/" + file.path, file.contents)
                if same, link(old + "/" + file.path, path) == 0 { return true }
            }
            try Self.writeFile(path, file.contents)
            return false
        }
        let unchanged = linked.filter { $0 }.count
        return (files.count - unchanged, unchanged)
    }

    /// Runs `body` for every index in `0..<count` spread over the cores, and returns its results in order; the first
    /// error thrown is rethrown once all have run.
    static func concurrently(_ count: Int, _ body: @Sendable (Int) throws(LocalPath.POSIXError) -> Bool) throws -> [Bool] {
        let results = Array(0..<count).parallelMap { index -> Result<Bool, LocalPath.POSIXError> in
            do throws(LocalPath.POSIXError) { return .success(try body(index)) } catch { return .failure(error) }
        }
        return try results.map { try $0.get() }
    }

    /// Brings `folder` to exactly these files in place: changed files are replaced one by one (each through a
    /// rename, so no file is ever half-written), files of the previous build that no longer belong are removed,
    /// then the marker. For folders that cannot be swapped whole, and for a rebuild that changes a few files.
    ///
    /// With `staging` (a folder to create beside `folder`, on the same file system), every changed file is written
    /// there first and only then renamed into place, one after the other: a build stopped while writing leaves the
    /// site as it was and nothing inside it (an upload never sends a temporary file), and one stopped among the
    /// renames leaves only the files not yet renamed as they were, which the next build replaces. Without it, or
    /// where a rename across folders is refused, each file goes through a temporary name beside itself.
    func update(_ folder: String, differing: Set<String>? = nil, previous: [String]? = nil, staging: String? = nil) throws -> SiteOutput.Report {
        let previous = previous ?? OutputManifest.read(in: folder)?.files ?? []
        let listed = Set(previous)
        let grows = !files.allSatisfy { listed.contains($0.path) }
        // Encoded while the pages are written, on another core: only the last step, the final marker, needs the bytes
        // (half a megabyte at 2,500 files).
        let marker = Pending { [manifest] in manifest.encoded }
        // The files to replace, each through its own temporary name, on all cores; folders made first, in order.
        let replaced = files.filter { file in
            guard file.keptSize == nil else { return false }
            if let differing { return differing.contains(file.path) }
            return !Self.holds(folder + "/" + file.path, file.contents)
        }
        // The staging folder holds a marker from the start, so that the next build takes one a killed build left for its
        // own (`StagingFolder.removeAbandoned`): a marker of no files says as much.
        let staged = staging.flatMap { staging -> String? in
            guard !replaced.isEmpty || grows, mkdir(staging, 0o755) == 0 else { return nil }
            guard (try? Self.writeFile(staging + "/" + OutputManifest.fileName, OutputManifest(files: []).encoded)) != nil else {
                StagingFolder.remove(staging)
                return nil
            }
            return staging
        }
        defer { if let staged { StagingFolder.remove(staged) } }
        /// Puts `contents` at `path` in the folder through a rename, from the staging folder when there is one.
        func put(_ path: String, _ contents: Data, staged name: String) throws {
            guard let staged else { return try Self.replaceFile(folder + "/" + path, contents) }
            try Self.writeFile(staged + "/" + name, contents)
            try Self.move(staged + "/" + name, to: folder + "/" + path, contents)
        }
        // Until the last file is in place, the marker lists old and new files alike, so a run stopped half-way
        // leaves a folder the next build still recognises as its own; the old marker does when no file is new.
        if grows {
            try put(OutputManifest.fileName, OutputManifest(files: Array(listed.union(files.map(\.path)))).encoded, staged: "listed.marker")
        }
        for file in replaced {
            let parent = ((folder + "/" + file.path) as NSString).deletingLastPathComponent
            if LocalPath.kind(parent) != .folder { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        }
        _ = try Self.concurrently(replaced.count) { index throws(LocalPath.POSIXError) in
            let file = replaced[index]
            do {
                if let staged { try Self.writeFile(staged + "/\(index).page", file.contents) } else { try Self.replaceFile(folder + "/" + file.path, file.contents) }
            } catch let error as LocalPath.POSIXError { throw error } catch {
                throw LocalPath.POSIXError(errno: EIO, path: folder + "/" + file.path)
            }
            return true
        }
        if let staged {
            for (index, file) in replaced.enumerated() {
                try Self.move(staged + "/\(index).page", to: folder + "/" + file.path, file.contents, swapping: true)
            }
        }
        let written = replaced.map(\.path)
        let current = Set(files.map(\.path))
        let stale = previous.filter { !current.contains($0) }
        for path in stale {
            unlink(folder + "/" + path)
            // Folders the removed files leave empty go too, deepest first; rmdir refuses any that still hold something.
            var directory = (path as NSString).deletingLastPathComponent
            while !directory.isEmpty, rmdir(folder + "/" + directory) == 0 {
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        try put(OutputManifest.fileName, marker.result, staged: "final.marker")
        var report = SiteOutput.Report(written: written.count, unchanged: files.count - written.count, removed: stale.count, updatedInPlace: true)
        report.touched = written + stale
        return report
    }

    /// True when the file at `path` has exactly these bytes.
    static func holds(_ path: String, _ contents: Data) -> Bool {
        // Compared in chunks as read, without building a Data of the file: this runs for every file of a rebuild.
        // Non-blocking, so that a FIFO in the folder is refused by its type, not waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return false }
        return contents.withUnsafeBytes { expected -> Bool in
            let chunk = 1 << 16
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while true {
                let count = read(descriptor, buffer, chunk)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                if count == 0 { return offset == expected.count }
                guard offset + count <= expected.count, memcmp(buffer, expected.baseAddress! + offset, count) == 0 else { return false }
                offset += count
            }
        }
    }

    /// The process that wrote a temporary file, by its name: `.checksheet-PID-NAME.tmp` (`.checksheet-PID.tmp` before
    /// names were per file); nil for any other name.
    static func temporaryOwner(_ path: String) -> pid_t? {
        let name = Substring(path.split(separator: "/").last ?? "")
        let prefix = ".checksheet-"
        guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        let rest = name.dropFirst(prefix.count + digits.count)
        guard let pid = pid_t(digits), pid > 0, rest == ".tmp" || rest.hasPrefix("-") else { return nil }
        return pid
    }

    /// Renames a staged file over `path`; where the two are on different file systems, writes `contents` through a
    /// temporary name beside `path` instead.
    ///
    /// `swapping` a page: swapped with the file in place, whose old bytes then go with the staged name, rather than
    /// renamed over it. ext4 starts writing a file renamed over another out to the disk at once (`auto_da_alloc`), a
    /// tenth of a millisecond per page, and the swap is as atomic for anyone reading the folder. A page that a crash
    /// left empty has another size than its stamp and another hash than the marker's, so the next build writes it
    /// again; the marker itself, by which the next build knows the folder for its own, is renamed as before.
    static func move(_ staged: String, to path: String, _ contents: Data, swapping: Bool = false) throws {
        if swapping, LocalPath.exchange(staged, path) {
            unlink(staged)
            return
        }
        guard rename(staged, path) != 0 else { return }
        guard errno == EXDEV else { throw LocalPath.POSIXError(errno: errno, path: path) }
        unlink(staged)
        try replaceFile(path, contents)
    }

    /// Writes through a temporary name beside the file, then renames it over the file.
    static func replaceFile(_ path: String, _ contents: Data) throws {
        // Named after the file, so that files of one folder can be replaced at the same time.
        let temporary = (path as NSString).deletingLastPathComponent + "/.checksheet-\(getpid())-" + (path as NSString).lastPathComponent + ".tmp"
        try writeFile(temporary, contents)
        guard rename(temporary, path) == 0 else {
            let error = LocalPath.POSIXError(errno: errno, path: path)
            unlink(temporary)
            throw error
        }
    }

    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made writing thousands of
    /// pages wait on the disk; the folder swap is what makes a build's output appear all at once. Returns the file's
    /// identity as written (`fstat` on the open file, no path to look up), which later `stat`s of it give too.
    @discardableResult
    static func writeFile(_ path: String, _ contents: Data) throws -> FileIdentity {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
        defer { close(descriptor) }
        try LocalPath.writeAll(descriptor, contents, path: path)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
        return FileIdentity(info)
    }
}
