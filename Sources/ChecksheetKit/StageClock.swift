import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When each stage of a run ended, for `Benchmarks/`: with `CHECKSHEET_STAGES` set in the environment, `build` prints
/// on standard error, as it ends, the milliseconds from the start of `main` to the end of each stage marked and the
/// thread that marked it. A profiler says where the CPU goes; only this says what a run waited for. Unset, a mark costs
/// one check of a constant; `serve`, which never starts the clock, keeps no marks.
public enum StageClock {
    public static let enabled = getenv("CHECKSHEET_STAGES") != nil

    private static let lock = NSLock()
    nonisolated(unsafe) private static var marks: [(seconds: Double, stage: String, onMain: Bool)] = []
    nonisolated(unsafe) private static var start: Double?

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Starts the clock of a run that will print its report; marks before it are not kept.
    public static func begin() {
        guard enabled else { return }
        let seconds = now()
        lock.lock()
        defer { lock.unlock() }
        start = seconds
        marks = [(seconds, "start of main", Thread.isMainThread)]
    }

    /// Marks the end of `stage`.
    public static func mark(_ stage: @autoclosure () -> String) {
        guard enabled else { return }
        let seconds = now()
        let onMain = Thread.isMainThread
        lock.lock()
        defer { lock.unlock() }
        guard start != nil else { return }
        marks.append((seconds, stage(), onMain))
    }

    /// The marks so far, one line each, in the order the stages ended.
    public static func report() -> String {
        lock.lock()
        defer { lock.unlock() }
        guard let start else { return "" }
        return marks.sorted { $0.seconds < $1.seconds }.map { mark in
            String(format: "%8.1f ms  ", (mark.seconds - start) * 1000) + (mark.onMain ? "main   " : "other  ") + mark.stage + "\n"
        }.joined()
    }
}
