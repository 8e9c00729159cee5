import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 channel with `ConnectionPolicy` placed in front of its conversion to HTTP types.
///
/// Hummingbird's own idle timeout (`HTTP1Channel.Configuration.idleTimeout`) closes a connection that
/// has not delivered a whole request head in time (slowloris) or sits idle between requests; the
/// policy adds what needs the HTTP version and the raw target.
struct PreviewChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    /// How long a client may take no bytes of a response before its connection is closed.
    let stallTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let stallTimeout = stallTimeout
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let conversion = try channel.pipeline.syncOperations.handler(type: HTTP1ToHTTPServerCodec.self)
            try channel.pipeline.syncOperations.addHandler(ConnectionPolicy(stallTimeout: stallTimeout), position: .before(conversion))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
