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
    /// What the check of the templates against the views reads, as one hash: the theme's templates and UI strings,
    /// site.yml's configuration and the tool (whose view types give the names). A build that finds the key of the
    /// last theme that passed (`Pipeline.Options.checkedTheme`) does not check it again.
    static func checkKey(_ theme: Theme, _ configuration: SiteConfiguration, tool: String) -> String {
        var key = ContentHash()
        key.add("theme check 1\ntool \(tool)\n\(String(reflecting: configuration))\n")
        for name in theme.templates.keys.sorted() { key.add("template \(name)\n\(theme.templates[name]!)\n") }
        for name in theme.strings.keys.sorted() { key.add("string \(name)\n\(theme.strings[name]!.ja)\n\(theme.strings[name]!.en)\n") }
        for name in theme.assets.keys.sorted() { key.add("asset \(name)\n") }
        return key.hex
    }
}
