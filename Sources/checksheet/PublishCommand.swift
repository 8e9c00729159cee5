import ArgumentParser
import ChecksheetKit
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Run the release gate on a draft revision, then publish it (remove `draft: true` from its revision.yml).",
        discussion: """
        Nothing is changed while any problem is left: missing or pending English, a provisional slug, an empty answer, \
        notes missing in a language, a date before the current sheet, a broken internal link. On success it prints \
        what the release changes, for the announcement. Run `checksheet build` afterwards.
        """
    )

    @Argument(help: ArgumentHelp("The draft revision's date.", valueName: "YYYY-MM-DD"))
    var date: String

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard RevisionDate.isValid(date) else { throw ValidationError("the date must be a calendar date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let content = ContentSource.read(from: site.content)
        let gate = ReleaseGate.run(date, content: content, theme: Theme.read(from: site.theme))
        DiagnosticPrinter.print(gate.diagnostics)
        guard !gate.diagnostics.hasErrors, let summary = gate.summaries.first else {
            Self.printError("The revision \(date) was not published; fix the problems above and run `checksheet publish \(date)` again.")
            throw ExitCode.failure
        }
        let path = "\(site.content)/revisions/\(date)/revision.yml"
        guard let text = content.revisions.first(where: { $0.folderName == date })?.metadata?.text,
              let published = RevisionPublishing.removingDraftFlag(from: text) else {
            DiagnosticPrinter.print([Diagnostic(file: path, message: "no `draft: true` line to remove", hint: "write the flag on a line of its own")])
            throw ExitCode.failure
        }
        do {
            try Data(published.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            DiagnosticPrinter.print([Diagnostic(file: path, message: "cannot write the file", hint: "check that the folder is writable")])
            throw ExitCode.failure
        }
        print("Published \(date): removed `draft: true` from \(path)")
        print(summary.text(), terminator: "")
        print("Now build the site: checksheet build")
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
