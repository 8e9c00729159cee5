import Dispatch

/// Work started at once on another thread, for a result wanted later.
///
/// A rebuild after a small edit spends most of its time in reads that do not depend on one another (the output's
/// stamps, the content, the cache of parsed pages), each on one core while the other waits. Started as `Pending`
/// values they overlap. The work runs on a global queue rather than inside `parallelMap`, so that work which itself
/// spreads over the cores (reading the content) still does: an apply nested in another runs on one thread.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchGroup()
    // Written once, before `finished` is left; read only after waiting for it.
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            value = work()
            finished.leave()
        }
    }

    /// The work's result, waiting for it when it has not finished.
    public var result: Value {
        finished.wait()
        return value!
    }
}
