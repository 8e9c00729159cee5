import ChecksheetKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer

/// Watching and rebuilding: what is read again after an edit, the live-reload hub, and the event stream
/// of a live server in process.
@Suite(.timeLimit(.minutes(2))) struct WatchTests {
    @Test func anEditedPageIsTheOnlyFileReadAgain() throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        var builder = SiteBuilder(configuration: workspace.configuration(output: false))
        #expect(builder.refresh(to: builder.scan()) == .unchanged)

        let original = try workspace.read(workspace.servicePage)
        try workspace.write(original + "\n追記\n", to: workspace.servicePage)
        #expect(builder.refresh(to: builder.scan()) == .changed(reread: [workspace.servicePage]))
        let page = builder.inputs.content.revisions[0].pages[.ja]?.first { $0.path == workspace.servicePage }
        #expect(page?.text == original + "\n追記\n")
        #expect(builder.inputs.content == ContentSource.read(from: workspace.content))

        // Saved again with the same bytes: nothing to build.
        try workspace.write(original + "\n追記\n", to: workspace.servicePage)
        #expect(builder.refresh(to: builder.scan()) == .unchanged)

        // A new file: the content folder is read again as a whole.
        let newPage = workspace.content + "/revisions/2025-03-07/ja/99-extra.md"
        try workspace.write("---\nno: 99\n---\n", to: newPage)
        #expect(builder.refresh(to: builder.scan()) == .changed(reread: [workspace.content + "/"]))
        #expect(builder.inputs.content == ContentSource.read(from: workspace.content))

        // Not UTF-8: left to the content reader, whose diagnostic says so.
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: newPage))
        #expect(builder.refresh(to: builder.scan()) == .changed(reread: [workspace.content + "/"]))

        // A theme file: the theme is read again.
        let css = workspace.theme + "/assets/style.css"
        try workspace.write(try workspace.read(css) + "\n/* edited */\n", to: css)
        #expect(builder.refresh(to: builder.scan()) == .changed(reread: [workspace.theme + "/"]))

        // Hidden files (editors' swap files) are not watched.
        try workspace.write("swap", to: workspace.content + "/revisions/2025-03-07/ja/.01-service-hours.md.swp")
        #expect(builder.scan() == builder.stamps)
    }

    @Test func withoutTheScriptTheBuildFailsWithADiagnostic() throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        try FileManager.default.removeItem(atPath: workspace.theme + "/preview/live-reload.js")
        let builder = SiteBuilder(configuration: workspace.configuration(output: false))
        let outcome = builder.build()
        #expect(outcome.files == nil)
        #expect(outcome.diagnostics.map(\.formatted).contains { $0.hasPrefix(workspace.theme + "/preview/live-reload.js: error: the theme has no live-reload script") })
    }

    @Test func theScriptIsInjectedBeforeTheLastClosingBody() {
        let tag = Data("<s>".utf8)
        #expect(PreviewSite.inject(tag, into: Data("a</body>b</BODY>c".utf8)) == Data("a</body>b<s></BODY>c".utf8))
        #expect(PreviewSite.inject(tag, into: Data("no body".utf8)) == Data("no body<s>".utf8))
        #expect(PreviewSite.inject(tag, into: Data()) == Data("<s>".utf8))
    }

    @Test func identicalBuildsHaveTheSameIdentifier() {
        let files = [OutputFile(path: "b.html", text: "<body></body>"), OutputFile(path: "a.css", text: "x")]
        let one = PreviewSite(build: files, script: Data("s".utf8))
        #expect(one == PreviewSite(build: files.reversed(), script: Data("s".utf8)))
        #expect(one.buildID != PreviewSite(build: files, script: Data("t".utf8)).buildID)
        #expect(one.buildID != PreviewSite(build: [files[0]], script: Data("s".utf8)).buildID)
        #expect(one.files["b.html"] == Data("<body><script src=\"/_preview/live-reload.js\" data-build=\"\(one.buildID)\" defer></script>\n</body>".utf8))
        #expect(one.files["a.css"] == Data("x".utf8))
        // The size a request is told is that of the bytes it gets, the reload tag included.
        #expect(one.files.size("b.html") == one.files["b.html"]?.count && one.files.size("a.css") == 1 && one.files.size("none.html") == nil)
    }

    /// Finishing the streams must not take the hub's lock while `onTermination` takes it too.
    @Test func theHubFinishesEveryStreamAndForgetsDroppedOnes() async throws {
        let hub = LiveReloadHub()
        let first = hub.subscribe()
        do {
            let dropped = hub.subscribe()
            _ = dropped
        }
        let second = hub.subscribe()
        hub.send(.reload(buildID: "b1"))
        hub.send(.ping)
        hub.finishAll()
        #expect(hub.count == 0)
        var received: [[LiveReloadHub.Event]] = []
        for stream in [first, second] {
            var events: [LiveReloadHub.Event] = []
            for await event in stream { events.append(event) }
            received.append(events)
        }
        #expect(received == [[.reload(buildID: "b1"), .ping], [.reload(buildID: "b1"), .ping]])
        hub.send(.ping)
    }

    /// A live server in process: the event stream's frames, heartbeats, a reload after an edit, the
    /// diagnostics of a broken page, and a graceful shutdown while the stream is still open.
    @Test func theEventStreamReportsBuildsAndPings() async throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        let app = buildApplication(workspace.configuration(output: false))
        let open = OpenStream()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await onThread {
                let events = try EventStream(port: port, host: "localhost")
                #expect(events.headers["content-type"] == "text/event-stream; charset=utf-8")
                #expect(events.headers["cache-control"] == "no-store")
                let hello = try events.next(event: "hello", containing: "\"ok\":true")
                #expect(events.frames.first?.hasPrefix("retry: 1000") == true)
                _ = try events.next(timeout: .seconds(60)) { $0 == ": ping" }

                let original = try workspace.read(workspace.servicePage)
                try workspace.write(original + "\nlive-edit\n", to: workspace.servicePage)
                let reload = try events.next(event: "reload")
                #expect(reload != hello)
                #expect(try eventually { try LoopbackHTTP.request(port: port, host: "localhost", "/ja/items/service-hours/").text.contains("live-edit") })

                try workspace.write(original.replacingOccurrences(of: "no: 1\n", with: "no: 一\n"), to: workspace.servicePage)
                // The write is not atomic: the page may be found cut short first, and that reported before the broken page.
                let location = "\"location\":\"\(workspace.servicePage):2:5: error: 'no' must be a whole number"
                let failed = try events.next(event: "failed", containing: location)
                #expect(failed.contains(location))
                #expect(failed.contains("\"ok\":false"))
                let stale = try LoopbackHTTP.request(port: port, host: "localhost", "/ja/items/service-hours/")
                #expect(stale.status == 200)
                #expect(stale.text.contains("live-edit"))
                open.stream = events
            }
            // The test framework now shuts the server down gracefully with the stream still open.
        }
        // Shutdown ended the stream (its last chunk arrived) instead of waiting for the tab to go away.
        let stream = try #require(open.stream)
        try await onThread { try stream.waitForEnd(timeout: .seconds(5)) }
    }

    /// The kernel's signal says whether a save ended (the file closed after writing, or moved into place), so that the
    /// watcher builds at once; and a folder made later is watched too, without walking the tree after every save.
    @Test func theChangeSignalTellsASaveThatEndedAndWatchesNewFolders() throws {
        let root = NSTemporaryDirectory() + "checksheet-signal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let signal = try #require(ChangeSignal(folders: [root]))
        #expect(signal.wait(timeout: .milliseconds(20)) == .timedOut)

        let handle = try #require(FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: root + "/a.md", contents: nil); return root + "/a.md" }()))
        let a = root + "/a.md"
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: true, files: [a]))   // created and closed
        try handle.write(contentsOf: Data("one".utf8))
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: false, files: [a]))  // written, still open
        try handle.close()
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: true, files: [a]))
        // An editor's hidden swap file is no file of the content, and says nothing of a save.
        try Data("swap".utf8).write(to: URL(fileURLWithPath: root + "/.a.md.swp"))
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: false, files: []))

        try FileManager.default.createDirectory(atPath: root + "/2025-06-01/ja", withIntermediateDirectories: true)
        // An event about a folder names no file: the watcher scans every folder.
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: false, files: nil))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/2025-06-01/ja/b.md"))
        #expect(signal.wait(timeout: .seconds(5)) == .changed(complete: true, files: [root + "/2025-06-01/ja/b.md"]))
    }

    /// Where the kernel gives no change signal, the watcher polls: an edit, then one that breaks the page, are each
    /// seen and served within a few polls.
    @Test func withoutTheChangeSignalPollingSeesEdits() async throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        var configuration = workspace.configuration(output: false)
        configuration.watchesBySignal = false
        let app = buildApplication(configuration)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await onThread {
                let events = try EventStream(port: port, host: "localhost")
                _ = try events.next(event: "hello", containing: "\"ok\":true")
                let original = try workspace.read(workspace.servicePage)
                try workspace.write(original + "\npolled-edit\n", to: workspace.servicePage)
                _ = try events.next(event: "reload")
                #expect(try LoopbackHTTP.request(port: port, host: "localhost", "/ja/items/service-hours/").text.contains("polled-edit"))
                try workspace.write(original.replacingOccurrences(of: "no: 1\n", with: "no: 一\n"), to: workspace.servicePage)
                let location = "\"location\":\"\(workspace.servicePage):2:5: error: 'no' must be a whole number"
                let failed = try events.next(event: "failed", containing: location)
                #expect(failed.contains(location))
            }
        }
    }
}

/// Keeps an event stream open across the end of a test closure.
final class OpenStream: @unchecked Sendable {
    var stream: EventStream?
}
