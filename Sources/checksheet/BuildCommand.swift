import ArgumentParser
import ChecksheetKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and write the site.",
        discussion: "The output folder is replaced only when the whole build succeeded; on any error it stays as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site is published at (overrides site.yml).", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Treat English that was not updated after its Japanese changed as an error.")
    var strict = false

    @Flag(help: "Include draft revisions, every page marked \"draft, not published\" (for review; never upload this build).")
    var drafts = false

    func run() throws {
        let outcome = Pipeline.build(content: ContentSource.read(from: site.content), theme: Theme.read(from: site.theme),
                                     options: .init(baseURL: baseURL, strict: strict, drafts: drafts))
        DiagnosticPrinter.print(outcome.diagnostics)
        guard let files = outcome.files else { throw ExitCode.failure }
        do {
            try OutputFolder.replace(site.output, with: files)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        let bytes = files.reduce(0) { $0 + $1.contents.count }
        print("Wrote \(files.count) files (\(bytes) bytes) to \(site.output)/; open \(site.output)/index.html")
    }
}
