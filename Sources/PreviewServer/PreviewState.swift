import ChecksheetKit
import Synchronization

/// What the preview serves right now: the last good build, and the diagnostics of the last build if it failed.
///
/// Shared between the request handlers and the watcher; every read takes one consistent value.
public final class PreviewState: Sendable {
    /// One consistent view of the preview.
    public struct Current: Sendable, Equatable {
        /// The last successful build (or the placeholder before the first one).
        public var site: PreviewSite
        /// The diagnostics of the last build when it failed (its errors and warnings); empty when it succeeded.
        public var diagnostics: [Diagnostic]
    }

    private let current: Mutex<Current>

    init(site: PreviewSite, diagnostics: [Diagnostic] = []) {
        current = Mutex(Current(site: site, diagnostics: diagnostics))
    }

    /// The site and the diagnostics, read together.
    public var value: Current { current.withLock { $0 } }

    /// The site requests are served from.
    public var site: PreviewSite { current.withLock { $0.site } }

    /// Makes `site` the served build and clears the diagnostics; returns the previous state.
    @discardableResult
    func succeed(with site: PreviewSite) -> Current {
        current.withLock { state in
            let previous = state
            state = Current(site: site, diagnostics: [])
            return previous
        }
    }

    /// Records a failed build; the last good site stays served.
    func fail(with diagnostics: [Diagnostic]) {
        current.withLock { $0.diagnostics = diagnostics }
    }
}
