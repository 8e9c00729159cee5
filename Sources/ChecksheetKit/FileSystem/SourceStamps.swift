import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every entry of the content and theme folders as one `stat` each finds it (name, inode, size, modification and change
/// times), taken before a build reads them and kept in the user's cache with the inputs that reading gave. While every
/// entry is as recorded, reading them again would give the same inputs: a build with nothing to do knows it without
/// reading two thousand pages. The change time cannot be set back by hand (`touch` sets the modification time only), so
/// an edit that keeps a page's size and modification time is still seen.
///
/// Conservative by construction: any entry added, removed or touched, a folder that cannot be listed, or a symbolic
/// link anywhere (what it points to could change unseen) means reading everything, as without the record.
public struct SourceStamps: Sendable, Equatable {
    /// Every entry's name and stamp, in the order of a walk with each folder's names sorted by bytes, hashed: the record
    /// holds no list to read back, only this and the number of entries.
    var digest: ContentHash
    var count: Int
    /// Whether every entry last changed well before the walk, on a file system whose times tell every later change. An
    /// entry changed in the same tick of the file system's clock as the read that follows could change again unseen
    /// (its change time kept, as git's "racily clean" entries): such stamps are not recorded, and the next build reads
    /// everything.
    public var settled: Bool
    /// Each regular file's stamp by its path (the root as given, then the names below it), for the files that had
    /// stood unchanged long enough before the walk on a file system whose times tell every change (`settled` for the one
    /// file): `SourceTexts` takes such a file's text from the last read rather than read it again.
    var settledFiles: [String: FileStamp] = [:]

    init(digest: ContentHash, count: Int, settled: Bool, settledFiles: [String: FileStamp] = [:]) {
        self.digest = digest
        self.count = count
        self.settled = settled
        self.settledFiles = settledFiles
    }

    /// Nanoseconds an entry must have stood unchanged before the walk for its stamp to be trusted: more than a tick of the
    /// kernel's coarse clock (4 ms at 250 Hz), the most by which a change's time on the file systems of
    /// `stampsChangesFinely` trails the change. A change after the walk then always gets another time.
    static let settling = 100_000_000

    /// Whether the file system of the open folder `descriptor` (whose `stat` is `folder`) stamps a change with the local
    /// clock, to the nanosecond or its coarse tick. Elsewhere nothing is recorded: a network share stamps with the
    /// server's clock, which may run seconds apart from this one, and FAT and HFS+ keep whole seconds.
    static func stampsChangesFinely(_ descriptor: Int32, _ folder: stat) -> Bool {
        #if canImport(Darwin)
        var info = statfs()
        guard fstatfs(descriptor, &info) == 0 else { return false }
        return withUnsafeBytes(of: info.f_fstypename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } == "apfs"
        #else
        let device = UInt64(folder.st_dev)
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF), minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
        return mountTypes["\(major):\(minor)"].map(finelyStamping.contains) ?? false
        #endif
    }

    /// ext2/3/4, XFS, Btrfs, tmpfs, overlayfs (a container's, stamped by the file system beneath), F2FS, ZFS, as
    /// `/proc/self/mountinfo` names them.
    static let finelyStamping: Set<String> = ["ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "f2fs", "zfs"]

    #if !canImport(Darwin)
    /// Each mounted file system's type by its device, `major:minor`, from the kernel's table of this process's mounts
    /// (`statfs`, which would tell it of a folder, is not in Swift's Glibc module).
    static let mountTypes: [String: String] = {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [:] }
        var types: [String: String] = [:]
        for line in table.split(separator: "\n") {
            // ID, parent ID, major:minor, root, mount point, options, optional fields…, "-", type, source, options.
            let fields = line.split(separator: " ")
            guard fields.count > 7, let separator = fields[6...].firstIndex(of: "-"), separator + 1 < fields.count else { continue }
            types[String(fields[2])] = String(fields[separator + 1])
        }
        return types
    }()
    #endif

    private struct Walk {
        var digest = ContentHash(), count = 0, latest = 0, fine = true
        /// When the walk began, and each regular file found by then settled, on a file system that stamps finely.
        var began = 0
        var settledFiles: [String: FileStamp] = [:]
    }

    /// The stamps of every entry under `roots` (the content and theme folders); nil when they cannot be trusted to
    /// tell every change (see above).
    public static func take(_ roots: [String]) -> SourceStamps? {
        var walk = Walk()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        walk.began = nanoseconds(now)
        for (index, root) in roots.enumerated() {
            walk.digest.add(integer: index)
            // A root named through a link is taken where it points, as reading it is.
            let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else {
                // A folder that is not there is an input too (the build reports it): recorded as missing.
                guard errno == ENOENT else { return nil }
                walk.digest.add(integer: -1)
                continue
            }
            var info = stat()
            guard fstat(folder, &info) == 0 else {
                close(folder)
                return nil
            }
            guard add(folder, info, path: root, to: &walk) else { return nil }
        }
        return SourceStamps(digest: walk.digest, count: walk.count, settled: walk.fine && walk.latest + settling <= walk.began,
                            settledFiles: walk.fine ? walk.settledFiles : [:])
    }

    /// Stamps the open folder `descriptor`, found at `path`, and everything under it, and closes it. `path` is nil below
    /// a name that is not UTF-8: no file there is known by its path (two such names could read as one).
    private static func add(_ descriptor: Int32, _ info: stat, path: String?, to walk: inout Walk) -> Bool {
        stamp(info, into: &walk)
        // Asked of every folder, as another file system may be mounted on any of them.
        let fine = stampsChangesFinely(descriptor, info)
        walk.fine = walk.fine && fine
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        // Each name with its terminating zero, as `fstatat` and `openat` take it; sorted, since `readdir`'s order is the
        // file system's and may change with no entry changed.
        var names: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }.map { CChar(bitPattern: $0) }) + [0] }
            if name == [0x2E, 0] || name == [0x2E, 0x2E, 0] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        for name in names {
            name.withUnsafeBytes { walk.digest.add($0) }
            var child = stat()
            guard fstatat(descriptor, name, &child, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            switch child.st_mode & S_IFMT {
            case S_IFDIR:
                let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard opened >= 0, add(opened, child, path: Self.path(path, name), to: &walk) else { return false }
            case S_IFREG:
                stamp(child, into: &walk)
                let file = FileStamp(child)
                if fine, file.changeSeconds * 1_000_000_000 + file.changeNanoseconds + settling <= walk.began, let path = Self.path(path, name) {
                    walk.settledFiles[path] = file
                }
            default: return false
            }
        }
        return true
    }

    /// `folder/name` for a name with its terminating zero; nil when either is unknown or the name is not UTF-8.
    private static func path(_ folder: String?, _ name: [CChar]) -> String? {
        guard let folder, let text = name.withUnsafeBufferPointer({ String(validatingCString: $0.baseAddress!) }) else { return nil }
        return folder + "/" + text
    }

    private static func stamp(_ info: stat, into walk: inout Walk) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        for field in [Int(info.st_mode), Int(info.st_ino), Int(info.st_size), modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec] {
            walk.digest.add(integer: field)
        }
        walk.count += 1
        // The change time, not the modification time: `touch -d` can set the latter into the future or the past.
        walk.latest = max(walk.latest, nanoseconds(changed))
    }

    private static func nanoseconds(_ time: timespec) -> Int { Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec) }

    /// Where `build` keeps the record for a content folder, beside its other caches.
    public static func cacheFile(forContent content: String) -> String? {
        CacheFolder.file("sources", for: content)
    }

    /// What, besides the files, decides a build's inputs (`Pipeline.inputs`): a record made under other options or
    /// folders says nothing about these.
    public static func key(content: String, theme: String, options: Pipeline.Options) -> String {
        var hash = ContentHash()
        for part in [options.tool, options.baseURL ?? "-", options.strict ? "strict" : "-", options.drafts ? "drafts" : "-", content, theme] {
            hash.add(part: part)
        }
        return hash.hex
    }

    static let format = "checksheet-sources 2"

    /// The record: these stamps, taken before a read whose inputs were `inputs`, under `key`.
    public func encoded(key: String, inputs: String) -> Data {
        Data([Self.format, key, "\(count) \(digest.hex)", inputs, ""].joined(separator: "\n").utf8)
    }

    /// The inputs a record holds when it was made under `key` with exactly these stamps; nil otherwise.
    public func recordedInputs(in data: Data, key: String) -> String? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 5, lines[0] == Self.format, lines[1] == key, lines[2] == "\(count) \(digest.hex)", !lines[3].isEmpty,
              lines[4].isEmpty else { return nil }
        return String(lines[3])
    }

    /// Replaces the record in one rename; a record that cannot be written is no error. Stamps that are not settled
    /// remove it instead: the next build reads everything.
    public func write(cacheFile: String, key: String, inputs: String) {
        guard settled else {
            unlink(cacheFile)
            return
        }
        CacheFolder.write(encoded(key: key, inputs: inputs), to: cacheFile)
    }
}
