import ArgumentParser
import ChecksheetKit

/// The folders every command works on.
struct SiteOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("The sheet: site.yml and revisions/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("theme"), help: ArgumentHelp("Templates, UI strings and assets.", valueName: "dir"))
    var theme = "Site"

    @Option(name: .customLong("output"), help: ArgumentHelp("Where the site is written: a new or empty folder, or one an earlier build wrote.", valueName: "dir"))
    var output = "public"

    /// The output folder with the rules that keep it from replacing anything but an earlier build.
    var siteOutput: SiteOutput { SiteOutput(path: output, content: content, theme: theme) }
}
