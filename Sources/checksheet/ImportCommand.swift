import ArgumentParser
import ChecksheetKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a dated revision from a sheet exported from Excel (TSV or CSV; UTF-8, UTF-16 or Shift_JIS).",
        discussion: """
        Writes the Japanese item pages of Content/revisions/DATE/, a draft. Items keep their slugs when their name, or \
        their number with their name or definition, matches an item of the newest earlier revision (or of --glossary); \
        the English page of an item whose Japanese did not change is carried over. The items that need English are \
        listed. Only a draft can be replaced; its English is kept, changed fields marked pending.
        """
    )

    @Argument(help: ArgumentHelp("The exported sheet.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The revision's date.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("A TSV with no, item_ja and slug columns, for items no earlier revision names.", valueName: "file"))
    var glossary: String?

    @Flag(help: "Replace the draft revision of that date if it exists (a published one is never replaced).")
    var force = false

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard RevisionDate.isValid(date) else { throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let revisionPath = "\(site.content)/revisions/\(date)"
        let exists = FileManager.default.fileExists(atPath: revisionPath)
        let source = ContentSource.read(from: site.content)
        let replacedFiles = exists ? Self.files(below: revisionPath) : []
        let imported = FileManager.default.contents(atPath: revisionPath + "/" + RevisionImport.importRecordName)
            .map { RevisionImport.importRecord(parsing: String(decoding: $0, as: UTF8.self)) } ?? [:]
        let neighbours = RevisionImport.Neighbours(of: date, in: source, replacedFiles: replacedFiles, imported: imported)
        if exists, neighbours.replacing?.revision.draft != true {
            // Readers have seen it: its pages change only by hand, and the sheet's changes go into a new revision.
            fail([Diagnostic(file: revisionPath, message: "the revision \(date) is published: an import would rewrite what readers have already seen",
                             hint: "import the sheet as a new dated revision (`checksheet import \(file) --date YYYY-MM-DD`), or start one with `checksheet new-revision YYYY-MM-DD`")])
        }
        if exists, !force {
            fail([Diagnostic(file: revisionPath, message: "the revision \(date) exists already", hint: "pass --force to replace it, or choose another --date")])
        }
        let known = Set(neighbours.sections.flatMap { $0.categories.map(\.ja) })
        let export: ImportedSheet.Export
        switch ImportedSheet.read(contentsOf: file, knownCategories: known) {
        case let .success(value): export = value
        case let .failure(error): fail(error.diagnostics)
        }
        let sheet = export.sheet
        var slugs: SlugGlossary?
        if let glossary {
            guard let data = FileManager.default.contents(atPath: glossary), let glossaryText = String(data: data, encoding: .utf8) else {
                fail([Diagnostic(file: glossary, message: "cannot read the glossary as UTF-8 text", hint: "check the path; save the glossary as UTF-8")])
            }
            switch SlugGlossary.parse(glossaryText, file: glossary) {
            case let .success(value): slugs = value
            case let .failure(error): fail(error.diagnostics)
            }
        }
        let outcome = RevisionImport.make(sheet, date: date, previous: neighbours.previous, glossary: slugs, sections: neighbours.sections,
                                          later: neighbours.later, replacing: neighbours.replacing)
        let problems = outcome.write(to: revisionPath)
        DiagnosticPrinter.print(sheet.warnings + outcome.warnings + problems)
        if problems.hasErrors { throw ExitCode.failure }
        print("Imported \(sheet.rows.count) items from \(file) (\(export.format)) into \(revisionPath)/")
        if let replaced = neighbours.replacing {
            print("Replaced the draft of \(replaced.revision.date): \(outcome.unchanged) items unchanged, their English kept.")
        } else if let previous = neighbours.previous {
            print("Compared with the revision of \(previous.date): \(sheet.rows.count - outcome.needsEnglish.count) items unchanged, their English carried over.")
        }
        if !outcome.replaced.isEmpty {
            print("Items whose Japanese this import replaced (\(outcome.replaced.count)); the English of the other fields is kept:")
            for change in outcome.replaced {
                let english = change.pendingEnglish.map { $0.isEmpty ? "English kept" : "English pending: " + $0.map(\.rawValue).joined(separator: ", ") } ?? "no English yet"
                print("  \(Item.pageName(change.item))  \(change.item.item): \(change.fields.map(\.rawValue).joined(separator: ", ")) replaced; \(english)")
            }
        }
        if !outcome.overwrittenEdits.isEmpty {
            print("Japanese pages edited by hand since the draft was imported, replaced by the sheet's text (git has the edits; the sheet is the source of the Japanese: make them there and import again):")
            for edit in outcome.overwrittenEdits {
                let what = edit.addedByHand ? " (added by hand; the sheet does not have its item, so it is deleted)"
                    : edit.fields.isEmpty ? " (its item is no longer in the sheet)" : ": differs from the sheet in " + edit.fields.map(\.rawValue).joined(separator: ", ")
                print("  \(revisionPath)/\(edit.path)" + what)
            }
        }
        if !outcome.removed.isEmpty, let compared = neighbours.replacing?.revision ?? neighbours.previous {
            print("Items of the revision of \(compared.date) that this sheet no longer has (\(outcome.removed.count)):")
            for item in outcome.removed { print("  \(item.no). \(item.item) (\(item.slug))") }
        }
        if !outcome.provisionalSlugs.isEmpty {
            print("New items with a provisional slug (rename the slug before publishing; it never changes afterwards):")
            for item in outcome.provisionalSlugs { print("  \(item.no). \(item.item): \(item.slug)") }
        }
        if !outcome.orphanedEnglish.isEmpty {
            print("English pages kept although the sheet no longer has their item (delete them if the item was removed):")
            for path in outcome.orphanedEnglish { print("  \(revisionPath)/\(path)") }
        }
        if outcome.needsEnglish.isEmpty {
            print("Every item has its English page.")
        } else {
            print("Items that need English (\(outcome.needsEnglish.count)), to write in \(revisionPath)/en/ (changed items keep their earlier English, shown as translation pending until updated):")
            for item in outcome.needsEnglish { print("  " + Item.pageName(item) + "  " + item.item) }
        }
    }

    /// Every file below `folder`, relative to it.
    static func files(below folder: String) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    private func fail(_ diagnostics: [Diagnostic]) -> Never {
        DiagnosticPrinter.print(diagnostics)
        Self.exit(withError: ExitCode.failure)
    }
}
