/// A theme's templates compiled and its render key hashed: both need the theme alone, so a build makes them on another
/// thread while it loads the content and works out the history, rather than after.
public struct CompiledTheme: Sendable {
    let theme: Theme
    let renderer: Result<PageRenderer, DiagnosticsError>
    /// `PreparedTheme.renderKey` of the theme for the tool.
    let renderKey: String
    let tool: String

    init(_ theme: Theme, tool: String) {
        self.theme = theme
        self.tool = tool
        renderer = PageRenderer.make(theme)
        renderKey = PreparedTheme.renderKey(theme, tool: tool)
    }
}
