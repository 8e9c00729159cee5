import ArgumentParser
import ChecksheetKit
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what changed between two dated revisions.",
        discussion: "Items are matched by slug; a new number alone is reported as renumbering, not as a change of content."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: ArgumentHelp("The earlier revision's date.", valueName: "from"))
    var from: String

    @Argument(help: ArgumentHelp("The later revision's date.", valueName: "to"))
    var to: String

    @Option(help: "Which language's fields to compare: ja or en.")
    var lang: Language = .ja

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var site: SiteOptions

    func run() throws {
        let loaded = ContentLoader.load(ContentSource.read(from: site.content))
        guard let sheet = loaded.sheet else {
            DiagnosticPrinter.print(loaded.diagnostics)
            throw ExitCode.failure
        }
        var problems: [Diagnostic] = []
        let known = sheet.revisions.map(\.date).joined(separator: ", ")
        for date in [from, to] where !sheet.revisions.contains(where: { $0.date == date }) {
            problems.append(Diagnostic(file: "\(site.content)/revisions/\(date)", message: "there is no revision dated \(date)", hint: "the revisions are \(known)"))
        }
        guard problems.isEmpty, let old = sheet.revisions.first(where: { $0.date == from }), let new = sheet.revisions.first(where: { $0.date == to }) else {
            DiagnosticPrinter.print(problems)
            throw ExitCode.failure
        }
        let diff = RevisionDiff.compare(old.items[lang], new.items[lang], from: from, to: to, language: lang)
        switch format {
        case .json: print(String(decoding: diff.json(), as: UTF8.self))
        case .text: print(diff.text(), terminator: "")
        }
    }
}
