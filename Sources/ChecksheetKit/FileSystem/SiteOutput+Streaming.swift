import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteOutput {
    /// Whether nothing is at the folder's place yet: then a build's files can be written as they are made, never all
    /// held in memory at once (a sheet of thousands of items is hundreds of megabytes of pages). An existing folder,
    /// even an empty one (it may be a mount point), takes the way of `write`.
    public func isFresh(_ target: String) -> Bool {
        LocalPath.kind(target) == nil
    }

    /// Writes a build where no folder is yet (see `isFresh`): `produce` hands over the files in batches,
    /// each written into a staging folder beside the target and then let go; the staging folder becomes the target
    /// only when `produce` has finished without error, so a build that fails half-way leaves nothing behind.
    /// `produce` returns the warnings the build printed, for the marker.
    public func writeStreaming(inputs: String? = nil,
                               _ produce: (_ write: ([OutputFile]) throws -> Void) throws -> [String]) -> Result<Report, DiagnosticsError> {
        let target: String, parent: String, name: String
        switch place() {
        case let .success(place): (target, parent, name) = place
        case let .failure(refusal): return .failure(refusal)
        }
        let staging = StagingFolder.path(in: parent, for: name, suffix: "new")
        var pages: [String: OutputManifest.Page] = [:]
        var paths: [String] = []
        var created: Set<String> = [""]
        // Each file's stamp as written, so that stamping the finished folder need not `stat` every file again.
        var stamps: [String: FileStamp] = [:]
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard mkdir(staging, 0o755) == 0 else { throw LocalPath.POSIXError(errno: errno, path: staging) }
            let warnings = try produce { files in
                for file in files {
                    precondition(OutputFile.isSafePath(file.path) && file.path != OutputManifest.fileName, "output path escapes its folder: \(file.path)")
                }
                let plan = try FolderPlan(paths: files.map(\.path), root: staging, made: &created)
                let written = try plan.write(in: staging) { index in
                    let identity = try OutputTree.writeFile(staging + "/" + files[index].path, files[index].contents)
                    return (hash: OutputManifest.hash(of: files[index].contents), stamp: identity.stamp)
                }
                for (file, written) in zip(files, written) {
                    paths.append(file.path)
                    pages[file.path] = OutputManifest.Page(inputs: file.fingerprint ?? "", bytes: written.hash)
                    stamps[file.path] = written.stamp
                }
            }
            var manifest = OutputManifest(files: paths, pages: pages.isEmpty ? nil : pages)
            manifest.inputs = inputs
            manifest.warnings = warnings
            try OutputTree.writeFile(staging + "/" + OutputManifest.fileName, manifest.encoded)
            try LocalPath.rename(staging, target)
            manifest.remember(in: target)
            return .success(Report(written: paths.count, unchanged: 0, removed: 0, updatedInPlace: false,
                                   stamped: OutputStamps.Written(files: stamps, folders: created)))
        } catch let error as DiagnosticsError {
            StagingFolder.remove(staging)
            return .failure(error)
        } catch {
            StagingFolder.remove(staging)
            return refuse("cannot write '\(path)': \(LocalPath.reason(error))", hint: "check that its parent folder exists and can be written")
        }
    }
}
