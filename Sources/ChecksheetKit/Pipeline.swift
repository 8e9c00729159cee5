/// The build, stage by stage: content → validated sheet → pages → files. Pure: the caller reads the
/// folders into values first and writes the returned files afterwards.
public enum Pipeline {
    public struct Options: Sendable {
        /// Overrides site.yml's `baseURL`.
        public var baseURL: String?
        /// Stale English is an error rather than a warning.
        public var strict: Bool
        /// Draft revisions are built too, every page marked as a draft; without it they are left out entirely.
        public var drafts: Bool

        /// An earlier build whose unchanged pages are taken as they are.
        public var previous: PreviousBuild?
        /// Item pages an earlier load parsed, taken where their text is unchanged.
        public var parsed: ParsedPages?
        /// Revisions earlier loads checked, taken where their inputs are unchanged (the preview's, kept for its life).
        public var loaded: LoadedRevisions?
        /// The theme as an earlier build parsed and checked it, reused while the theme and site.yml are unchanged.
        public var prepared: PreparedTheme?
        /// The key of the last theme that passed the check against the views (`Outcome.checkedTheme`): the same theme
        /// is not checked again.
        public var checkedTheme: String?
        /// The renderer's identity (for the CLI, its executable's size and time): a new tool renders every page anew.
        public var tool: String

        public init(baseURL: String? = nil, strict: Bool = false, drafts: Bool = false, previous: PreviousBuild? = nil, parsed: ParsedPages? = nil,
                    prepared: PreparedTheme? = nil, tool: String = "") {
            self.parsed = parsed
            self.prepared = prepared
            self.baseURL = baseURL
            self.strict = strict
            self.drafts = drafts
            self.previous = previous
            self.tool = tool
        }
    }

    /// The outcome of a build: files when there was no error, and every diagnostic either way.
    public struct Outcome: Sendable {
        public var files: [OutputFile]?
        public var diagnostics: [Diagnostic]
        /// The item pages this run parsed, for the next run to reuse.
        public var parsed = ParsedPages()
        /// The theme as this run prepared it, when it could.
        public var prepared: PreparedTheme?
        /// The key of the theme when it passed the check, for a later build's `Options.checkedTheme`.
        public var checkedTheme: String?
        /// The pages show a draft revision (`Options.drafts` with a draft in the content): not a site to publish.
        public var showsDrafts = false
        /// Where the site's root lies on its server, from the base URL: `/`, or `/trust/`.
        public var rootPath = "/"
    }

    /// `check`: loads and validates the content and the theme, producing nothing.
    public static func check(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options = .init()) -> Outcome {
        let (renderer, diagnostics, parsed) = prepare(content: content, theme: theme, options: options, building: false)
        return Outcome(files: renderer == nil ? nil : [], diagnostics: diagnostics, parsed: parsed)
    }

    /// `build`: everything `check` does, then renders every file of the site.
    public static func build(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options = .init()) -> Outcome {
        let (renderer, diagnostics, parsed) = prepare(content: content, theme: theme, options: options)
        guard let renderer else { return Outcome(files: nil, diagnostics: diagnostics, parsed: parsed) }
        do {
            return Outcome(files: try renderer.render(), diagnostics: diagnostics, parsed: parsed, prepared: renderer.prepared,
                           checkedTheme: renderer.checkedTheme, showsDrafts: renderer.showsDrafts,
                           rootPath: renderer.rootPath)
        } catch let error as DiagnosticsError {
            return Outcome(files: nil, diagnostics: (diagnostics + error.diagnostics).sorted(), parsed: parsed)
        } catch {
            return Outcome(files: nil, diagnostics: diagnostics + [Diagnostic(file: "build", message: "\(error)")], parsed: parsed)
        }
    }

    /// `build`, handing the files to `write` in batches as they are made instead of returning them all (see
    /// `SiteRenderer.render(inBatchesOf:_:)`); the outcome's `files` is then empty when the build succeeded. What
    /// `write` throws is rethrown: the files' destination is the caller's.
    public static func build(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options = .init(),
                             streamingTo write: ([OutputFile]) throws -> Void) throws -> Outcome {
        let (renderer, diagnostics, parsed) = prepare(content: content, theme: theme, options: options)
        guard let renderer else { return Outcome(files: nil, diagnostics: diagnostics, parsed: parsed) }
        do {
            try renderer.render(write)
            return Outcome(files: [], diagnostics: diagnostics, parsed: parsed, prepared: renderer.prepared, checkedTheme: renderer.checkedTheme,
                           showsDrafts: renderer.showsDrafts, rootPath: renderer.rootPath)
        } catch let error as DiagnosticsError {
            return Outcome(files: nil, diagnostics: (diagnostics + error.diagnostics).sorted(), parsed: parsed)
        }
    }

    /// A warning (an error with `strict`) for each English field of the current sheet that still
    /// translates the Japanese as it was before a revision changed it.
    static func staleTranslations(_ sheet: Sheet, history: SheetHistory, strict: Bool) -> [Diagnostic] {
        guard let current = sheet.current else { return [] }
        return (history.stale[current.date] ?? []).compactMap { stale in
            guard let source = current.sources.en[stale.slug] else { return nil }
            return source.diagnostic(at: stale.field,
                                     "the Japanese '\(stale.field.rawValue)' of '\(stale.slug)' changed in revision \(stale.since) but its English did not",
                                     hint: "translate the change; until then the English site shows the current Japanese with a “translation pending” notice",
                                     severity: strict ? .error : .warning)
        }
    }

    /// `building`: a build, which leaves drafts out unless `options.drafts`, so a draft's own errors do not stop it;
    /// `check` validates every revision alike.
    static func prepare(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options, building: Bool = true) -> (SiteRenderer?, [Diagnostic], ParsedPages) {
        // The record is kept for the preview's life: a revision folder deleted or renamed meanwhile goes from it here,
        // where the whole content is known (a build that leaves its drafts out loads only part of it).
        options.loaded?.keepOnly(Set(content.revisions.map(\.path)))
        // The templates are compiled while the content loads: neither needs the other. Not when the preview kept them.
        let compiled: Pending<CompiledTheme>? = {
            guard case let .success(theme) = theme, options.prepared?.theme != theme else { return nil }
            return Pending { [tool = options.tool] in CompiledTheme(theme, tool: tool) }
        }()
        let loaded = building && !options.drafts ? ContentLoader.loadLeavingDraftsOut(content, reusing: options.parsed, remembering: options.loaded)
            : ContentLoader.load(content, reusing: options.parsed, remembering: options.loaded)
        StageClock.mark("content loaded")
        var diagnostics = loaded.diagnostics
        let theme: Theme? = {
            switch theme {
            case let .success(value): return value
            case let .failure(error): diagnostics += error.diagnostics; return nil
            }
        }()
        if let site = content.site, let theme {
            diagnostics += SiteConfiguration.missingImages(site, contentImages: content.images, themeAssets: theme.assets, themePath: theme.path)
        }
        guard let loadedSheet = loaded.sheet, let theme else { return (nil, diagnostics.sorted(), loaded.parsed) }
        diagnostics = ReleaseGate.publishedSlugChanges(loadedSheet, diagnostics: diagnostics)
        // Drafts were validated with everything else; only what is published goes further unless asked.
        let sheet = options.drafts ? loadedSheet : loadedSheet.published
        if sheet.revisions.isEmpty {
            return (nil, (diagnostics + [Diagnostic(file: content.path + "/revisions", message: "every revision is a draft, so there is nothing to publish",
                                                   hint: "publish one with `checksheet publish DATE`, or preview with `checksheet build --drafts`")]).sorted(), loaded.parsed)
        }
        let history = SheetHistory(sheet)
        StageClock.mark("history")
        diagnostics += staleTranslations(sheet, history: history, strict: options.strict)
        switch SiteRenderer.make(sheet: sheet, history: history, theme: theme, baseURL: options.baseURL, prepared: options.prepared,
                                 checked: options.checkedTheme, tool: options.tool, compiled: compiled) {
        case let .success(renderer):
            StageClock.mark("renderer and plan")
            if diagnostics.hasErrors { return (nil, diagnostics.sorted(), loaded.parsed) }
            diagnostics += ReleaseGate.answerAndNotesLinks(sheet, history: history, theme: theme, content: content)
            return (renderer.reusing(options.previous), diagnostics.sorted(), loaded.parsed)
        case let .failure(error): return (nil, (diagnostics + error.diagnostics).sorted(), loaded.parsed)
        }
    }
}
