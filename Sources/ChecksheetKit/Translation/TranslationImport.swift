/// Writes translated units into the English pages of one revision, and nothing else. Pure: pages in, pages out.
public enum TranslationImport {
    /// The pages to write and what the run did.
    public struct Outcome: Sendable, Equatable {
        /// Whole English pages (paths as in the content source); empty when there was any error.
        public var files: [OutputFile]
        /// The revision's `translations.yml` with a record of each field written, when a field was written.
        public var records: OutputFile?
        /// Per written page, the fields written, in schema order.
        public var written: [(path: String, fields: [Field])]
        /// Every unit the revision needs that was not written, with why, in sheet order: no translation in the file, a
        /// target held back, a new item's field waiting for the item's other fields.
        public var skipped: [Skipped]
        public var diagnostics: [Diagnostic]

        public static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.files == rhs.files && lhs.records == rhs.records && lhs.written.map(\.path) == rhs.written.map(\.path) && lhs.written.map(\.fields) == rhs.written.map(\.fields)
                && lhs.skipped == rhs.skipped && lhs.diagnostics == rhs.diagnostics
        }
    }

    /// A unit the import did not write, and why, in words for the person who ran it.
    public struct Skipped: Sendable, Equatable {
        public var id: String
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// Applies `file` to the revision `date` of `content`. Every unit is checked first; any error writes nothing.
    public static func apply(_ file: TranslatedFile, to content: ContentSource, date: String) -> Outcome {
        let loaded = ContentLoader.load(content)
        guard let sheet = loaded.sheet, let revision = sheet.revisions.first(where: { $0.date == date }),
              let source = content.revisions.first(where: { $0.folderName == date }) else {
            let problems = loaded.diagnostics.hasErrors ? loaded.diagnostics.filter { $0.severity == .error }
                : [Diagnostic(file: "\(content.path)/revisions/\(date)", message: "there is no revision dated \(date)", hint: "pass the revision the file was exported from: --revision DATE")]
            return Outcome(files: [], records: nil, written: [], skipped: [], diagnostics: problems)
        }
        let request = TranslationRequest.make(for: revision, in: Sheet(configuration: sheet.configuration, revisions: sheet.revisions.filter { $0.date <= date }))
        let requested = Set(request.units.map(\.id))
        var problems: [Diagnostic] = []
        var reasons: [String: String] = [:]
        var targets: [String: [Field: String]] = [:]
        var seen: Set<String> = []
        var places: [String: (line: Int, column: Int)] = [:]
        for unit in file.units {
            guard let (slug, field) = TranslationUnit.parse(id: unit.id), let japanese = revision.item(slug, .ja) else {
                problems.append(Diagnostic(file: file.path, line: unit.line, column: unit.column, message: "unknown unit '\(unit.id)'",
                                           hint: "ids are `slug/field` of an item of \(date) (item, definition, unit or answer); was the file exported from another revision?"))
                continue
            }
            guard seen.insert(unit.id).inserted else {
                problems.append(Diagnostic(file: file.path, line: unit.line, column: unit.column, message: "unit '\(unit.id)' appears twice", hint: "keep one translation per unit"))
                continue
            }
            guard let target = unit.target else {
                if let held = unit.heldBack {
                    problems.append(Diagnostic(file: file.path, line: held.line, column: held.column, severity: .warning,
                                               message: "the translation of '\(unit.id)' was not imported: \(held.reason)",
                                               hint: "a target counts as translated when its state is translated, final or signed-off, "
                                                   + "when its trans-unit has approved=\"yes\", or when it has no state (and no approved=\"no\"); "
                                                   + "finish the unit in the translation tool and import the file again"))
                }
                reasons[unit.id] = unit.heldBack.map { "not imported: \($0.reason)" } ?? "the file has no translation for it"
                continue
            }
            // The export gives translators the text readers see (`TranslationText`); a file exported before it did
            // holds the page's source.
            let value = japanese.value(of: field)
            if unit.source.trimmed != TranslationText.shown(value, field: field).trimmed, unit.source.trimmed != value.trimmed {
                problems.append(Diagnostic(file: file.path, line: unit.line, column: unit.column,
                                           message: "the Japanese of '\(unit.id)' changed since the export; its translation was not imported",
                                           hint: "export the unit again (`checksheet translations export --revision \(date)`) and translate the current Japanese"))
                continue
            }
            let stored = TranslationText.stored(target, field: field, japanese: value)
            // A copy of the source ("copy source to target" in the CAT tool) would publish Japanese as the English and
            // record it as translated: left out, the field stays pending.
            if let copy = TranslationCheck.japaneseCopy(english: stored, japanese: value, field: field) {
                problems.append(Diagnostic(file: file.path, line: unit.line, column: unit.column, severity: .warning,
                                           message: "the English of '\(unit.id)' \(copy), not a translation; it was not imported",
                                           hint: "the translation tool may have copied the source into the target: translate the unit and import the file again; "
                                               + "until then the field stays pending"))
                reasons[unit.id] = "not imported: its English \(copy)"
                continue
            }
            if let links = TranslationCheck.differingLinks(english: stored, japanese: value, field: field) {
                problems.append(Diagnostic(file: file.path, line: unit.line, column: unit.column, severity: .warning,
                                           message: "the English of '\(unit.id)' \(TranslationCheck.describe(links))",
                                           hint: "it was written, but `check --release` refuses it: links are not translated, so keep the Japanese answer's "
                                               + "link targets and translate only the link text (change the Japanese first if a target should change)"))
            }
            if TranslationText.isMarkdown(value, field: field) {
                problems += markdownProblems(stored, japanese: value, id: unit.id, file: file.path, line: unit.line, column: unit.column)
            }
            targets[slug, default: [:]][field] = stored
            places[unit.id] = (unit.line, unit.column)
        }
        var files: [OutputFile] = []
        var written: [(path: String, fields: [Field])] = []
        var writtenIDs: Set<String> = []
        let english = Dictionary((source.pages[.en] ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for japanese in revision.items.ja {
            guard let fields = targets[japanese.slug] else { continue }
            let order = SheetHistory.translatedFields.filter { fields[$0] != nil }
            if let page = revision.sources.en[japanese.slug], let original = english[page.file] {
                var text = original.text
                for field in order {
                    guard let edited = PageEdit.replacing(field, with: fields[field]!, in: text) else {
                        problems.append(Diagnostic(file: page.file, message: "cannot find the field '\(field.rawValue)' to replace", hint: "add a line `\(field.rawValue): …` to the page"))
                        continue
                    }
                    text = edited
                }
                files.append(OutputFile(path: page.file, text: text))
                written.append((page.file, order))
                writtenIDs.formUnion(order.map { "\(japanese.slug)/\($0.rawValue)" })
            } else {
                // A new item: its English page is made only once every field has its English, so no Japanese passes as English.
                let missing = SheetHistory.translatedFields.filter { fields[$0] == nil }
                guard missing.isEmpty, var item = revision.item(japanese.slug, .en) else {
                    let others = missing.map(\.rawValue).joined(separator: ", ")
                    for field in order {
                        reasons["\(japanese.slug)/\(field.rawValue)"] = "translated, but kept until \(others) \(missing.count == 1 ? "is" : "are") translated too: "
                            + "a new item's English page is written once all its fields are"
                    }
                    continue
                }
                for field in order {
                    switch field {
                    case .item: item.item = fields[field]!
                    case .definition: item.definition = fields[field]!
                    case .unit: item.unit = fields[field]!
                    default: item.answer = fields[field]!
                    }
                }
                let path = "\(source.path)/en/\(Item.pageName(item))"
                files.append(OutputFile(path: path, text: item.pageSource))
                written.append((path, order))
                writtenIDs.formUnion(order.map { "\(japanese.slug)/\($0.rawValue)" })
            }
        }
        // Each page must still read back as the very values written; what it reads back is what the records hold. Records
        // of items the revision no longer has go.
        let slugs = Set(revision.items.ja.map(\.slug))
        var records = TranslationRecords(revision.translationRecords.records.filter { slugs.contains(String($0.key.prefix { $0 != "/" })) })
        for output in files {
            switch ItemPage.parse(String(decoding: output.contents, as: UTF8.self), file: output.path, language: .en) {
            case let .success(page):
                for field in written.first(where: { $0.path == output.path })?.fields ?? [] {
                    guard let japanese = revision.item(page.item.slug, .ja) else { continue }
                    records.records["\(page.item.slug)/\(field.rawValue)"] = .init(translating: japanese.value(of: field), as: page.item.value(of: field))
                }
                for (field, value) in targets[page.item.slug] ?? [:] where page.item.value(of: field) != value.trimmed && written.contains(where: { $0.path == output.path && $0.fields.contains(field) }) {
                    let id = "\(page.item.slug)/\(field.rawValue)"
                    problems.append(Diagnostic(file: file.path, line: places[id]?.line ?? 0, column: places[id]?.column ?? 0,
                                               message: "the translation of '\(id)' would not read back from \(output.path) as written",
                                               hint: "write this field into the page by hand"))
                }
            case let .failure(error): problems += error.diagnostics
            }
        }
        problems.sort()
        let skipped = request.units.map(\.id).filter { !writtenIDs.contains($0) || problems.hasErrors }.map { id in
            Skipped(id: id, reason: problems.hasErrors ? "nothing was written" : reasons[id] ?? "not in the file")
        }
        if problems.hasErrors { return Outcome(files: [], records: nil, written: [], skipped: skipped, diagnostics: problems) }
        let recordsFile = written.isEmpty ? nil : OutputFile(path: "\(source.path)/\(TranslationRecords.fileName)", text: records.source)
        return Outcome(files: files, records: recordsFile, written: written, skipped: skipped, diagnostics: problems)
    }

    /// What a Markdown answer's English would lose or change on the page: HTML, which the site leaves out, and a
    /// layout other than the Japanese answer's (a list become a paragraph). Warnings: the translator may mean it.
    static func markdownProblems(_ english: String, japanese: String, id: String, file: String, line: Int, column: Int) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let html = Markdown.rawHTML(english).filter { !$0.isComment }.map { "'\($0.html)'" }
        if !html.isEmpty {
            problems.append(Diagnostic(file: file, line: line, column: column, severity: .warning,
                                       message: "the English of '\(id)' holds HTML (\(html.joined(separator: ", "))), which the page leaves out",
                                       hint: "the answer is Markdown, as its Japanese is: write `\\<` for a `<` meant as text"))
        }
        let ours = TranslationText.layout(of: english), theirs = TranslationText.layout(of: japanese)
        if ours != theirs {
            problems.append(Diagnostic(file: file, line: line, column: column, severity: .warning,
                                       message: "the English of '\(id)' is laid out otherwise than its Japanese: \(TranslationText.describe(ours)), where the Japanese has \(TranslationText.describe(theirs))",
                                       hint: "the answer is Markdown: keep the Japanese answer's list markers (`- `, `1. `), blank lines between paragraphs and `\\` at line breaks"))
        }
        return problems
    }
}
