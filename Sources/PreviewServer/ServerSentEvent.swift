import ChecksheetKit
import Foundation

/// The frames of `/_preview/events` (`text/event-stream`) and the JSON of `/_preview/status`.
enum ServerSentEvent {
    /// What the browser and the tests read: the served build and the errors of the last build.
    struct Status: Codable, Equatable {
        struct Problem: Codable, Equatable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var message: String
            var hint: String?
            /// `file:line:column: error: message`, as the terminal prints it.
            var location: String

            init(_ diagnostic: Diagnostic) {
                file = diagnostic.file
                line = diagnostic.line
                column = diagnostic.column
                severity = diagnostic.severity.rawValue
                message = diagnostic.message
                hint = diagnostic.hint
                location = diagnostic.formatted.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? diagnostic.formatted
            }
        }

        /// The served build's identifier (`none` before the first successful build).
        var build: String
        /// False while the last build failed.
        var ok: Bool
        /// The failed build's diagnostics.
        var diagnostics: [Problem]

        init(build: String, diagnostics: [Diagnostic]) {
            self.build = build
            self.ok = diagnostics.isEmpty
            self.diagnostics = diagnostics.map(Problem.init)
        }

        init(_ current: PreviewState.Current) {
            self.init(build: current.site.buildID, diagnostics: current.diagnostics)
        }
    }

    /// Asks the browser to reconnect one second after the connection drops (a restarted server).
    static let retry = "retry: 1000\n\n"

    /// The first frame of a stream: the served build, so that a page from an older build reloads at once.
    static func hello(_ current: PreviewState.Current) -> String {
        frame(event: "hello", data: json(Status(current)))
    }

    static func frame(_ event: LiveReloadHub.Event) -> String {
        switch event {
        case let .reload(buildID): return frame(event: "reload", data: json(Status(build: buildID, diagnostics: [])))
        case let .failed(buildID, diagnostics): return frame(event: "failed", data: json(Status(build: buildID, diagnostics: diagnostics)))
        case .ping: return ": ping\n\n"
        }
    }

    /// One event; `data` is single-line JSON, so it needs no splitting into several `data:` lines.
    static func frame(event: String, data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }

    static func json(_ status: Status) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(status)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
