import Synchronization

/// The port the server listens on, known once it is bound (`--port 0` lets the system choose).
///
/// `HostGuard` checks the port of a request's `Host` against it.
final class ListeningPort: Sendable {
    private let port: Mutex<Int?>

    /// A port given as 0 is not known until the server runs.
    init(configured: Int) {
        port = Mutex(configured == 0 ? nil : configured)
    }

    /// The bound port, or nil before the server runs.
    var value: Int? { port.withLock { $0 } }

    /// Records the port the server was bound to.
    func bound(to value: Int?) {
        guard let value else { return }
        port.withLock { $0 = value }
    }
}
