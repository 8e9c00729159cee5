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
