import ArgumentParser
import ChecksheetKit

/// `check --release`: the release gate on every draft, or on the published current revision when there is none,
/// without publishing anything.
enum ReleaseCheck {
    static func run(_ site: SiteOptions, today: String) throws {
        let gate = ReleaseGate.run(nil, content: ContentSource.read(from: site.content), theme: Theme.read(from: site.theme), today: today)
        DiagnosticPrinter.print(gate.diagnostics)
        if gate.diagnostics.hasErrors { throw ExitCode.failure }
        if let published = gate.published {
            print("No draft revision in \(site.content)/revisions; the published revision \(published) passes the gate as the site shows it.")
            return
        }
        for summary in gate.summaries {
            print(summary.text(), terminator: "")
            print("Ready: checksheet publish \(summary.date)")
        }
    }
}
