/// A theme whose templates were parsed and checked against the views: the preview keeps it for the builds that
/// follow while neither the theme nor site.yml changes, since parsing and checking cost more than an edit's pages.
public struct PreparedTheme: Sendable {
    let theme: Theme
    let configuration: SiteConfiguration
    let renderer: PageRenderer

    /// Whether it was prepared from exactly this theme and configuration.
    func fits(_ theme: Theme, _ configuration: SiteConfiguration) -> Bool {
        self.configuration == configuration && self.theme == theme
    }
}

extension PreparedTheme {
    /// What every page's output depends on besides the content, as one hash: the theme's templates, UI strings and
    /// assets, and the tool that renders them.
    static func renderKey(_ theme: Theme, tool: String) -> String {
        var key = ContentHash()
        key.add("tool \(tool)\n")
        for name in theme.templates.keys.sorted() { key.add("template \(name)\n\(theme.templates[name]!)\n") }
        for name in theme.strings.keys.sorted() { key.add("string \(name)\n\(theme.strings[name]!.ja)\n\(theme.strings[name]!.en)\n") }
        for name in theme.assets.keys.sorted() { key.add("asset \(name) \(ContentHash(theme.assets[name]!).hex)\n") }
        return key.hex
    }

    /// What the check of the templates against the views reads, as one hash: the theme and tool (`renderKey`; the
    /// tool's view types give the names) and site.yml's configuration. A build that finds the key of the last theme
    /// that passed (`Pipeline.Options.checkedTheme`) does not check it again.
    static func checkKey(renderKey: String, _ configuration: SiteConfiguration) -> String {
        var key = ContentHash()
        key.add("theme check 2\n\(renderKey)\n\(String(reflecting: configuration))\n")
        return key.hex
    }
}
