import Foundation

/// The site's look, as read from the theme folder: Mustache templates, UI strings and static assets.
public struct Theme: Sendable, Equatable {
    /// Template text by name (file name without `.mustache`).
    public var templates: [String: String]
    /// UI strings by key, in both languages.
    public var strings: [String: Localized<String>]
    /// Asset bytes by path relative to `assets/`.
    public var assets: [String: Data]
    /// Where the templates came from, for diagnostics.
    public var path: String

    public init(path: String, templates: [String: String], strings: [String: Localized<String>], assets: [String: Data]) {
        self.path = path
        self.templates = templates
        self.strings = strings
        self.assets = assets
    }
}
