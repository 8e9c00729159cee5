import ArgumentParser
import ChecksheetKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and the theme without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var strictness: StrictOption

    @Flag(help: "Run the release gate on every draft revision (what `checksheet publish` checks) and print what each would change.")
    var release = false

    func run() throws {
        if release { return try ReleaseCheck.run(site) }
        let outcome = Pipeline.check(content: ContentSource.read(from: site.content), theme: Theme.read(from: site.theme),
                                     options: .init(strict: strictness.strict, drafts: true))
        DiagnosticPrinter.print(outcome.diagnostics)
        if outcome.files == nil { throw ExitCode.failure }
        print("No errors in \(site.content)/ and \(site.theme)/")
    }
}
