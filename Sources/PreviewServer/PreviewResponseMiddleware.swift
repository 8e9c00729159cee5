import ChecksheetKit
import Foundation
import HTTPTypes
import Hummingbird

/// Wraps FileMiddleware so that what the browser caches can never hide an edit.
///
/// FileMiddleware's ETag and Last-Modified come from the whole-second modification time and the size,
/// so a same-size edit within a second would be answered `304 Not Modified` with the old page. Here the
/// conditional and range headers are taken off the request before FileMiddleware sees it, and the
/// response gets a strong ETag computed from the bytes actually sent; `If-None-Match` is answered
/// against that. `Cache-Control: no-cache` makes the browser ask every time, so 304 only ever means
/// "these very bytes". Missing paths get the site's 404.html with status 404. HEAD is answered as a GET
/// without the body, so its headers (ETag, length) are those of the GET.
struct PreviewResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if PreviewRoutes.isRoute(request.uri.path) { return try await next(request, context) }
        let site = state.site
        return try await PreviewFileProvider.$pinned.withValue(site) {
            var head = request.head
            head.method = .get
            for name in droppedRequestHeaders { head.headerFields[name] = nil }
            let response: Response
            do {
                response = try await next(Request(head: head, body: request.body), context)
            } catch let error as any HTTPResponseError where error.status == .notFound {
                return Self.notFound(site, request: request)
            }
            if response.status == .notFound { return Self.notFound(site, request: request) }
            if response.status == .movedPermanently { return Self.folderRedirect(for: request) }
            guard response.status == .ok else { return response }
            return try await Self.validated(response, for: request)
        }
    }

    /// The response with a content ETag, answered 304 when the browser has these bytes already.
    static func validated(_ response: Response, for request: Request) async throws -> Response {
        let body = try await collect(response.body)
        let tag = etag(body)
        var headers = response.headers
        headers[.eTag] = tag
        headers[.lastModified] = nil
        headers[.acceptRanges] = "none"
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(body.readableBytes)
        headers[xContentTypeOptions] = "nosniff"
        if headers[.contentType] == nil { headers[.contentType] = untypedFileType(request.uri.path) }
        if matches(request.headers[values: .ifNoneMatch], tag) {
            headers[.contentLength] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// A folder asked for without its slash (`/ja/search?q=rto`) is sent to the folder with the slash and
    /// the same query (`/ja/search/?q=rto`); FileMiddleware's own redirect drops the query. The path is
    /// the one the browser sent, still percent-encoded, and always starts with a single `/`.
    static func folderRedirect(for request: Request) -> Response {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        let location = "/" + String(request.uri.path.drop { $0 == "/" }) + "/" + query
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store", .contentLength: "0"]
        headers[xContentTypeOptions] = "nosniff"
        return Response(status: .movedPermanently, headers: headers)
    }

    /// The type of a file whose extension FileMiddleware does not know: the hosting files the build writes
    /// (`_headers`, `_redirects`) are text; anything else is bytes, never something a browser would sniff.
    static func untypedFileType(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        return ["_headers", "_redirects"].contains(name) ? "text/plain; charset=utf-8" : "application/octet-stream"
    }

    /// The site's 404 page of the requested path's folder (with the reload script) and status 404, never cached.
    static func notFound(_ site: PreviewSite, request: Request) -> Response {
        let found = site.notFoundPage(for: request.uri.path)
        let page = found ?? Data("404 Not Found\n".utf8)
        let method = request.method
        var headers: HTTPFields = [
            .contentType: found == nil ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentLength: String(page.count),
        ]
        headers[xContentTypeOptions] = "nosniff"
        return Response(status: .notFound, headers: headers, body: method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }

    /// A strong validator from the bytes: FNV-1a 64 and the length.
    static func etag(_ body: ByteBuffer) -> String {
        var hash = ContentHash()
        body.withUnsafeReadableBytes { hash.add($0) }
        return "\"\(hash.hex)-\(body.readableBytes)\""
    }

    /// `If-None-Match` (RFC 9110 13.1.2): `*`, or any listed tag equal to ours by weak comparison.
    static func matches(_ values: [String], _ tag: String) -> Bool {
        let opaque = { (value: Substring) -> Substring in value.hasPrefix("W/") ? value.dropFirst(2) : value }
        for value in values {
            for candidate in value.split(separator: ",") {
                let trimmed = candidate.trimmingCharacters(in: .whitespaces)
                if trimmed == "*" || opaque(Substring(trimmed)) == opaque(Substring(tag)) { return true }
            }
        }
        return false
    }

    /// Reads a response body into one buffer (the preview's bodies are files held in memory).
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = Collector()
        try await body.write(CollectingWriter(collector: collector))
        return collector.buffer
    }

    private final class Collector {
        var buffer = ByteBuffer()
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let collector: Collector

        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            collector.buffer.writeBuffer(&buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!

/// Request headers that would let FileMiddleware answer from its own, coarse validators or send a part.
let droppedRequestHeaders: [HTTPField.Name] = [.ifNoneMatch, .ifMatch, .ifModifiedSince, .ifUnmodifiedSince, .ifRange, .range]
