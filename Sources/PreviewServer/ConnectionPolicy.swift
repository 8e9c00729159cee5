import NIOCore
import NIOHTTP1

/// What each connection must obey that Hummingbird's HTTP/1 channel does not see, applied where the
/// request's HTTP version and its raw target are still known (between NIO's HTTP/1 codec and the
/// conversion to HTTP types, which answers every request as HTTP/1.1 and keeps only the path).
///
/// - HTTP/1.0: the response says HTTP/1.0, so NIO never sends it chunked (an HTTP/1.0 client cannot
///   read chunks); the event stream's end is then the end of the connection, which is closed after it.
/// - An absolute-form target (`GET http://host:port/path`): its authority is the request's host
///   (RFC 9112 3.2.2), so it replaces the `Host` header that `HostGuard` checks.
/// - A request that announces a body (this server reads none) is answered, then its connection is
///   closed: a body sent a byte at a time cannot hold the connection open.
/// - A client that stops reading: when nothing could be written for `stallTimeout`, the connection is
///   closed (Hummingbird's idle timeout never fires while a response is being written).
final class ConnectionPolicy: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the response to one request must do, in the order the requests came (HTTP/1.1 pipelining).
    private struct Answer {
        var version: HTTPVersion
        var closeAfter: Bool
    }

    private let stallTimeout: TimeAmount
    private var answers = CircularBuffer<Answer>()
    private var closeAfterResponse = false
    private var stalled: Scheduled<Void>?

    init(stallTimeout: TimeAmount) {
        self.stallTimeout = stallTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        if let authority = Self.authority(ofAbsoluteTarget: head.uri) {
            head.headers.replaceOrAdd(name: "Host", value: authority)
        }
        let announcesBody = head.headers.contains(name: "transfer-encoding") || head.headers["content-length"].contains { $0 != "0" }
        let isHTTP10 = head.version.major == 1 && head.version.minor == 0
        answers.append(Answer(version: isHTTP10 ? .http1_0 : .http1_1, closeAfter: isHTTP10 || announcesBody))
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response):
            let answer = answers.popFirst() ?? Answer(version: .http1_1, closeAfter: false)
            response.version = answer.version
            if answer.closeAfter { response.headers.replaceOrAdd(name: "Connection", value: "close") }
            closeAfterResponse = answer.closeAfter
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            closeAfterResponse = false
            // Closed once the last bytes are out, not before: an HTTP/1.0 body without a length ends there.
            let written = context.eventLoop.makePromise(of: Void.self)
            if let promise { written.futureResult.cascade(to: promise) }
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            context.writeAndFlush(data, promise: written)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stalled?.cancel()
            stalled = nil
        } else if stalled == nil {
            stalled = context.eventLoop.assumeIsolated().scheduleTask(in: stallTimeout) {
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stalled?.cancel()
        stalled = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stalled?.cancel()
        stalled = nil
    }

    /// The `host[:port]` of an absolute-form target (`http://host[:port]/path`, any scheme), or nil for an
    /// origin-form target (`/path`) or anything else, which the request guard judges by its path.
    static func authority(ofAbsoluteTarget target: String) -> String? {
        guard !target.hasPrefix("/"), let separator = target.range(of: "://") else { return nil }
        let rest = target[separator.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(rest[..<end])
    }
}
