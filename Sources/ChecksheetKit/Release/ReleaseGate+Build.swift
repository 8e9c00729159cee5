extension ReleaseGate {
    /// The gate's slug check for `check` and `build`: an error at each slug the current published revision changed since
    /// the published revision before it (the old address would say the item was removed), in place of the loader's
    /// warning that guessed a new item took a retired number. As the gate, it looks at the newest step only: a rename
    /// published long ago is history the team cannot undo without rewriting it, and stays the loader's warning. A
    /// draft's changed slug keeps that warning too: the gate refuses it when it is published.
    public static func publishedSlugChanges(_ sheet: Sheet, diagnostics: [Diagnostic]) -> [Diagnostic] {
        let revisions = sheet.published.revisions
        var errors: [Diagnostic] = []
        var guesses: Set<[String]> = []
        for (previous, revision) in zip(revisions, revisions.dropFirst()).suffix(1) {
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
            // A link within the site is written `[text](target)`, `![alt](target)` or with a `[ref]: target` line; bare
            // URLs and autolinks lead elsewhere. Most answers hold neither, and are passed over without cmark: every
            // build asks this of every answer, a 10,000-item sheet's too.
            guard Self.mayHoldLink(markdown) else { return false }
            return links(in: Markdown.html(markdown)).contains { $0.value.count > 1 && $0.value.hasPrefix("#") || nowhere.problem(with: $0.value, from: page) != nil }
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

    /// Whether Markdown has `](` or `]:`, without which it writes no link or image of its own.
    static func mayHoldLink(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "]") {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "(") || next == UInt8(ascii: ":") { return true }
            }
            return false
        }
    }
}
