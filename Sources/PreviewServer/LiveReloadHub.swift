import ChecksheetKit
import Synchronization

/// The open browser tabs, each listening to `/_preview/events`, and what is sent to all of them.
public final class LiveReloadHub: Sendable {
    /// A message to every open tab.
    public enum Event: Sendable, Equatable {
        /// A new build is served: reload.
        case reload(buildID: String)
        /// The last build failed: show its diagnostics over the page, which stays the build `buildID`.
        case failed(buildID: String, [Diagnostic])
        /// Keeps the connection alive and finds tabs that were closed (a write to them fails).
        case ping
    }

    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<Event>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())

    public init() {}

    /// How many tabs are listening.
    public var count: Int { subscribers.withLock { $0.continuations.count } }

    /// A stream of the events sent from now on; it ends when the hub finishes or the stream is dropped.
    public func subscribe() -> AsyncStream<Event> {
        // A slow tab loses old events, never blocks the others; a reload supersedes what came before it.
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(8))
        let id = subscribers.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
        // Runs when the tab's stream ends, which may be inside `finishAll()`: that is why no continuation is
        // ever finished while the lock is held (the lock is not re-entrant).
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        subscribers.withLock { $0.continuations[id] = continuation }
        return stream
    }

    /// Sends `event` to every open tab.
    public func send(_ event: Event) {
        let continuations = subscribers.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield(event) }
    }

    /// Ends every stream, so that each tab's response completes (on shutdown).
    public func finishAll() {
        // Taken out of the lock first: `finish()` runs `onTermination`, which takes the lock again.
        let continuations = subscribers.withLock { state in
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
