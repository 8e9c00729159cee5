import Foundation

/// Makes the files of the site: the plan lists every page with its fingerprint; a page an earlier build made from the
/// same inputs is taken as it is, any other has its view built and rendered, on all cores. Pure: values in, files out.
public struct SiteRenderer: Sendable {
    /// Templates the theme must provide.
    public static let requiredTemplates = ["layout", "index", "sheet", "item", "search", "changes", "revision-changes", "feed", "404", "sitemap", "robots"]
    /// Assets the layout links to.
    public static let requiredAssets = ["style.css", "search.js", "share.js"]

    let views: SiteViews
    var renderer: PageRenderer
    /// What every page's output depends on besides the content: the theme's files and the tool that renders them.
    var renderKey = ""
    /// Pages an earlier build made, taken as they are when their fingerprint is unchanged.
    var previous: PreviousBuild?
    /// The key of the theme as it passed the check, for the next build (see `make`).
    public private(set) var checkedTheme = ""

    /// Renders through swift-mustache instead of the compiled templates (and takes nothing from an earlier build).
    var rendersThroughReference: Bool {
        get { renderer.throughReference }
        set { renderer.throughReference = newValue }
    }

    /// Prepares the theme: parses every template and checks that the required ones, their UI strings, names and assets exist.
    /// A theme `prepared` by an earlier build from the same theme and site.yml is neither parsed nor checked again.
    /// `checked` is the key (`PreparedTheme.checkKey`) of the last theme that passed the check of its names against
    /// the views; a theme with the same key is not checked again.
    /// `compiled`, the theme's templates compiled beforehand, is taken when it was compiled from this theme for this tool.
    public static func make(sheet: Sheet, history: SheetHistory? = nil, theme: Theme, baseURL: String? = nil,
                            prepared: PreparedTheme? = nil, checked: String? = nil, tool: String = "",
                            compiled: Pending<CompiledTheme>? = nil) -> Result<SiteRenderer, DiagnosticsError> {
        var problems: [Diagnostic] = []
        let reused = prepared.flatMap { $0.fits(theme, sheet.configuration) ? $0.renderer : nil }
        let beforehand = compiled.map(\.result).flatMap { $0.theme == theme && $0.tool == tool ? $0 : nil }
        let renderer: PageRenderer?
        switch reused.map({ .success($0) }) ?? beforehand?.renderer ?? PageRenderer.make(theme) {
        case let .success(value): renderer = value
        case let .failure(error): renderer = nil; problems += error.diagnostics
        }
        StageClock.mark("templates compiled")
        for name in requiredTemplates + SiteViews.requiredPartials where theme.templates[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/templates/\(name).mustache", message: "the theme has no '\(name)' template",
                                       hint: "every theme provides " + (requiredTemplates + SiteViews.requiredPartials).joined(separator: ", ")))
        }
        for name in requiredAssets where theme.assets[name] == nil {
            problems.append(Diagnostic(file: "\(theme.path)/assets/\(name)", message: "the theme has no '\(name)'"))
        }
        if let baseURL, SiteConfiguration.baseURL(baseURL) == nil {
            problems.append(Diagnostic(file: "--base-url", message: "'\(baseURL)' is not an absolute http(s) URL", hint: SiteConfiguration.baseURLHint))
        }
        var base = baseURL ?? sheet.configuration.baseURL
        if !base.hasSuffix("/") { base += "/" }
        var assetFiles = theme.assets
        // Images site.yml names from the content folder are published beside the theme's (their absence is checked
        // with the content, see `SiteConfiguration.missingImages`).
        for image in [sheet.configuration.logo, sheet.configuration.favicon].compactMap({ $0 }) {
            if let contents = image.contents { assetFiles[SiteViews.assetName(image)] = contents }
        }
        let history = history ?? SheetHistory(sheet), assets = AssetCatalog(assets: assetFiles)
        // The check builds sample views from a few made-up items; its own views keep those out of the build's memos.
        let renderKey = beforehand?.renderKey ?? PreparedTheme.renderKey(theme, tool: tool)
        let key = PreparedTheme.checkKey(renderKey: renderKey, sheet.configuration)
        if reused == nil, key != checked {
            problems += SiteViews(sheet: sheet, history: history, theme: theme, assets: assets, baseURL: base).templateProblems()
        }
        guard problems.isEmpty, let renderer else { return .failure(DiagnosticsError(problems)) }
        var made = SiteRenderer(views: SiteViews(sheet: sheet, history: history, theme: theme, assets: assets, baseURL: base), renderer: renderer)
        made.checkedTheme = key
        made.renderKey = renderKey
        return .success(made)
    }

    /// Whether the pages show a draft revision.
    public var showsDrafts: Bool { views.sheet.revisions.contains(where: \.draft) }

    /// Where the site's root lies on its server (`/trust/` for a base URL with that path): pages any path may show,
    /// such as the not-found pages, link from it.
    public var rootPath: String { SitePath.rootPath(of: views.baseURL) }

    /// The theme as this renderer parsed and checked it, for a later build to reuse.
    public var prepared: PreparedTheme {
        PreparedTheme(theme: views.theme, configuration: views.sheet.configuration, renderer: renderer)
    }

    /// The renderer with an earlier build to take unchanged pages from.
    public func reusing(_ previous: PreviousBuild?) -> SiteRenderer {
        var renderer = self
        renderer.previous = previous
        return renderer
    }

    /// The site's pages as typed, fingerprinted outputs, before any is made.
    var plan: SitePlan {
        SitePlan(sheet: views.sheet, history: views.history,
                 inputs: PageInputs(sheet: views.sheet, renderKey: renderKey, baseURL: views.baseURL, assets: views.assets))
    }

    /// Every file of the site, sorted by path.
    public func render() throws -> [OutputFile] {
        var files: [OutputFile] = []
        try render(inBatchesOf: .max) { files += $0 }
        return files.sorted { $0.path < $1.path }
    }

    /// Every file of the site handed to `write` in batches of about `batch` pages, each batch let go once written:
    /// what a build into a new folder holds in memory is one batch, not the site.
    public func render(inBatchesOf batch: Int = 512, _ write: ([OutputFile]) throws -> Void) throws {
        guard views.sheet.current != nil else { return }
        // Pages that read a whole revision first: on all cores, one of them last in a batch would keep one core busy
        // while the others wait for the batch to end (at 10,000 items a sheet or a workbook takes seconds).
        let planned = plan.pages
        StageClock.mark("planned")
        // Pages made from another's work last, so that none waits for it on a core the others could use.
        let pages = planned.filter(\.kind.readsWholeRevision) + planned.filter { !$0.kind.readsWholeRevision && !$0.kind.waitsForAnotherPage }
            + planned.filter(\.kind.waitsForAnotherPage)
        var start = 0
        while start < pages.count {
            let end = pages.count - start > batch ? start + batch : pages.count
            let made = Array(pages[start..<end]).parallelMap { page in Result { try make(page) } }
            StageClock.mark("\(end - start) pages made")
            try write(made.map { try $0.get() })
            start = end
        }
        try write(views.assets.files + [OutputFile(path: "_headers", text: HostingHeaders.netlify(rootPath: rootPath)),
                                         OutputFile(path: "nginx-headers.conf", text: HostingHeaders.nginx(rootPath: rootPath))])
    }

    /// One planned file: an earlier build's when its fingerprint is unchanged, otherwise made now.
    func make(_ page: PlannedPage) throws -> OutputFile {
        if !rendersThroughReference, let file = previous?.page(page.path, page.fingerprint) { return file }
        guard let template = page.kind.template else {
            return OutputFile(path: page.path, contents: try views.file(of: page.kind), fingerprint: page.fingerprint)
        }
        guard let text = try renderer.render(views.view(of: page.kind), template: template), !text.isEmpty else {
            throw DiagnosticsError([Diagnostic(file: "\(views.theme.path)/templates/\(template).mustache", message: "the template rendered nothing for \(page.path)")])
        }
        return OutputFile(path: page.path, contents: Data(text.utf8), fingerprint: page.fingerprint)
    }
}
