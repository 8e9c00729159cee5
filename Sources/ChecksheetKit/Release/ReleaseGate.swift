/// The checks a draft revision must pass before it is published: nothing a customer must never see. With no draft, the
/// same checks of what breaks a page or a link run on the published current revision, as the site shows it. Pure.
public enum ReleaseGate {
    /// What the gate found about one draft: every problem, and what publishing it would change.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// Present when the content could be read at all; the release is ready when `diagnostics` has no error.
        public var summaries: [ReleaseSummary]
        /// With no draft to gate: the date of the published revision gated instead, the site as it is.
        public var published: String?
        /// Asked to publish a revision that is published already: nothing to do.
        public var alreadyPublished: AlreadyPublished?
    }

    /// A revision `publish` was asked for that is published already, and what replaced it since, if anything.
    public struct AlreadyPublished: Sendable, Equatable {
        public var date: String
        /// The next published revision, which the site shows as current instead; nil while it is the current sheet.
        public var replacedBy: String?

        /// One line for the docs team: that nothing was done, and why.
        public var text: String {
            let state = replacedBy.map { "it was the current sheet from \(date) until \($0) replaced it" } ?? "it has been the current sheet since \(date)"
            return "The revision \(date) is published already: \(state). Nothing to publish; nothing was changed."
        }
    }

    /// Gates the draft dated `date`, or every draft when `date` is nil (the published current revision when there is no
    /// draft). `today` is the date revisions dated in the future are told apart by.
    public static func run(_ date: String?, content: ContentSource, theme: Result<Theme, DiagnosticsError>, today: String) -> Outcome {
        let loaded = ContentLoader.load(content)
        var problems = loaded.diagnostics
        var themeValue: Theme?
        switch theme {
        case let .success(value): themeValue = value
        case let .failure(error): problems += error.diagnostics
        }
        guard let sheet = loaded.sheet, let theme = themeValue else { return Outcome(diagnostics: problems.sorted(), summaries: []) }
        var candidates = sheet.revisions.filter(\.draft)
        if let date {
            let path = "\(content.path)/revisions/\(date)"
            guard let revision = sheet.revisions.first(where: { $0.date == date }) else {
                let drafts = candidates.map(\.date).joined(separator: ", ")
                problems.append(Diagnostic(file: path, message: "there is no revision dated \(date)",
                                           hint: drafts.isEmpty ? "start one with `checksheet import FILE --date DATE`" : "the drafts are \(drafts)"))
                return Outcome(diagnostics: problems.filter { $0.severity == .error }.sorted(), summaries: [])
            }
            guard revision.draft else {
                let next = sheet.published.revisions.first { $0.date > date }
                return Outcome(diagnostics: problems.filter { $0.severity == .error }.sorted(), summaries: [],
                               alreadyPublished: AlreadyPublished(date: date, replacedBy: next?.date))
            }
            candidates = [revision]
        }
        problems += futureRevisions(content, today: today)
        var summaries: [ReleaseSummary] = []
        var gatedPublished: String?
        // Each gated revision beside the one it replaces, for the slugs it changed.
        var replacing: [(revision: Revision, previous: Revision)] = []
        for candidate in candidates {
            let source = content.revisions.first { $0.folderName == candidate.date }
            problems += check(candidate, source: source, sheet: sheet, theme: theme, today: today)
            summaries.append(ReleaseSummary(candidate, previous: sheet.published.current))
            if let current = sheet.published.current { replacing.append((candidate, current)) }
        }
        if candidates.isEmpty, let current = sheet.published.current {
            let source = content.revisions.first { $0.folderName == current.date }
            problems += checkPublished(current, source: source, sheet: sheet, theme: theme)
            gatedPublished = current.date
            let revisions = sheet.published.revisions
            if revisions.count > 1 { replacing.append((current, revisions[revisions.count - 2])) }
        }
        // The loader's warning that a draft lacks an English page is the gate's error: say it once.
        let errors = Set(problems.filter { $0.severity == .error }.map { [$0.file, String($0.line), $0.message] })
        problems = Array(Set(problems)).filter { $0.severity == .error || !errors.contains([$0.file, String($0.line), $0.message]) }
        // The loader's guess that a renamed item is a new one taking a retired number: the gate's error says what it is.
        let guesses = Set(replacing.flatMap { pair in
            renames(pair.revision, previous: pair.previous).compactMap { rename in
                pair.revision.sources.ja[rename.new.slug].map { [$0.file, "number \(rename.old.no) was item '\(rename.old.slug)' until revision \(pair.revision.date) removed it"] }
            }
        })
        problems.removeAll { $0.severity == .warning && guesses.contains([$0.file, $0.message]) }
        return Outcome(diagnostics: problems.sorted(), summaries: summaries, published: gatedPublished)
    }

    /// Every problem of one draft, as the site would stand with it published.
    static func check(_ candidate: Revision, source: RevisionSource?, sheet: Sheet, theme: Theme, today: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let metadataFile = metadata(of: candidate, source: source)
        let published = sheet.published
        if let current = published.current, candidate.date < current.date {
            problems.append(diagnostic(in: metadataFile, key: "date", "the revision is dated \(candidate.date), before the current sheet of \(current.date)",
                                       hint: "a new revision is dated after the one it replaces; rename the folder and its `date:`"))
        }
        if candidate.date > today {
            problems.append(diagnostic(in: metadataFile, key: "date", "the revision is dated \(candidate.date), after today (\(today))",
                                       hint: "publishing ahead of its date is allowed: once published, the site shows it as the current sheet from the next build on",
                                       severity: .warning))
        }
        for language in Language.allCases where candidate.notes[language].isEmpty {
            let name = language == .ja ? "Japanese" : "English"
            problems.append(diagnostic(in: metadataFile, key: "notes", "the revision has no \(name) notes",
                                       hint: "add `notes:` with `ja:` and `en:`: what changed, for the changes page and the feed"))
        }
        let gated = Sheet(configuration: sheet.configuration, revisions: published.revisions + [candidate], synonyms: sheet.synonyms)
        let history = SheetHistory(gated)
        let missing = Set(candidate.withoutEnglish)
        for item in candidate.items.ja {
            guard let japanese = candidate.sources.ja[item.slug] else { continue }
            if missing.contains(item.slug) {
                problems.append(japanese.diagnostic(at: .slug, "item '\(item.slug)' has no English page",
                                                    hint: "translate it: `checksheet translations export --revision \(candidate.date)`, then `checksheet translations import FILE`"))
            }
            if item.slug.wholeMatch(of: /item-\d+(-\d+)?/) != nil {
                problems.append(japanese.diagnostic(at: .slug, "'\(item.slug)' is a provisional slug",
                                                    hint: "give the item its permanent URL name (in both languages' pages) before it is published; it never changes afterwards"))
            }
        }
        for stale in history.stale[candidate.date] ?? [] where !missing.contains(stale.slug) {
            guard let english = candidate.sources.en[stale.slug] else { continue }
            problems.append(english.diagnostic(at: stale.field, "the English '\(stale.field.rawValue)' of '\(stale.slug)' is pending: its Japanese changed in \(stale.since)",
                                               hint: "translate the change: `checksheet translations export --revision \(candidate.date)`"))
        }
        if let current = published.current { problems += renamedSlugs(candidate, previous: current) }
        problems += textlessAnswersAndNotes(candidate, notesFile: metadataFile)
        problems += untranslatedEnglish(candidate, pending: history.stale[candidate.date] ?? [])
        problems += brokenLinks(candidate, notesFile: metadataFile, sheet: gated, history: history, theme: theme)
        return problems
    }

    /// What breaks a page or a link in the published current revision, as the site shows it: an answer or notes that
    /// show no text, a slug changed since the revision before, a broken link or image. (What a draft must still do
    /// before it is published, notes and translations, is done for it.)
    static func checkPublished(_ current: Revision, source: RevisionSource?, sheet: Sheet, theme: Theme) -> [Diagnostic] {
        let published = sheet.published
        let metadataFile = metadata(of: current, source: source)
        var problems: [Diagnostic] = []
        let revisions = published.revisions
        if revisions.count > 1 { problems += renamedSlugs(current, previous: revisions[revisions.count - 2]) }
        problems += textlessAnswersAndNotes(current, notesFile: metadataFile)
        problems += brokenLinks(current, notesFile: metadataFile, sheet: published, history: SheetHistory(published), theme: theme)
        return problems
    }

    /// The revision's revision.yml, or an empty stand-in at its path.
    static func metadata(of revision: Revision, source: RevisionSource?) -> SourceFile {
        source?.metadata ?? SourceFile(path: (source?.path ?? revision.date) + "/revision.yml", text: "")
    }

    /// Answers that show no text (raw HTML the pages leave out, or nothing that renders), and notes written that show
    /// none: the pages would be blank where the docs team wrote something.
    static func textlessAnswersAndNotes(_ revision: Revision, notesFile: SourceFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for language in Language.allCases {
            for item in revision.items[language] where item.plainAnswer.trimmed.isEmpty {
                guard let source = revision.sources[language][item.slug] else { continue }
                problems.append(source.diagnostic(at: .answer, ContentLoader.textlessAnswer(item.slug), hint: ContentLoader.textlessAnswerHint(item.answer)))
            }
        }
        for language in Language.allCases where !revision.notes[language].trimmed.isEmpty && Markdown.plainText(revision.notes[language]).trimmed.isEmpty {
            problems.append(diagnostic(in: notesFile, key: "notes", "the \(language.rawValue) notes show no text",
                                       hint: "the pages leave out raw HTML, and HTML that starts a block takes the text after it up to the next blank line: write the notes in Markdown, without HTML tags"))
        }
        return problems
    }

    /// A diagnostic at a top-level key of a YAML file (its first line when the key is absent).
    static func diagnostic(in file: SourceFile, key: String, _ message: String, hint: String, severity: Diagnostic.Severity = .error) -> Diagnostic {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.hasPrefix(key + ":") }.map { $0 + 1 } ?? 1
        return Diagnostic(file: file.path, line: line, column: 1, severity: severity, message: message, hint: hint)
    }
}
