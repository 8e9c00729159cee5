import ChecksheetKit
import Foundation

/// The preview's inputs held in memory between builds, brought up to date file by file.
///
/// An edited page is read again alone and patched into the content read before; only a file added or
/// removed, a file the content reader did not take, or text that is not valid UTF-8 (whose diagnostic
/// the reader makes) sends the whole content folder through `ContentSource.read` again. Any change under
/// the theme folder reads the theme again (a handful of small files). Inputs equal to the last build's
/// are not built again.
struct SiteBuilder: Sendable {
    /// What a build reads.
    struct Inputs: Sendable, Equatable {
        var content: ContentSource
        var theme: Result<Theme, DiagnosticsError>
        var script: Result<Data, DiagnosticsError>
    }

    /// What a build made.
    struct Outcome: Sendable {
        /// The files `checksheet build` would write, or nil when there was an error.
        var files: [OutputFile]?
        var diagnostics: [Diagnostic]
        /// The item pages the build parsed, for the next build to take where unchanged.
        var parsed = ParsedPages()
        /// The theme as the build prepared it.
        var prepared: PreparedTheme?
        /// The pages show a draft revision: served, never written to the output folder.
        var showsDrafts = false
        /// Where the site's root lies on its server (`/trust/`): the preview serves the site there too.
        var rootPath = "/"
    }

    /// How the inputs were brought up to date.
    enum Refresh: Equatable, Sendable {
        /// Nothing the build reads changed.
        case unchanged
        /// Some files were read again.
        case changed(reread: [String])
    }

    /// The reload script's place in the theme. Not under `assets/`: the theme's assets are part of every
    /// build, and the script must never be part of what `checksheet build` writes.
    static let scriptPath = "preview/live-reload.js"

    let configuration: PreviewConfiguration
    private(set) var stamps: FolderStamps
    private(set) var inputs: Inputs

    /// Reads everything once.
    init(configuration: PreviewConfiguration) {
        self.configuration = configuration
        stamps = FolderStamps.scan([configuration.content, configuration.theme])
        inputs = Inputs(content: ContentSource.read(from: configuration.content), theme: Theme.read(from: configuration.theme),
                        script: Self.readScript(theme: configuration.theme))
    }

    /// The folders' state now.
    func scan() -> FolderStamps {
        FolderStamps.scan([configuration.content, configuration.theme])
    }

    /// Brings the inputs up to date with `scan`, reading only what changed.
    mutating func refresh(to scan: FolderStamps) -> Refresh {
        let changes = scan.changes(since: stamps)
        stamps = scan
        guard !changes.isEmpty else { return .unchanged }
        let before = inputs
        var reread: [String] = []
        let themePrefix = configuration.theme + "/"
        if changes.all.contains(where: { $0.hasPrefix(themePrefix) }) {
            inputs.theme = Theme.read(from: configuration.theme)
            inputs.script = Self.readScript(theme: configuration.theme)
            reread.append(configuration.theme + "/")
        }
        let contentPrefix = configuration.content + "/"
        let inContent = { (paths: [String]) in paths.filter { $0.hasPrefix(contentPrefix) && !$0.hasPrefix(themePrefix) } }
        let added = inContent(changes.added), removed = inContent(changes.removed), modified = inContent(changes.modified)
        if !added.isEmpty || !removed.isEmpty {
            inputs.content = ContentSource.read(from: configuration.content)
            reread.append(configuration.content + "/")
        } else if !modified.isEmpty {
            if let patched = Self.patch(inputs.content, with: modified) {
                inputs.content = patched
                reread += modified
            } else {
                inputs.content = ContentSource.read(from: configuration.content)
                reread.append(configuration.content + "/")
            }
        }
        return inputs == before ? .unchanged : .changed(reread: reread)
    }

    /// Builds the site from the inputs, as `checksheet build` does.
    /// The last good build's files: the next build takes its unchanged pages from them instead of rendering them.
    private(set) var lastFiles: [OutputFile]?

    /// The item pages the last build parsed: an edit parses only the pages it changed.
    private(set) var parsed: ParsedPages?
    /// The theme as the last good build prepared it: an edit of the content does not parse and check it again.
    private(set) var prepared: PreparedTheme?

    /// Remembers a good build for the next one, and the pages any build parsed.
    mutating func keep(_ outcome: Outcome) {
        if let files = outcome.files { lastFiles = files }
        parsed = outcome.parsed
        if let theme = outcome.prepared { prepared = theme }
    }

    /// The revisions the builds checked: an edit checks only the revision it changed.
    let loaded = LoadedRevisions()

    func build() -> Outcome {
        var options = Pipeline.Options(baseURL: configuration.baseURL, drafts: configuration.drafts, previous: lastFiles.map(PreviousBuild.holding),
                                       parsed: parsed, prepared: prepared, tool: configuration.tool)
        options.loaded = loaded
        let outcome = Pipeline.build(content: inputs.content, theme: inputs.theme, options: options)
        if case let .failure(error) = inputs.script {
            return Outcome(files: nil, diagnostics: (outcome.diagnostics + error.diagnostics).sorted(), parsed: outcome.parsed)
        }
        return Outcome(files: outcome.files, diagnostics: outcome.diagnostics, parsed: outcome.parsed, prepared: outcome.prepared,
                       showsDrafts: outcome.showsDrafts, rootPath: outcome.rootPath)
    }

    /// The content with the files at `paths` read again, or nil when one of them is not a file the
    /// content reader took or is not valid UTF-8 text (left to the reader, which reports it).
    static func patch(_ content: ContentSource, with paths: [String]) -> ContentSource? {
        var content = content
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                  !text.unicodeScalars.contains("\u{0}") else { return nil }
            let file = SourceFile(path: path, text: text)
            if content.site?.path == path {
                content.site = file
                continue
            }
            var found = false
            search: for index in content.revisions.indices {
                if content.revisions[index].metadata?.path == path {
                    content.revisions[index].metadata = file
                    found = true
                    break search
                }
                for (language, pages) in content.revisions[index].pages {
                    if let page = pages.firstIndex(where: { $0.path == path }) {
                        content.revisions[index].pages[language]?[page] = file
                        found = true
                        break search
                    }
                }
            }
            if !found { return nil }
        }
        return content
    }

    /// The reload script from the theme folder, or a diagnostic when the theme has none.
    static func readScript(theme: String) -> Result<Data, DiagnosticsError> {
        let path = theme + "/" + scriptPath
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DiagnosticsError([Diagnostic(file: path, message: "the theme has no live-reload script for the preview",
                                                         hint: "copy Site/\(scriptPath) from the checksheet repository")]))
        }
        return .success(data)
    }
}
