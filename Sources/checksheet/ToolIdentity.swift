import Foundation

/// Which build of the tool is running: its executable's size and modification time. Part of every page's
/// fingerprint, so that a new tool never takes pages an older one rendered.
enum ToolIdentity {
    static let current: String = {
        guard let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return "checksheet unknown \(ProcessInfo.processInfo.processIdentifier)"
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "checksheet \(size) \(modified)"
    }()
}
