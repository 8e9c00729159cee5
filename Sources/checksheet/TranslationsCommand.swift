import ArgumentParser
import ChecksheetKit
import Foundation

struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Send the English a revision needs to translators (XLIFF 1.2 or CSV) and bring their translations back.",
        subcommands: [TranslationsExportCommand.self, TranslationsImportCommand.self]
    )

    /// The revision named by `--revision`, or the newest one (draft or not).
    static func revision(_ date: String?, in sheet: Sheet, content: String) throws -> Revision {
        let chosen = date.map { date in sheet.revisions.first { $0.date == date } } ?? sheet.current
        guard let chosen else {
            DiagnosticPrinter.print([Diagnostic(file: "\(content)/revisions/\(date ?? "")", message: "there is no revision dated \(date ?? "")",
                                                hint: "the revisions are \(sheet.revisions.map(\.date).joined(separator: ", "))")])
            throw ExitCode.failure
        }
        return chosen
    }

    static func load(_ content: String) throws -> Sheet {
        let loaded = ContentLoader.load(ContentSource.read(from: content))
        guard let sheet = loaded.sheet else {
            DiagnosticPrinter.print(loaded.diagnostics)
            throw ExitCode.failure
        }
        return sheet
    }
}

struct TranslationsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every English field that is missing or pending in a revision, for translators.",
        discussion: """
        XLIFF 1.2 has one trans-unit per field, id `slug/field`, the current Japanese as source, and as context the item's \
        number and name, the field, and the Japanese and English before the change. CSV (UTF-8 with BOM, CRLF, for Excel) has \
        the same columns and an empty `english` column to fill.
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

    @Option(help: ArgumentHelp("The file to write; standard output when omitted.", valueName: "file"))
    var out: String?

    @OptionGroup var site: SiteOptions

    func run() throws {
        let sheet = try TranslationsCommand.load(site.content)
        let chosen = try TranslationsCommand.revision(revision, in: sheet, content: site.content)
        let request = TranslationRequest.make(for: chosen, in: Sheet(configuration: sheet.configuration, revisions: sheet.revisions.filter { $0.date <= chosen.date }))
        let data = format == .csv ? request.csv() : Data(request.xliff(original: "\(site.content)/revisions/\(chosen.date)").utf8)
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            DiagnosticPrinter.print([Diagnostic(file: out, message: "cannot write the file", hint: "check that its folder exists and is writable")])
            throw ExitCode.failure
        }
        let items = Set(request.units.map(\.slug)).count
        print("Wrote \(request.units.count) field\(request.units.count == 1 ? "" : "s") of \(items) item\(items == 1 ? "" : "s") of \(chosen.date) to \(out)")
        for unit in request.units { print("  \(unit.id)") }
    }
}

struct TranslationsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of an XLIFF or CSV file into the English pages.",
        discussion: """
        Only English pages are written, only units with a translation (XLIFF state translated or final, or a filled \
        `english` cell); a unit whose Japanese changed since the export is refused. The pages keep their formatting and \
        comments. Prints what changed and what is still missing.
        """
    )

    @Argument(help: ArgumentHelp("The translated XLIFF or CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The revision the file was exported from; the newest one when omitted.", valueName: "YYYY-MM-DD"))
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
            throw ExitCode.failure
        }
        let sheet = try TranslationsCommand.load(site.content)
        let date = try TranslationsCommand.revision(revision, in: sheet, content: site.content).date
        let outcome = TranslationImport.apply(translated, to: ContentSource.read(from: site.content), date: date)
        DiagnosticPrinter.print(outcome.diagnostics)
        if outcome.diagnostics.hasErrors {
            FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
            throw ExitCode.failure
        }
        for page in outcome.files {
            do {
                try page.contents.write(to: URL(fileURLWithPath: page.path), options: .atomic)
            } catch {
                DiagnosticPrinter.print([Diagnostic(file: page.path, message: "cannot write the file", hint: "check that it is writable")])
                throw ExitCode.failure
            }
        }
        let fields = outcome.written.reduce(0) { $0 + $1.fields.count }
        print("Wrote \(fields) field\(fields == 1 ? "" : "s") into \(outcome.written.count) English page\(outcome.written.count == 1 ? "" : "s") of \(date):")
        for page in outcome.written { print("  \(page.path): \(page.fields.map(\.rawValue).joined(separator: ", "))") }
        let after = try TranslationsCommand.load(site.content)
        let remaining = TranslationRequest.make(for: try TranslationsCommand.revision(date, in: after, content: site.content),
                                                in: Sheet(configuration: after.configuration, revisions: after.revisions.filter { $0.date <= date })).units
        if remaining.isEmpty {
            print("No English is missing or pending in \(date).")
        } else {
            print("Still missing or pending (\(remaining.count)):")
            for unit in remaining { print("  \(unit.id)") }
        }
    }
}
