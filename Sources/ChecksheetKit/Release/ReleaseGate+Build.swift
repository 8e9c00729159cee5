extension ReleaseGate {
    /// The gate's slug check for `check` and `build`: an error at each slug a published revision changed since the
    /// published revision before it (what the site shows of those is out, and the old address says the item was
    /// removed), in place of the loader's warning that guessed a new item took a retired number. A draft's changed slug
    /// keeps that warning: the gate refuses it when it is published.
    public static func publishedSlugChanges(_ sheet: Sheet, diagnostics: [Diagnostic]) -> [Diagnostic] {
        let revisions = sheet.published.revisions
        var errors: [Diagnostic] = []
        var guesses: Set<[String]> = []
        for (previous, revision) in zip(revisions, revisions.dropFirst()) {
            errors += renamedSlugs(revision, previous: previous)
            for rename in renames(revision, previous: previous) {
                guard let source = revision.sources.ja[rename.new.slug] else { continue }
                guesses.insert([source.file, "number \(rename.old.no) was item '\(rename.old.slug)' until revision \(revision.date) removed it"])
            }
        }
        guard !errors.isEmpty else { return diagnostics }
        return (diagnostics.filter { $0.severity != .warning || !guesses.contains([$0.file, $0.message]) } + errors).sorted()
    }

    /// The gate's link check for `check` and `build`, as warnings: each link or image of the current revision's answers
    /// and notes that leads nowhere, at the link. The site is rendered for it only when some answer or notes link
    /// within the site: most link nowhere else, and the check then costs nothing.
    public static func answerAndNotesLinks(_ sheet: Sheet, history: SheetHistory, theme: Theme, content: ContentSource) -> [Diagnostic] {
        guard let current = sheet.current else { return [] }
        // With no file of the site known, every link that stays within it is a problem: those are the ones to judge.
        let nowhere = LinkTargets([])
        func staysWithin(_ markdown: String, from page: String) -> Bool {
            links(in: Markdown.html(markdown)).contains { $0.value.count > 1 && $0.value.hasPrefix("#") || nowhere.problem(with: $0.value, from: page) != nil }
        }
        let linked = Language.allCases.contains { language in
            current.items[language].contains { staysWithin($0.answer, from: SitePath.item($0.slug, language)) }
                || staysWithin(current.notes[language], from: SiteViews.notesBase(language))
        }
        guard linked else { return [] }
        let notesFile = metadata(of: current, source: content.revisions.first { $0.folderName == current.date })
        let written = Set(Language.allCases.flatMap { current.sources[$0].values.map(\.file) } + [notesFile.path])
        // The gate's checks of the pages themselves are the theme's business, and the gate's.
        return brokenLinks(current, notesFile: notesFile, sheet: sheet, history: history, theme: theme).compactMap { problem in
            guard written.contains(problem.file) else { return nil }
            var warning = problem
            warning.severity = .warning
            return warning
        }
    }
}
