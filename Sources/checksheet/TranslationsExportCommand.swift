import ArgumentParser
import ChecksheetKit
import Foundation

struct TranslationsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every English field that is missing or pending in a revision, for translators.",
        discussion: """
        XLIFF 1.2 has one trans-unit per field, id `slug/field`, the current Japanese as source, and as context the item's \
        number and name, the field, and the Japanese and English before the change. CSV (UTF-8 with BOM, CRLF, for Excel) has \
        the same columns and an empty `english` column to fill. Texts are given as readers see them: a plain-text answer \
        without the escapes that keep Markdown from reading it; an answer written in Markdown as its source, noted as such.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xliff
        case csv
    }

    @Option(help: ArgumentHelp("The revision; the newest one when omitted.", valueName: "YYYY-MM-DD"))
    var revision: String?

    @Option(help: "xliff or csv.")
    var format: Format = .xliff

    @Option(help: ArgumentHelp("The file to write; standard output when omitted. An existing file is refused without --force.", valueName: "file"))
    var out: String?

    @Flag(help: "Replace the file --out names when it exists (never a file of the content or theme folder).")
    var force = false

    @OptionGroup var site: SiteOptions

    func run() throws {
        // Checked before any work, so that a refusal comes at once; checked again as the file is written.
        let target = out.map { OutputFileTarget(path: $0, content: site.content, theme: site.theme, force: force) }
        if let target, case let .failure(refusal) = target.check() {
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        let sheet = try TranslationsCommand.load(site.content)
        let chosen = try TranslationsCommand.revision(revision, in: sheet, content: site.content)
        let request = TranslationRequest.make(for: chosen, in: Sheet(configuration: sheet.configuration, revisions: sheet.revisions.filter { $0.date <= chosen.date }))
        let data = format == .csv ? request.csv() : Data(request.xliff(original: "\(site.content)/revisions/\(chosen.date)").utf8)
        guard let out, let target else {
            FileHandle.standardOutput.write(data)
            return
        }
        if case let .failure(refusal) = target.write(data) {
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        let items = Set(request.units.map(\.slug)).count
        print("Wrote \(request.units.count) field\(request.units.count == 1 ? "" : "s") of \(items) item\(items == 1 ? "" : "s") of \(chosen.date) to \(out)")
        for unit in request.units { print("  \(unit.id)") }
    }
}
