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
