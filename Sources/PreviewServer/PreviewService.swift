import ChecksheetKit
import Dispatch
import Foundation
import ServiceLifecycle

/// Watches the content and theme folders, rebuilds on a change, swaps the new build in and tells the
/// open tabs; sends the heartbeat. Runs beside the HTTP server in the application's service group.
struct PreviewService: Service {
    let configuration: PreviewConfiguration
    let state: PreviewState
    let hub: LiveReloadHub
    let report: @Sendable (PreviewReport) -> Void
    /// The inputs as the first build read them.
    let builder: SiteBuilder
    /// Writes good builds to the output folder; nil when there is none.
    let writer: OutputWriter?
    /// Where builds run, off the threads that answer requests.
    private let buildQueue = DispatchQueue(label: "checksheet.preview.build")
    /// Where the watcher waits for a change, off the threads that answer requests.
    private let waitQueue = DispatchQueue(label: "checksheet.preview.wait")

    init(configuration: PreviewConfiguration, state: PreviewState, hub: LiveReloadHub, report: @escaping @Sendable (PreviewReport) -> Void,
         builder: SiteBuilder) {
        self.configuration = configuration
        self.state = state
        self.hub = hub
        self.report = report
        self.builder = builder
        writer = configuration.output.map { OutputWriter(output: SiteOutput(path: $0, content: configuration.content, theme: configuration.theme), report: report) }
    }

    func run() async throws {
        // Stops polling at once on SIGTERM/SIGINT, then ends every event stream so the server can finish.
        try? await cancelWhenGracefulShutdown { [self] in try await watch(from: builder) }
        hub.finishAll()
        await writer?.flush()
    }

    func watch(from initial: SiteBuilder) async throws {
        let clock = ContinuousClock()
        var builder = initial
        var nextPing = clock.now + configuration.heartbeatInterval
        let signal = configuration.watchesBySignal ? ChangeSignal(folders: [configuration.content, configuration.theme]) : nil
        while true {
            // Whether the kernel said the saves it reported had ended: then there is nothing to wait for. And the files
            // its events named: then only they are looked at, not every file of the content.
            var saved = false, named: [String]?
            if let signal {
                // Signalled changes are seen at once; a scan of every folder still runs every few polls in case a change
                // is not signalled (file systems that do not report to inotify), and after an event about a folder.
                let interval = configuration.pollInterval * 10
                if case let .changed(complete, files) = await offloaded(on: waitQueue, { signal.wait(timeout: interval) }) {
                    (saved, named) = (complete, files)
                }
                try Task.checkCancellation()
            } else {
                try await Task.sleep(for: configuration.pollInterval)
            }
            if clock.now >= nextPing {
                hub.send(.ping)
                nextPing = clock.now + configuration.heartbeatInterval
            }
            var scan = named.map { builder.stamps.restamped($0) } ?? builder.scan()
            guard scan != builder.stamps else { continue }
            // An editor may save in several writes: unless the kernel said the last one ended, wait until the files found
            // changed keep still (bounded). Only they are looked at again; a file saved meanwhile elsewhere is seen by
            // the next scan, and built then.
            let changing = scan.changes(since: builder.stamps).all
            for _ in 0..<(saved ? 0 : 10) {
                try await Task.sleep(for: configuration.settleInterval)
                let again = scan.restamped(changing)
                // A page cut to nothing is most likely an editor's truncation before it writes: waited for, bounded.
                if again == scan, !changing.contains(where: { again.files[$0]?.size == 0 }) { break }
                scan = again
            }
            let started = clock.now
            let changed = scan.changes(since: builder.stamps).all
            guard case .changed = builder.refresh(to: scan) else { continue }
            let current = builder
            let outcome = await offloaded(on: buildQueue) { current.build() }
            builder.keep(outcome)
            if let files = apply(outcome, script: try? builder.inputs.script.get(), changed: changed, duration: clock.now - started) {
                writer?.take(files, showsDrafts: outcome.showsDrafts)
            }
        }
    }

    /// Serves a good build and tells the tabs to reload, or keeps the last good build and tells them the errors.
    /// Returns the files to write to the output folder: those of a good build that changed the site.
    func apply(_ outcome: SiteBuilder.Outcome, script: Data?, changed: [String], duration: Duration) -> [OutputFile]? {
        guard let files = outcome.files, let script else {
            let previous = state.value
            state.fail(with: outcome.diagnostics)
            hub.send(.failed(buildID: previous.site.buildID, outcome.diagnostics))
            report(.built(.init(succeeded: false, changed: changed, files: 0, duration: duration, diagnostics: outcome.diagnostics,
                                siteChanged: false, tabs: hub.count)))
            return nil
        }
        let site = PreviewSite(build: files, script: script, rootPath: outcome.rootPath)
        let previous = state.succeed(with: site)
        let siteChanged = previous.site.buildID != site.buildID
        // After a failed build the tabs show errors: a reload clears them even when the files are the same.
        if siteChanged || !previous.diagnostics.isEmpty { hub.send(.reload(buildID: site.buildID)) }
        report(.built(.init(succeeded: true, changed: changed, files: files.count, duration: duration, diagnostics: outcome.diagnostics,
                            siteChanged: siteChanged, tabs: hub.count)))
        return siteChanged ? files : nil
    }
}
