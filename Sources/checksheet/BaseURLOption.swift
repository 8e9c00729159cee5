import ArgumentParser
import ChecksheetKit

/// `--base-url`, checked as site.yml's `baseURL` is.
struct BaseURLOption: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site is published at (overrides site.yml).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, SiteConfiguration.baseURL(baseURL) == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an absolute http(s) URL: \(SiteConfiguration.baseURLHint)")
        }
    }
}
