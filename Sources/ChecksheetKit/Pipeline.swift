/// The build, stage by stage: content → validated sheet → pages → files. Pure: the caller reads the
/// folders into values first and writes the returned files afterwards.
public enum Pipeline {
    public struct Options: Sendable {
        /// Overrides site.yml's `baseURL`.
        public var baseURL: String?

        public init(baseURL: String? = nil) { self.baseURL = baseURL }
    }

    /// The outcome of a build: files when there was no error, and every diagnostic either way.
    public struct Outcome: Sendable {
        public var files: [OutputFile]?
        public var diagnostics: [Diagnostic]
    }

    /// `check`: loads and validates the content and the theme, producing nothing.
    public static func check(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options = .init()) -> Outcome {
        let (renderer, diagnostics) = prepare(content: content, theme: theme, options: options)
        return Outcome(files: renderer == nil ? nil : [], diagnostics: diagnostics)
    }

    /// `build`: everything `check` does, then renders every file of the site.
    public static func build(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options = .init()) -> Outcome {
        let (renderer, diagnostics) = prepare(content: content, theme: theme, options: options)
        guard let renderer else { return Outcome(files: nil, diagnostics: diagnostics) }
        do {
            return Outcome(files: try renderer.render(), diagnostics: diagnostics)
        } catch let error as DiagnosticsError {
            return Outcome(files: nil, diagnostics: (diagnostics + error.diagnostics).sorted())
        } catch {
            return Outcome(files: nil, diagnostics: diagnostics + [Diagnostic(file: "build", message: "\(error)")])
        }
    }

    static func prepare(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Options) -> (SiteRenderer?, [Diagnostic]) {
        let loaded = ContentLoader.load(content)
        var diagnostics = loaded.diagnostics
        let theme: Theme? = {
            switch theme {
            case let .success(value): return value
            case let .failure(error): diagnostics += error.diagnostics; return nil
            }
        }()
        guard let sheet = loaded.sheet, let theme else { return (nil, diagnostics.sorted()) }
        switch SiteRenderer.make(sheet: sheet, theme: theme, baseURL: options.baseURL) {
        case let .success(renderer): return (diagnostics.hasErrors ? nil : renderer, diagnostics.sorted())
        case let .failure(error): return (nil, (diagnostics + error.diagnostics).sorted())
        }
    }
}
