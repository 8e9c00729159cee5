import Foundation
import HTTPTypes
import Hummingbird

/// Turns away what a preview of static files never needs, before anything else sees the request:
/// methods other than GET and HEAD (405), and paths that try to leave the site or to confuse what
/// FileMiddleware decodes (400): `..` in any encoding, encoded slashes and backslashes, NUL bytes. A path
/// with empty parts (`//en/items/rpo/`, `/en//items/`) is redirected to the same path with single slashes, as
/// nginx (`merge_slashes`) serves it: a link a script glued together from a base URL and a path still opens.
///
/// FileMiddleware refuses `..` itself, but it decodes `%2f` into a separator and lets `%00` through
/// (`/a.json%00.html` would be served as HTML): those are refused here, on the raw path.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.refuse(.methodNotAllowed, "only GET and HEAD are allowed", extra: [.allow: "GET, HEAD"])
        }
        if let problem = Self.problem(withPath: request.uri.path) {
            return Self.refuse(.badRequest, problem)
        }
        if let merged = Self.mergedSlashes(request.uri.path) {
            return Self.redirect(to: merged + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        return try await next(request, context)
    }

    /// Why a raw (still percent-encoded) request path is refused, or nil when it is acceptable.
    static func problem(withPath raw: String) -> String? {
        guard raw.hasPrefix("/") else { return "the path must start with /" }
        let lowered = raw.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || raw.contains("\\") { return "encoded slashes and backslashes are not allowed" }
        if lowered.contains("%00") || raw.contains("\0") { return "NUL bytes are not allowed" }
        guard let decoded = raw.removingPercentEncoding else { return "invalid percent encoding" }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "control characters are not allowed" }
        if decoded.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) || decoded.contains("..") {
            return "'.' and '..' are not allowed in paths"
        }
        return nil
    }

    /// The path with every run of slashes made one, or nil when it has none. The result starts with a single `/`:
    /// never `//host/path`, which a browser would read as another site.
    static func mergedSlashes(_ raw: String) -> String? {
        guard raw.contains("//") else { return nil }
        return "/" + raw.split(separator: "/").joined(separator: "/") + (raw.hasSuffix("/") && raw.contains(where: { $0 != "/" }) ? "/" : "")
    }

    /// A permanent redirect within the site that no cache keeps.
    static func redirect(to location: String) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store", .contentLength: "0"]
        headers[xContentTypeOptions] = "nosniff"
        return Response(status: .movedPermanently, headers: headers)
    }

    /// A short plain-text refusal that no cache keeps.
    static func refuse(_ status: HTTPResponse.Status, _ reason: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[xContentTypeOptions] = "nosniff"
        let body = "\(status.code) \(status.reasonPhrase): \(reason)\n"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
