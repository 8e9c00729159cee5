import ChecksheetKit

/// What the preview tells the person running it; the CLI prints it.
public enum PreviewReport: Sendable {
    /// The server listens at `url`.
    case serving(url: String)
    /// A build finished, after the files in `changed` changed (none for the first build).
    case built(Build)
    /// A good build could not be written to the output folder (it is served all the same).
    case outputNotWritten(String)

    /// One build.
    public struct Build: Sendable {
        /// False when the build failed and the last good one stays served.
        public var succeeded: Bool
        /// The files whose change started the build; empty for the first build.
        public var changed: [String]
        /// The files the build produced (0 when it failed).
        public var files: Int
        public var duration: Duration
        /// Its errors when it failed, its warnings when it succeeded.
        public var diagnostics: [Diagnostic]
        /// Whether the served site changed (a build can give back the same files).
        public var siteChanged: Bool
        /// How many open tabs were told to reload or to show the errors.
        public var tabs: Int
    }
}
