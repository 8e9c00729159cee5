import ArgumentParser
import ChecksheetKit

/// `check --release`: the release gate on every draft, without publishing anything.
enum ReleaseCheck {
    static func run(_ site: SiteOptions) throws {
        let gate = ReleaseGate.run(nil, content: ContentSource.read(from: site.content), theme: Theme.read(from: site.theme))
        DiagnosticPrinter.print(gate.diagnostics)
        if gate.diagnostics.hasErrors { throw ExitCode.failure }
        if gate.summaries.isEmpty {
            print("No draft revision in \(site.content)/revisions; nothing to release.")
            return
        }
        for summary in gate.summaries {
            print(summary.text(), terminator: "")
            print("Ready: checksheet publish \(summary.date)")
        }
    }
}
