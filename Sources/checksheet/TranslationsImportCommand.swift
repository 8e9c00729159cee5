import ArgumentParser
import ChecksheetKit
import Foundation

struct TranslationsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of an XLIFF or CSV file into the English pages.",
        discussion: """
        Only English pages are written, only units with a translation (an XLIFF target that is approved, or whose state \
        is translated, final or signed-off, or that has no state unless its unit is approved="no"; a filled `english` \
        cell); any other filled target is named in a warning; a unit whose Japanese changed since the export is refused. A plain \
        answer is written so that the page shows exactly the translator's text; a Markdown answer as Markdown. The pages keep their formatting and \
        comments. What each written field translates is recorded in the revision's translations.yml, so that a later \
        change of that Japanese shows the English as pending. Prints what changed and what is still missing, each with why it was not written.
        """
    )

    @Argument(help: ArgumentHelp("The translated XLIFF or CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The revision the file was exported from; when omitted, the one an XLIFF file names, else the newest.", valueName: "YYYY-MM-DD"))
    var revision: String?

    @OptionGroup var site: SiteOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            DiagnosticPrinter.print([Diagnostic(file: file, message: "cannot read the file", hint: "check the path")])
            throw ExitCode.failure
        }
        let translated: TranslatedFile
        switch TranslatedFile.parse(data, path: file) {
        case let .success(value): translated = value
        case let .failure(error):
            DiagnosticPrinter.print(error.diagnostics)
            FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
            throw ExitCode.failure
        }
        // An XLIFF file names its revision: taken when none is given, and a different one given is refused, since the
        // Japanese of a copied revision matches and the English would land in the wrong one without a word.
        if let revision, let named = translated.revision, named != revision {
            DiagnosticPrinter.print([Diagnostic(file: file, message: "the file was exported from the revision of \(named), not of \(revision)",
                                                hint: "import it with --revision \(named), or export \(revision) with `checksheet translations export --revision \(revision)`")])
            throw ExitCode.failure
        }
        let sheet = try TranslationsCommand.load(site.content)
        let date = try TranslationsCommand.revision(revision ?? translated.revision, in: sheet, content: site.content).date
        let outcome = TranslationImport.apply(translated, to: ContentSource.read(from: site.content), date: date)
        DiagnosticPrinter.print(outcome.diagnostics)
        if outcome.diagnostics.hasErrors {
            FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
            throw ExitCode.failure
        }
        // The pages first, then the record of what they now translate.
        for page in outcome.files + [outcome.records].compactMap({ $0 }) {
            do {
                try page.contents.write(to: URL(fileURLWithPath: page.path), options: .atomic)
            } catch {
                DiagnosticPrinter.print([Diagnostic(file: page.path, message: "cannot write the file", hint: "check that it is writable")])
                throw ExitCode.failure
            }
        }
        let fields = outcome.written.reduce(0) { $0 + $1.fields.count }
        // The list of pages follows the colon; with none, the line ends.
        print("Wrote \(fields) field\(fields == 1 ? "" : "s") into \(outcome.written.count) English page\(outcome.written.count == 1 ? "" : "s") of \(date)\(outcome.written.isEmpty ? "." : ":")")
        for page in outcome.written { print("  \(page.path): \(page.fields.map(\.rawValue).joined(separator: ", "))") }
        let reasons = Dictionary(outcome.skipped.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let after = try TranslationsCommand.load(site.content)
        let remaining = TranslationRequest.make(for: try TranslationsCommand.revision(date, in: after, content: site.content),
                                                in: Sheet(configuration: after.configuration, revisions: after.revisions.filter { $0.date <= date })).units
        if remaining.isEmpty {
            print("No English is missing or pending in \(date).")
        } else {
            print("Still missing or pending (\(remaining.count)):")
            // Each with why this import did not write it, as the library says.
            for unit in remaining { print("  \(unit.id)\(reasons[unit.id].map { ": " + $0 } ?? "")") }
        }
    }
}
