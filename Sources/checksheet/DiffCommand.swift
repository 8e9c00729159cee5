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

    @Flag(help: "Print how long reading, comparing and writing took, to standard error.")
    var timing = false

    @OptionGroup var site: SiteOptions

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = ContentLoader.load(ContentSource.read(from: site.content))
        let loadedAt = clock.now
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
        if from > to {
            // Kept working (going back is a comparison too), but said: swapped dates are the likelier mistake.
            DiagnosticPrinter.print([Diagnostic(file: "\(site.content)/revisions/\(from)", severity: .warning,
                                                message: "\(from) is later than \(to): this lists the changes going back from \(from) to \(to)",
                                                hint: "for what changed since \(to), give the earlier date first: `checksheet diff \(to) \(from)`")])
        }
        // In English, what the English pages displayed at each date: a field awaiting translation is its Japanese.
        let diff = SheetHistory(sheet).compare(old, new, language: lang)
        let comparedAt = clock.now
        let output = format == .json ? String(decoding: diff.json(), as: UTF8.self) + "\n" : diff.text()
        let renderedAt = clock.now
        print(output, terminator: "")
        if timing {
            func ms(_ duration: Duration) -> String { String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000) }
            FileHandle.standardError.write(Data("read and check \(ms(loadedAt - start)), compare \(ms(comparedAt - loadedAt)), \(format.rawValue) \(ms(renderedAt - comparedAt))\n".utf8))
        }
    }
}
