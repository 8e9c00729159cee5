import ArgumentParser
import ChecksheetKit
import Foundation

struct NewRevisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-revision",
        abstract: "Start a dated revision as a copy of the newest one, to edit and publish."
    )

    @Argument(help: ArgumentHelp("The new revision's date.", valueName: "YYYY-MM-DD"))
    var date: String

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard RevisionDate.isValid(date) else { throw ValidationError("the date must be a calendar date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let source = ContentSource.read(from: site.content)
        let loaded = ContentLoader.load(source)
        guard let sheet = loaded.sheet, let newest = sheet.current else {
            DiagnosticPrinter.print(loaded.diagnostics)
            throw ExitCode.failure
        }
        let path = "\(site.content)/revisions/\(date)"
        var problems: [Diagnostic] = []
        if FileManager.default.fileExists(atPath: path) {
            problems.append(Diagnostic(file: path, message: "the revision \(date) exists already", hint: "edit it, or choose another date"))
        } else if date <= newest.date {
            problems.append(Diagnostic(file: path, message: "\(date) is not after the newest revision, \(newest.date)", hint: "a new revision is dated after every earlier one"))
        }
        guard problems.isEmpty else {
            DiagnosticPrinter.print(problems)
            throw ExitCode.failure
        }
        guard let newestSource = source.revisions.first(where: { $0.folderName == newest.date }) else { throw ExitCode.failure }
        try OutputFolder.replace(path, with: RevisionCopy.files(of: newestSource, date: date))
        // `build` leaves drafts out: the way to see one is the preview, and `publish` is what makes it part of the site.
        print("Started \(path)/ as a copy of \(newest.date) (\(newest.items.ja.count) items); edit it, preview it with `checksheet serve`, "
              + "then `checksheet publish \(date)`.")
    }
}
