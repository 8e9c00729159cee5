import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// The preview's own endpoints, beside the site's files: the live-reload event stream and the status.
/// They live under `/_preview/`, a folder no build writes.
enum PreviewRoutes {
    static let events = "/_preview/events"
    static let status = "/_preview/status"

    /// True for the endpoints that are not files of the site.
    static func isRoute(_ path: String) -> Bool { path == events || path == status }

    /// Text types get `charset=utf-8`, which FileMiddleware leaves out; the site is UTF-8 throughout.
    static let mediaTypes: [String: MediaType] = [
        "html": MediaType.textHtml.withParameter(name: "charset", value: "utf-8"),
        "css": MediaType.textCss.withParameter(name: "charset", value: "utf-8"),
        "js": MediaType.textJavascript.withParameter(name: "charset", value: "utf-8"),
        "json": MediaType.applicationJson.withParameter(name: "charset", value: "utf-8"),
        "xml": MediaType.applicationXml.withParameter(name: "charset", value: "utf-8"),
        "svg": MediaType.imageSvg.withParameter(name: "charset", value: "utf-8"),
        "txt": MediaType.textPlain.withParameter(name: "charset", value: "utf-8"),
        // `nginx-headers.conf`, the hosting headers for nginx.
        "conf": MediaType.textPlain.withParameter(name: "charset", value: "utf-8"),
    ]

    static func add<Context: RequestContext>(to router: Router<Context>, state: PreviewState, hub: LiveReloadHub) {
        router.get(RouterPath(events)) { _, _ in
            eventStream(state: state, hub: hub)
        }
        // Hummingbird would answer HEAD by running the GET handler, whose stream never ends: the same
        // headers, and a body that ends at once.
        router.head(RouterPath(events)) { _, _ in
            Response(status: .ok, headers: eventStreamHeaders, body: ResponseBody { writer in try await writer.finish(nil) })
        }
        router.get(RouterPath(status)) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: ServerSentEvent.json(.init(state.value)) + "\n")))
        }
    }

    /// `text/event-stream`: the served build first, then reloads, failed builds and pings until the tab
    /// goes away or the server shuts down.
    static func eventStream(state: PreviewState, hub: LiveReloadHub) -> Response {
        Response(status: .ok, headers: eventStreamHeaders, body: ResponseBody { writer in
            // Subscribed before the state is read, so that no build can slip between the two.
            let events = hub.subscribe()
            try await writer.write(ByteBuffer(string: ServerSentEvent.retry + ServerSentEvent.hello(state.value)))
            // Without cancelOnGracefulShutdown an open tab would keep SIGTERM from stopping the server.
            for await event in events.cancelOnGracefulShutdown() {
                // A closed tab makes this write throw (found at the latest by the next ping), which ends the
                // loop and drops the stream, which unsubscribes it.
                try await writer.write(ByteBuffer(string: ServerSentEvent.frame(event)))
            }
            try await writer.finish(nil)
        })
    }

    /// The headers of the event stream, for GET and HEAD alike.
    static let eventStreamHeaders: HTTPFields = [
        .contentType: "text/event-stream; charset=utf-8",
        .cacheControl: "no-store",
        HTTPField.Name("X-Accel-Buffering")!: "no",
    ]

    /// The URL to print: the host as given, the port as bound.
    static func url(host: String, port: Int) -> String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(name):\(port)/"
    }
}
