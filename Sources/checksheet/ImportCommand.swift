import ArgumentParser
import ChecksheetKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a dated revision from a sheet exported from Excel (TSV or CSV; UTF-8, UTF-16 or Shift_JIS).",
        discussion: """
        Writes the Japanese item pages of Content/revisions/DATE/. Items keep their slugs when their name or number \
        matches an item of the newest earlier revision (or of --glossary); the English page of an item whose Japanese \
        did not change is carried over. The items that need English are listed.
        """
    )

    @Argument(help: ArgumentHelp("The exported sheet.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The revision's date.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("A TSV with no, item_ja and slug columns, for items no earlier revision names.", valueName: "file"))
    var glossary: String?

    @Flag(help: "Replace the revision of that date if it exists.")
    var force = false

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard RevisionDate.isValid(date) else { throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let revisionPath = "\(site.content)/revisions/\(date)"
        if FileManager.default.fileExists(atPath: revisionPath), !force {
            fail([Diagnostic(file: revisionPath, message: "the revision \(date) exists already", hint: "pass --force to replace it, or choose another --date")])
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            fail([Diagnostic(file: file, message: "cannot read the file", hint: "check the path")])
        }
        guard let (text, encoding) = SheetEncoding.decode(data) else {
            fail([Diagnostic(file: file, message: "the file is neither UTF-8, UTF-16 nor Shift_JIS text", hint: "export the sheet from Excel as CSV or Unicode text")])
        }
        let table = DelimitedText.parse(text)
        let content = ContentLoader.load(ContentSource.read(from: site.content))
        let known = Set(content.sheet?.configuration.sections.flatMap { $0.categories.map(\.ja) } ?? [])
        let sheet: ImportedSheet
        switch ImportedSheet.read(table, file: file, knownCategories: known) {
        case let .success(value): sheet = value
        case let .failure(error): fail(error.diagnostics)
        }
        var slugs: SlugGlossary?
        if let glossary {
            guard let glossaryText = try? String(contentsOfFile: glossary, encoding: .utf8) else {
                fail([Diagnostic(file: glossary, message: "cannot read the glossary as UTF-8 text")])
            }
            switch SlugGlossary.parse(glossaryText, file: glossary) {
            case let .success(value): slugs = value
            case let .failure(error): fail(error.diagnostics)
            }
        }
        let previous = content.sheet?.revisions.last { $0.date < date }
        let outcome = RevisionImport.make(sheet, date: date, previous: previous, glossary: slugs, sections: content.sheet?.configuration.sections ?? [])
        do {
            try OutputFolder.replace(revisionPath, with: outcome.files)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        let delimiter = table.delimiter == "\t" ? "tab-separated" : "comma-separated"
        print("Imported \(sheet.rows.count) items from \(file) (\(encoding.rawValue), \(delimiter)) into \(revisionPath)/")
        if let previous {
            print("Compared with the revision of \(previous.date): \(sheet.rows.count - outcome.needsEnglish.count) items unchanged, their English carried over.")
        }
        if !outcome.provisionalSlugs.isEmpty {
            print("New items with a provisional slug (rename the slug before publishing; it never changes afterwards):")
            for item in outcome.provisionalSlugs { print("  \(item.no). \(item.item): \(item.slug)") }
        }
        if outcome.needsEnglish.isEmpty {
            print("Every item has its English page.")
        } else {
            print("Items that need English (\(outcome.needsEnglish.count)), to write in \(revisionPath)/en/ (changed items keep their earlier English, shown as translation pending until updated):")
            for item in outcome.needsEnglish { print(String(format: "  %02d-%@.md  ", item.no, item.slug) + item.item) }
        }
    }

    private func fail(_ diagnostics: [Diagnostic]) -> Never {
        DiagnosticPrinter.print(diagnostics)
        Self.exit(withError: ExitCode.failure)
    }
}
