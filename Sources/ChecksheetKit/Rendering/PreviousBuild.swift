import Foundation

/// Pages of an earlier build that a new build may take as they are, instead of rendering them again: a page is
/// taken when the fingerprint of its inputs is the one the earlier page was made from.
public struct PreviousBuild: Sendable {
    /// The earlier page at a path as a file of this build, when it was made from exactly this fingerprint: with its
    /// bytes, or kept where it lies (`OutputFile.keptSize`).
    public let page: @Sendable (_ path: String, _ fingerprint: String) -> OutputFile?

    public init(page: @escaping @Sendable (_ path: String, _ fingerprint: String) -> OutputFile?) {
        self.page = page
    }

    /// A build held in memory (the preview's last good build).
    public static func holding(_ files: [OutputFile]) -> PreviousBuild {
        let byPath = Dictionary(files.compactMap { file in file.fingerprint.map { (file.path, (fingerprint: $0, file: file)) } },
                                uniquingKeysWith: { first, _ in first })
        return PreviousBuild { path, fingerprint in
            guard let page = byPath[path], page.fingerprint == fingerprint else { return nil }
            return page.file
        }
    }
}
