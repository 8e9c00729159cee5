import ChecksheetKit
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The preview server: builds the site once, then serves it and keeps it up to date.
///
/// The CLI (`checksheet serve`) and the tests both make the server here. Each connection passes
/// `PreviewChannel` (idle timeout, HTTP/1.0 framing, absolute-form targets); requests pass, in order:
/// `HostGuard` (only the names of the address it listens on; same-origin live reload),
/// `RequestGuard` (GET and HEAD only, no traversal), `PreviewResponseMiddleware` (content ETags, 404 page),
/// Hummingbird's `FileMiddleware` over the build held in memory, and the `/_preview/` endpoints.
/// `PreviewService` watches the folders beside the server.
public func buildApplication(
    _ configuration: PreviewConfiguration,
    logger: Logger? = nil,
    report: @escaping @Sendable (PreviewReport) -> Void = { _ in }
) -> Application<RouterResponder<BasicRequestContext>> {
    let clock = ContinuousClock()
    let started = clock.now
    var builder = SiteBuilder(configuration: configuration)
    let script = (try? builder.inputs.script.get()) ?? Data()
    let state = PreviewState(site: .placeholder(script: script))
    let hub = LiveReloadHub()
    let first = builder.build()
    builder.keep(first)
    let service = PreviewService(configuration: configuration, state: state, hub: hub, report: report, builder: builder)
    if let files = service.apply(first, script: try? builder.inputs.script.get(), changed: [], duration: clock.now - started) {
        service.writer?.take(files, showsDrafts: first.showsDrafts, now: true)
    }

    let port = ListeningPort(configured: configuration.port)
    let router = Router()
    router.add(middleware: HostGuard(policy: HostPolicy(listeningOn: configuration.host), port: port))
    router.add(middleware: RequestGuard())
    router.add(middleware: PreviewResponseMiddleware(state: state))
    router.add(middleware: FileMiddleware(fileProvider: PreviewFileProvider(state: state), searchForIndexHtml: true)
        .withAdditionalMediaTypes(forFileExtensions: PreviewRoutes.mediaTypes))
    PreviewRoutes.add(to: router, state: state, hub: hub)

    let logger = logger ?? {
        // Hummingbird's own lines (one per start) would only repeat what the CLI prints.
        var logger = Logger(label: "checksheet.serve")
        logger.logLevel = .warning
        return logger
    }()
    let host = configuration.host
    let idleTimeout = TimeAmount(configuration.idleTimeout)
    let server = HTTPServerBuilder { responder in
        PreviewChannel(http1: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: idleTimeout)), stallTimeout: idleTimeout)
    }
    return Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
        services: [service],
        onServerRunning: { channel in
            port.bound(to: channel.localAddress?.port)
            report(.serving(url: PreviewRoutes.url(host: host, port: channel.localAddress?.port ?? configuration.port)))
        },
        logger: logger
    )
}
