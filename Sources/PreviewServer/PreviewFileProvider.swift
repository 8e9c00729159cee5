import Foundation
import Hummingbird

/// Hands Hummingbird's `FileMiddleware` the files of the served build, from memory.
///
/// A request reads one build from start to end: `PreviewResponseMiddleware` pins the build for the
/// request's task (`PreviewFileProvider.$pinned`), so a build swapped in meanwhile is not mixed in.
struct PreviewFileProvider: FileProvider {
    struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        var isFolder: Bool
        var size: Int
        /// FileMiddleware turns it into Last-Modified and its ETag; the preview replaces both.
        var modificationDate: Date
    }

    /// A site path such as `ja/index.html`, or a folder such as `ja/` or `` (the root).
    typealias FileIdentifier = String

    /// The build the current request reads.
    @TaskLocal static var pinned: PreviewSite?

    let state: PreviewState

    var site: PreviewSite { Self.pinned ?? state.site }

    func getFileIdentifier(_ path: String) -> String? {
        // FileMiddleware passes the percent-decoded path, which starts with "/" and has no "..".
        guard path.hasPrefix("/") else { return nil }
        return site.sitePath(path)
    }

    func getAttributes(id: String) async throws -> FileAttributes? {
        let site = self.site
        if let size = site.files.size(id) {
            return FileAttributes(isFolder: false, size: size, modificationDate: .distantPast)
        }
        // A folder exists for the server only when it has an index.html: there are no directory listings.
        let index = id.isEmpty || id.hasSuffix("/") ? id + "index.html" : id + "/index.html"
        if site.files.contains(index) {
            return FileAttributes(isFolder: true, size: 0, modificationDate: .distantPast)
        }
        return nil
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        guard let contents = site.files[id] else { throw HTTPError(.notFound) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: contents))
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard let contents = site.files[id] else { throw HTTPError(.notFound) }
        // Unused in practice: the preview drops Range headers and always sends whole files.
        let bytes = [UInt8](contents)
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(range.upperBound, bytes.count - 1)
        return ResponseBody(byteBuffer: ByteBuffer(bytes: lower <= upper ? bytes[lower...upper] : []))
    }
}
