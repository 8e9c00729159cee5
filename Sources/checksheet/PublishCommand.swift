import ArgumentParser
import ChecksheetKit
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Run the release gate on a draft revision, then publish it (remove `draft: true` from its revision.yml).",
        discussion: """
        Nothing is changed while any problem is left: missing or pending English, a provisional slug, a published item's \
        slug changed, an answer or notes that show no text, notes missing in a language, a date before the current sheet, \
        a broken internal link or image. A date after today is a warning: the site shows the revision as current from \
        the next build on. On success it prints what the release changes, for the announcement. Run `checksheet build` \
        afterwards. A revision published already is left as it is, with exit status 0.
        """
    )

    @Argument(help: ArgumentHelp("The draft revision's date.", valueName: "YYYY-MM-DD"))
    var date: String

    @OptionGroup var site: SiteOptions

    @OptionGroup var clock: TodayOption

    func validate() throws {
        guard RevisionDate.isValid(date) else { throw ValidationError("the date must be a calendar date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let content = ContentSource.read(from: site.content)
        let gate = ReleaseGate.run(date, content: content, theme: Theme.read(from: site.theme), today: clock.date)
        DiagnosticPrinter.print(gate.diagnostics)
        // Asked again for what is done (a script run twice): the state asked for holds, so it is no failure.
        if let done = gate.alreadyPublished, !gate.diagnostics.hasErrors {
            print(done.text)
            return
        }
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
