/// The checks a draft revision must pass before it is published: nothing a customer must never see. Pure.
public enum ReleaseGate {
    /// What the gate found about one draft: every problem, and what publishing it would change.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// Present when the content could be read at all; the release is ready when `diagnostics` has no error.
        public var summaries: [ReleaseSummary]
    }

    /// Gates the draft dated `date`, or every draft when `date` is nil.
    public static func run(_ date: String?, content: ContentSource, theme: Result<Theme, DiagnosticsError>) -> Outcome {
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
                problems.append(Diagnostic(file: path + "/revision.yml", message: "the revision \(date) is published already",
                                           hint: "only a revision with `draft: true` in its revision.yml is published"))
                return Outcome(diagnostics: problems.filter { $0.severity == .error }.sorted(), summaries: [])
            }
            candidates = [revision]
        }
        var summaries: [ReleaseSummary] = []
        for candidate in candidates {
            let source = content.revisions.first { $0.folderName == candidate.date }
            problems += check(candidate, source: source, sheet: sheet, theme: theme)
            summaries.append(ReleaseSummary(candidate, previous: sheet.published.current))
        }
        // The loader's warning that a draft lacks an English page is the gate's error: say it once.
        let errors = Set(problems.filter { $0.severity == .error }.map { [$0.file, String($0.line), $0.message] })
        problems = Array(Set(problems)).filter { $0.severity == .error || !errors.contains([$0.file, String($0.line), $0.message]) }
        return Outcome(diagnostics: problems.sorted(), summaries: summaries)
    }

    /// Every problem of one draft, as the site would stand with it published.
    static func check(_ candidate: Revision, source: RevisionSource?, sheet: Sheet, theme: Theme) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let metadataFile = source?.metadata ?? SourceFile(path: (source?.path ?? candidate.date) + "/revision.yml", text: "")
        let published = sheet.published
        if let current = published.current, candidate.date < current.date {
            problems.append(diagnostic(in: metadataFile, key: "date", "the revision is dated \(candidate.date), before the current sheet of \(current.date)",
                                       hint: "a new revision is dated after the one it replaces; rename the folder and its `date:`"))
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
        for language in Language.allCases {
            for item in candidate.items[language] where item.plainAnswer.trimmed.isEmpty {
                guard let source = candidate.sources[language][item.slug] else { continue }
                problems.append(source.diagnostic(at: .answer, "the answer of '\(item.slug)' shows no text", hint: "write the provider's answer (設定等)"))
            }
        }
        problems += brokenLinks(candidate, notesFile: metadataFile, sheet: gated, history: history, theme: theme)
        return problems
    }

    /// A diagnostic at a top-level key of a YAML file (its first line when the key is absent).
    static func diagnostic(in file: SourceFile, key: String, _ message: String, hint: String) -> Diagnostic {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.hasPrefix(key + ":") }.map { $0 + 1 } ?? 1
        return Diagnostic(file: file.path, line: line, column: 1, message: message, hint: hint)
    }
}
