import ArgumentParser

/// The folders every command works on.
struct SiteOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("The sheet: site.yml and revisions/.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("theme"), help: ArgumentHelp("Templates, UI strings and assets.", valueName: "dir"))
    var theme = "Site"

    @Option(name: .customLong("output"), help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "public"
}
