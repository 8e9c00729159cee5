import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a set of files needs in a new tree, and who makes each. Making a folder is most of the system time of
/// a large build (an inode and a block each, 40,000 folders at 10,000 items), and made one after another before the
/// files they kept one core busy while the others waited. The folders that hold other new folders are few and are
/// made first, in order; every other new folder holds files only, and is made by the thread that writes its files.
struct FolderPlan {
    /// The files' indices by their folder (`""` for the root), folders in order.
    let folders: [(folder: String, files: [Int])]
    /// The new folders that hold files only: each is made by `write` before its files.
    let leaves: Set<String>

    /// Makes in `root` the new folders that hold other new folders (those not in `made`, which gains them), and plans
    /// the rest.
    init(paths: [String], root: String, made: inout Set<String>) throws {
        // The root itself is there already: its files need no folder made.
        made.insert("")
        let grouped = Dictionary(grouping: paths.indices) { index -> String in
            guard let slash = paths[index].lastIndex(of: "/") else { return "" }
            return String(paths[index][..<slash])
        }
        folders = grouped.keys.sorted().map { ($0, grouped[$0]!) }
        var needed: Set<String> = []
        var holders: Set<String> = []
        for (folder, _) in folders where !made.contains(folder) {
            needed.insert(folder)
            var path = Substring(folder)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                let holder = String(path)
                // `made` grows with every batch of a streamed build: looking each holder up in it keeps a batch's cost
                // its own (`holders.subtract(made)` walked all of `made`, 0.6 s of one core at 10,000 items).
                if made.contains(holder) { break }
                holders.insert(holder)
            }
        }
        // Sorted, a folder comes before the folders inside it.
        for folder in holders.sorted() {
            try Self.make(root + "/" + folder)
            made.insert(folder)
        }
        leaves = needed.subtracting(holders)
        made.formUnion(leaves)
    }

    /// Runs `write` for every file on all cores, a folder's files on one thread after it made the folder when new;
    /// the results come back in the order of `paths`. The first error is rethrown once all have run.
    func write<T: Sendable>(in root: String, _ write: @Sendable (Int) throws -> T) throws -> [T] {
        let leaves = self.leaves
        let results = folders.parallelMap { folder, files -> Result<[(Int, T)], any Error> in
            Result {
                if leaves.contains(folder) { try Self.make(root + "/" + folder) }
                return try files.map { ($0, try write($0)) }
            }
        }
        var ordered = [T?](repeating: nil, count: folders.reduce(0) { $0 + $1.files.count })
        for result in results {
            for (index, value) in try result.get() { ordered[index] = value }
        }
        return ordered.map { $0! }
    }

    static func make(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw LocalPath.POSIXError(errno: errno, path: path) }
    }
}
