import Foundation
import HTTPTypes
import Hummingbird

/// Answers only requests meant for this preview, before anything else sees them.
///
/// - `Host` must name the address the server listens on (`HostPolicy`): a loopback server answers to
///   `localhost`, `127.0.0.1` and `[::1]`, with its port or none, and to nothing else (421). That is what
///   stops DNS rebinding, where a page on `evil.example` reads the preview through its own name.
/// - A malformed `Host`, or two of them, is a bad request (400). No `Host` at all is accepted: HTTP/1.0
///   clients send none, and a browser, the only client a hostile page can steer, always sends one.
/// - The live-reload endpoints (`/_preview/events`, `/_preview/status`) answer only the preview's own
///   pages: an `Origin` must be this very origin, and a browser's `Sec-Fetch-Site`, when sent, must say
///   `same-origin` or `none` (403). A page elsewhere, even one the browser lets through, gets no stream.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy
    let port: ListeningPort

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let refusal = Self.refusal(of: request.head, path: request.uri.path, policy: policy, port: port.value) { return refusal }
        return try await next(request, context)
    }

    /// The response that turns `head` away, or nil when the request is for this preview.
    static func refusal(of head: HTTPRequest, path: String, policy: HostPolicy, port: Int?) -> Response? {
        // NIO puts the first Host in `authority` and leaves any further one among the fields (RFC 9112 3.2: 400).
        if head.headerFields[hostField] != nil {
            return RequestGuard<Context>.refuse(.badRequest, "more than one Host header")
        }
        var authority: HostPolicy.Authority?
        if let host = head.authority {
            guard let parsed = HostPolicy.Authority(host) else {
                return RequestGuard<Context>.refuse(.badRequest, "the Host header is not a host name or address")
            }
            guard policy.accepts(parsed, port: port) else {
                let onPort = port.map { " on port \($0)" } ?? ""
                return RequestGuard<Context>.refuse(.misdirectedRequest, "this preview answers only to \(policy.acceptedNames)\(onPort)")
            }
            authority = parsed
        }
        guard PreviewRoutes.isRoute(path) else { return nil }
        if let origin = head.headerFields[.origin] {
            guard let authority, let from = HostPolicy.Authority(origin: origin), sameOrigin(from, authority) else {
                return RequestGuard<Context>.refuse(.forbidden, "the live-reload endpoints answer only pages of this preview")
            }
        }
        if let site = head.headerFields[secFetchSite], !["same-origin", "none"].contains(site.lowercased()) {
            return RequestGuard<Context>.refuse(.forbidden, "the live-reload endpoints answer only pages of this preview")
        }
        return nil
    }

    /// Same host and port; port 80 and no port are the same, as an origin leaves the default port out.
    static func sameOrigin(_ origin: HostPolicy.Authority, _ host: HostPolicy.Authority) -> Bool {
        let port = { (authority: HostPolicy.Authority) in authority.port == 80 ? nil : authority.port }
        return origin.host == host.host && port(origin) == port(host)
    }
}

/// A second `Host` field, which the HTTP/1 conversion leaves among the header fields.
let hostField = HTTPField.Name("Host")!
/// Where the browser says the request comes from: `same-origin`, `same-site`, `cross-site` or `none`.
let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
