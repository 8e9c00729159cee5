import Foundation
@testable import PreviewServer
import TestSupport

/// A temporary copy of the real Content/ and Site/, so that tests can edit them; removed by `remove()`.
struct Workspace: Sendable {
    let root: String
    var content: String { root + "/Content" }
    var theme: String { root + "/Site" }
    var output: String { root + "/public" }
    /// The Japanese page of item 1, which the tests edit.
    var servicePage: String { content + "/revisions/2025-03-07/ja/01-service-hours.md" }

    static func make() throws -> Workspace {
        let root = NSTemporaryDirectory() + "checksheet-preview-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.content, toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: Repository.theme, toPath: root + "/Site")
        return Workspace(root: root)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A preview of this workspace on a free loopback port that notices edits quickly.
    func configuration(output: Bool = true) -> PreviewConfiguration {
        PreviewConfiguration(content: content, theme: theme, output: output ? self.output : nil, host: "127.0.0.1", port: 0,
                             pollInterval: .milliseconds(50), settleInterval: .milliseconds(10), heartbeatInterval: .milliseconds(200))
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }
}

/// Runs blocking work (sockets, child processes, sleeps) on a thread of its own, never on one of the
/// few threads Swift concurrency shares with the server under test.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}

/// Waits until `condition` holds, checking every 20 ms; false when `timeout` passed first.
func eventually(timeout: Duration = .seconds(60), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
}
