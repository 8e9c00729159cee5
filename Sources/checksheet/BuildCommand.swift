import ArgumentParser
import ChecksheetKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and write the site.",
        discussion: """
        The output folder is replaced only when it is absent, empty or written by an earlier build, and only when the \
        whole build succeeded; on any error it stays as it was.
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var publishing: BaseURLOption

    @Flag(help: "Treat English that was not updated after its Japanese changed as an error.")
    var strict = false

    @Flag(help: "Include draft revisions, every page marked \"draft, not published\" (for review; never upload this build).")
    var drafts = false

    @Flag(help: "Render every page, even those an earlier build in the output folder made from the same inputs.")
    var clean = false

    func run() throws {
        // Refused before any work, so that a wrong --output costs nothing and changes nothing.
        let output = site.siteOutput
        let folder: String
        switch output.check() {
        case let .success(resolved): folder = resolved
        case let .failure(refusal):
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        // The earlier build in the folder lends its unchanged pages; `--clean` renders every page anew.
        let previous = clean ? nil : PreviousBuild.folder(folder)
        let outcome = Pipeline.build(content: ContentSource.read(from: site.content), theme: Theme.read(from: site.theme),
                                     options: .init(baseURL: publishing.baseURL, strict: strict, drafts: drafts, previous: previous, tool: ToolIdentity.current))
        DiagnosticPrinter.print(outcome.diagnostics)
        guard let files = outcome.files else { throw ExitCode.failure }
        switch output.write(files) {
        case let .failure(refusal):
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        case let .success(report):
            let bytes = files.reduce(0) { $0 + $1.contents.count }
            var summary = "Wrote \(files.count) files (\(bytes) bytes) to \(site.output)/"
            if report.unchanged > 0 || report.removed > 0 { summary += " (\(report.written) changed, \(report.unchanged) unchanged, \(report.removed) removed)" }
            if report.updatedInPlace { summary += ", updated in place because the folder cannot be swapped whole" }
            print(summary + "; open \(site.output)/index.html")
        }
    }
}
