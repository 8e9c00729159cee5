import Foundation
import Synchronization
import Testing
import TestSupport

/// `checksheet serve` run as a person runs it, over a copy of the real sheet, on a free loopback port:
/// edits, a broken page and its fix, seen through the pages, the event stream, the status and the terminal.
@Suite(.timeLimit(.minutes(3))) struct ServeCommandTests {
    static let page = "/ja/items/service-hours/"

    @Test func editBreakAndFixWhileServing() async throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        try await onThread { try Self.scenario(workspace) }
    }

    static func scenario(_ workspace: Workspace) throws {
        let server = try ServerProcess(arguments: ["serve", "--port", "0", "--content", "Content", "--theme", "Site", "--output", "public"],
                                       directory: workspace.root)
        defer { server.stop() }
        let line = try server.waitForOutput { $0.hasPrefix("Serving http://127.0.0.1:") }
        let port = try #require(line.firstMatch(of: /Serving http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl-C to stop\)/).flatMap { Int($0.output.1) })
        #expect(server.output.firstMatch(of: /^Built \d+ files in \d+ ms\n/) != nil)

        let events = try EventStream(port: port)
        _ = try events.next(event: "hello", containing: "\"ok\":true")
        let first = try LoopbackHTTP.request(port: port, page)
        #expect(first.status == 200)
        #expect(first.text.contains("24時間365日（計画停止／定期保守を除く）"))
        #expect(first.text.contains("<script src=\"/_preview/live-reload.js\""))
        let firstTag = try #require(first.headers["etag"])

        // An edit: the tab is told to reload, and the new text is served.
        let original = try workspace.read(workspace.servicePage)
        try workspace.write(original + "\nedit-AAAA\n", to: workspace.servicePage)
        _ = try events.next(event: "reload")
        let edited = try servedPage(port: port, containing: "edit-AAAA")
        let editedTag = try #require(edited.headers["etag"])
        #expect(editedTag != firstTag)
        #expect(try LoopbackHTTP.request(port: port, page, headers: ["If-None-Match": editedTag]).status == 304)

        // The same size again within the second: a validator from mtime and size would not see it.
        try workspace.write(original + "\nedit-BBBB\n", to: workspace.servicePage)
        _ = try events.next(event: "reload")
        _ = try servedPage(port: port, containing: "edit-BBBB")
        let again = try LoopbackHTTP.request(port: port, page, headers: ["If-None-Match": editedTag])
        #expect(again.status == 200)
        #expect(again.text.contains("edit-BBBB"))

        // A broken page: the last good build stays served; the diagnostics reach the tab, the status and the terminal.
        let location = "Content/revisions/2025-03-07/ja/01-service-hours.md:2:5: error: 'no' must be a whole number"
        try workspace.write((original + "\nedit-BBBB\n").replacingOccurrences(of: "no: 1\n", with: "no: 一\n"), to: workspace.servicePage)
        // The write is not atomic: a poll may find the page cut short first, and report that, before the broken page.
        let failed = try events.next(event: "failed", containing: "\"location\":\"\(location)")
        #expect(failed.contains("\"location\":\"\(location)"))
        #expect(failed.contains("\"hint\":\"write the item's place in the sheet"))
        let status = try LoopbackHTTP.request(port: port, "/_preview/status")
        #expect(status.text.contains("\"ok\":false"))
        #expect(status.text.contains("\"location\":\"\(location)"))
        let stale = try LoopbackHTTP.request(port: port, page)
        #expect(stale.status == 200)
        #expect(stale.text.contains("edit-BBBB"))
        #expect(eventually { server.errors.contains(location) })
        #expect(eventually { server.output.contains("with errors") })

        // Fixed: a reload, and the errors are gone.
        try workspace.write(original + "\nedit-CCCC\n", to: workspace.servicePage)
        _ = try events.next(event: "reload")
        _ = try servedPage(port: port, containing: "edit-CCCC")
        #expect(try LoopbackHTTP.request(port: port, "/_preview/status").text.contains("\"ok\":true"))

        // The good build is on disk before a stranger's file lands in the folder (after which the folder is no
        // longer the build's own, and writes to it are refused).
        #expect(eventually { String(decoding: FileManager.default.contents(atPath: workspace.output + "/ja/items/service-hours/index.html") ?? Data(), as: UTF8.self).contains("edit-CCCC") })
        // Over a real socket too, nothing outside the site is reachable.
        try workspace.write("secret\n", to: workspace.root + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: workspace.output + "/leak.txt", withDestinationPath: workspace.root + "/secret.txt")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/ja/..%2f..%2fsecret.txt", "/ja/../../secret.txt", "/index.html%00.txt"] {
            #expect(try LoopbackHTTP.request(port: port, path).status == 400, "\(path)")
        }
        #expect(try LoopbackHTTP.request(port: port, "/leak.txt").status == 404)
        #expect(try LoopbackHTTP.request(port: port, method: "POST", "/").status == 405)

        // SIGTERM with a tab still listening: the server ends the stream and exits.
        #expect(server.terminate(timeout: .seconds(15)) == 0)
        try events.waitForEnd(timeout: .seconds(5))

        // The output folder holds what `build` writes for the same content: no reload script.
        let built = workspace.root + "/built"
        let build = try ServerProcess(arguments: ["build", "--content", "Content", "--theme", "Site", "--output", built], directory: workspace.root)
        #expect(build.terminate(timeout: .seconds(60), signal: nil) == 0)
        // Page for page; the markers differ in what they record (a build records its inputs, the preview does not).
        var served = FileTree.read(workspace.output)
        served["leak.txt"] = nil
        served[".checksheet-build.json"] = nil
        #expect(served == FileTree.read(built).filter { $0.key != ".checksheet-build.json" })
        #expect(!served.values.contains { String(decoding: $0, as: UTF8.self).contains("live-reload") })
    }
}

extension ServeCommandTests {
    /// The item page once it contains `text` (a reload event may have been for the write before).
    static func servedPage(port: Int, containing text: String) throws -> LoopbackHTTP.Reply {
        var reply: LoopbackHTTP.Reply?
        let found = try eventually {
            reply = try LoopbackHTTP.request(port: port, page)
            return reply?.status == 200 && reply?.text.contains(text) == true
        }
        guard found, let reply else { throw LoopbackHTTP.Failure(description: "\(page) never contained '\(text)'") }
        return reply
    }
}

/// A child process of the built `checksheet`, its output collected as it comes; always stopped.
final class ServerProcess: @unchecked Sendable {
    /// Standard output and standard error so far.
    final class Collected: Sendable {
        let texts = Mutex((output: "", errors: ""))
    }

    let process = Process()
    private let collected = Collected()

    init(arguments: [String], directory: String) throws {
        process.executableURL = URL(fileURLWithPath: BuiltProduct.checksheet)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [collected] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { return }
                    let text = String(decoding: data, as: UTF8.self)
                    collected.texts.withLock { if isOutput { $0.output += text } else { $0.errors += text } }
                }
            }
        }
    }

    deinit { stop() }

    var output: String { collected.texts.withLock { $0.output } }
    var errors: String { collected.texts.withLock { $0.errors } }

    /// The first line of standard output that satisfies `predicate`; throws after `timeout`.
    func waitForOutput(timeout: Duration = .seconds(60), _ predicate: (String) -> Bool) throws -> String {
        var found: String?
        _ = eventually(timeout: timeout) {
            found = output.split(separator: "\n").map(String.init).first(where: predicate)
            return found != nil || !process.isRunning
        }
        guard let found else {
            throw LoopbackHTTP.Failure(description: "no such line from checksheet; output:\n\(output)\nerrors:\n\(errors)")
        }
        return found
    }

    /// Sends `signal` (none: just waits) and waits for the exit; kills the process after `timeout`.
    /// Returns the exit status, or nil when it had to be killed.
    @discardableResult
    func terminate(timeout: Duration, signal: Int32? = SIGTERM) -> Int32? {
        if let signal, process.isRunning { kill(process.processIdentifier, signal) }
        if eventually(timeout: timeout, { !process.isRunning }) { return process.terminationStatus }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return nil
    }

    /// Stops the process if it still runs.
    func stop() {
        guard process.isRunning else { return }
        terminate(timeout: .seconds(5))
    }
}
