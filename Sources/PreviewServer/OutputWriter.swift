import ChecksheetKit
import Dispatch
import Synchronization

/// Writes good builds to the output folder, as `checksheet build` does, on a queue of its own: the tabs
/// are reloaded and the next edit is watched for without waiting for the disk. A build superseded
/// before its turn is skipped; the newest one is always written.
final class OutputWriter: Sendable {
    let output: SiteOutput
    let report: @Sendable (PreviewReport) -> Void
    private let queue = DispatchQueue(label: "checksheet.preview.output")
    private let pending = Mutex<[OutputFile]?>(nil)
    /// The stamps of the files the last write left, so that the next one need not read back what it did not change.
    private let stamps = Mutex<OutputStamps?>(nil)
    /// Whether the builds offered since the last write showed drafts (said once, not at every edit).
    private let withholding = Mutex(false)

    init(output: SiteOutput, report: @escaping @Sendable (PreviewReport) -> Void) {
        self.output = output
        self.report = report
    }

    /// Takes a good build: written (now, for the first build, or scheduled), unless its pages show a draft revision.
    /// The output folder is what gets uploaded and `build` leaves drafts out of it, so a preview of drafts is served
    /// only; the folder keeps the last build without drafts.
    func take(_ files: [OutputFile], showsDrafts: Bool, now: Bool = false) {
        guard showsDrafts else {
            withholding.withLock { $0 = false }
            if now { writeNow(files) } else { schedule(files) }
            return
        }
        let first = withholding.withLock { withheld in
            defer { withheld = true }
            return !withheld
        }
        if first {
            report(.outputNotWritten("note: the preview shows a draft revision, so it is not written to '\(output.path)', the folder that gets uploaded "
                + "(`checksheet build` leaves drafts out of it)\n  hint: `checksheet build --drafts --output preview` writes a draft build for review"))
        }
    }

    /// Writes `files` now, on the caller's thread (the first build, before serving starts).
    func writeNow(_ files: [OutputFile]) {
        // With the stamps, the check before the write does not walk the folder again, and after an update of a few
        // files only those are stamped anew.
        var output = self.output
        output.stamps = stamps.withLock { $0 }
        let folder = output.resolved
        let before = folder.flatMap { output.stamps?.describing($0) }
        switch output.write(files) {
        case let .failure(refusal):
            report(.outputNotWritten(refusal.diagnostics.map(\.formatted).joined(separator: "\n")))
        case let .success(written):
            let recorded = folder.flatMap { OutputStamps.record($0, after: written, before: before) }
            stamps.withLock { $0 = recorded }
        }
    }

    /// Schedules `files` to be written, replacing a build that is waiting for its turn.
    func schedule(_ files: [OutputFile]) {
        let waiting = pending.withLock { pending in
            defer { pending = files }
            return pending != nil
        }
        if !waiting { queue.async { self.drain() } }
    }

    private func drain() {
        guard let files = pending.withLock({ pending in
            defer { pending = nil }
            return pending
        }) else { return }
        writeNow(files)
    }

    /// Returns once every write scheduled so far has finished (at shutdown).
    func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }
}

/// Runs blocking work (a build) on a Dispatch queue, keeping Swift concurrency's few threads free to
/// answer requests meanwhile.
func offloaded<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        queue.async { continuation.resume(returning: work()) }
    }
}
