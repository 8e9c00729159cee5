import ArgumentParser
import ChecksheetKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and the theme without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var strictness: StrictOption

    @OptionGroup var clock: TodayOption

    @Flag(help: "Run the release gate on every draft revision (what `checksheet publish` checks) and print what each would change; with no draft, on the published current revision.")
    var release = false

    func run() throws {
        if release { return try ReleaseCheck.run(site, today: clock.date) }
        let content = ContentSource.read(from: site.content)
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: site.theme), options: .init(strict: strictness.strict, drafts: true))
        DiagnosticPrinter.print((outcome.diagnostics + ReleaseGate.futureRevisions(content, today: clock.date)).sorted())
        if outcome.files == nil { throw ExitCode.failure }
        print("No errors in \(site.content)/ and \(site.theme)/")
    }
}
