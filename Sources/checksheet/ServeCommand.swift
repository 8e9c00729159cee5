import ArgumentParser
import ChecksheetKit
import Dispatch
import Foundation
import Hummingbird
import PreviewServer
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine and rebuild it on every edit, reloading open pages.",
        discussion: """
        Serves what `build` writes, with a live-reload script added to each page (only here: `build` never writes it). \
        Each good build is also written to the output folder, unless it shows a draft revision (drafts are previewed, \
        never written where `build` leaves them out). When an edit breaks the content, the last good build \
        stays served and the errors are printed here and shown over the page; fixing the file reloads the page. \
        Stop with Ctrl-C.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("The address to listen on. Anything but loopback shows the preview to the network.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    @OptionGroup var publishing: BaseURLOption

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, such as 127.0.0.1") }
    }

    func run() throws {
        // Both refused before the first build, so that nothing is built or written for a server that cannot start.
        if let problem = PortProbe.problem(host: host, port: port) {
            Self.printError("error: \(problem)\n  hint: stop the program that uses it, or pass another --port (0 picks a free one)")
            throw ExitCode.failure
        }
        if case let .failure(refusal) = site.siteOutput.check() {
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        var configuration = PreviewConfiguration(content: site.content, theme: site.theme, output: site.output, baseURL: publishing.baseURL,
                                                 host: host, port: port)
        configuration.tool = ToolIdentity.current
        if !configuration.listensOnLoopbackOnly {
            Self.printError("warning: listening on \(host): other machines can reach the preview")
        }
        let app = buildApplication(configuration, report: Self.print)
        // The root command is synchronous, so this one is too: it blocks until the server has stopped.
        // The server runs on its own threads; SIGINT and SIGTERM end it gracefully.
        let outcome = Mutex<(any Error)?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await app.runService()
            } catch {
                outcome.withLock { $0 = error }
            }
            stopped.signal()
        }
        stopped.wait()
        if let error = outcome.withLock({ $0 }) {
            Self.printError("error: the preview server stopped: \(error)")
            throw ExitCode.failure
        }
    }

    /// One report as a line or a few; written straight to the descriptors, so a pipe sees each line at once.
    static func print(_ report: PreviewReport) {
        switch report {
        case let .serving(url):
            printOutput("Serving \(url) (Ctrl-C to stop)")
        case let .built(build):
            let what = build.changed.isEmpty ? "Built" : "\(build.changed.joined(separator: ", ")) changed: rebuilt"
            let time = "\(build.duration.components.seconds * 1000 + build.duration.components.attoseconds / 1_000_000_000_000_000) ms"
            if build.succeeded {
                DiagnosticPrinter.print(build.diagnostics)
                let tabs = build.tabs == 1 ? "1 tab" : "\(build.tabs) tabs"
                let note = build.siteChanged ? (build.changed.isEmpty ? "" : ", reloading \(tabs)") : ", no page changed"
                printOutput("\(what) \(build.files) files in \(time)\(note)")
            } else {
                DiagnosticPrinter.print(build.diagnostics)
                printOutput(build.changed.isEmpty ? "The first build failed in \(time): serving a page that waits for a good build"
                                                  : "\(what) with errors in \(time): still serving the last good build")
            }
        case let .outputNotWritten(reason):
            printError(reason)
        }
    }

    static func printOutput(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
