import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden folder beside the output where a build writes its tree before swapping it in:
/// `.public.new-PID`. A build that was killed leaves one behind; the next build removes it.
enum StagingFolder {
    /// This process's staging folder for the output named `name`.
    static func path(in parent: String, for name: String, suffix: String) -> String {
        parent + "/.\(name).\(suffix)-\(getpid())"
    }

    /// Removes staging folders of builds that are no longer running. A folder is taken only when its name is a
    /// staging name for this output, its process is gone, and it holds nothing but a build's tree (or nothing).
    static func removeAbandoned(in parent: String, for name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard let pid = processID(entry, name: name), pid != getpid(), !isRunning(pid) else { continue }
            let folder = parent + "/" + entry
            guard LocalPath.kind(folder) == .folder, let files = try? LocalPath.files(below: folder) else { continue }
            if files.isEmpty || FileManager.default.fileExists(atPath: folder + "/" + OutputManifest.fileName) { remove(folder) }
        }
    }

    /// The process number in `.NAME.new-PID` or `.NAME.old-PID`.
    static func processID(_ entry: String, name: String) -> pid_t? {
        for suffix in ["new", "old"] {
            let prefix = ".\(name).\(suffix)-"
            if entry.hasPrefix(prefix), let pid = pid_t(entry.dropFirst(prefix.count)), pid > 0 { return pid }
        }
        return nil
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
