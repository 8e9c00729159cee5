import Foundation

extension SiteConfiguration {
    /// How to write a base URL, for the hint of every place that takes one.
    public static let baseURLHint = "write it in full, for example `https://example.com/checksheet/`"

    /// The URL the site is published at, ending in `/`, or nil unless it is an absolute http(s) URL with a host and
    /// nothing a page should not repeat: no user name or password, query, fragment, spaces or quotes.
    public static func baseURL(_ text: String) -> String? {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || "\"'<>\\`".contains($0) || $0.isNewline }),
              let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.user == nil, url.password == nil, url.query == nil, url.fragment == nil
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
