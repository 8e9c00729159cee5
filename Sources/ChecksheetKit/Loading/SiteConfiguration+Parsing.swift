import Foundation
import Yams

extension SiteConfiguration {
    static let knownKeys = ["title", "shortTitle", "provider", "logo", "favicon", "contact", "baseURL", "sections"]

    /// Parses `site.yml`. Pure: the text is given, nothing is read.
    public static func parse(_ file: SourceFile) -> Result<SiteConfiguration, DiagnosticsError> {
        YAMLDocument.parse(file).flatMap(configuration(in:))
    }

    /// The configuration a parsed `site.yml` states.
    static func configuration(in document: YAMLDocument) -> Result<SiteConfiguration, DiagnosticsError> {
        var problems: [Diagnostic] = []
        document.unknownKeys(known: knownKeys, into: &problems)
        let title = document.localizedText("title", what: "the site's name", required: true, into: &problems)
        var baseURL = document.text("baseURL", what: "the absolute URL the site is published at, for example `https://example.com/checksheet/`", into: &problems)
        if let url = baseURL {
            if let valid = SiteConfiguration.baseURL(url) {
                baseURL = valid
            } else {
                problems.append(document.diagnostic(at: document.value("baseURL")?.value.mark, "baseURL '\(url)' is not an absolute http(s) URL",
                                                    hint: SiteConfiguration.baseURLHint))
            }
        }
        var sections: [Section] = []
        if let (keyMark, node) = document.value("sections") {
            if case let .sequence(sequence) = node {
                for entry in sequence {
                    if let section = parseSection(entry, document: document, into: &problems) { sections.append(section) }
                }
            } else {
                problems.append(document.diagnostic(at: keyMark, "'sections' must be a list", hint: "write each section as `- name: {ja: …, en: …}` with its `categories:`"))
            }
        } else {
            problems.append(document.diagnostic(at: nil, "missing required field 'sections'", hint: "list the sheet's sections and their categories in both languages"))
        }
        let shortTitle = optionalName("shortTitle", what: "the short name the header shows, such as `{ja: セキュリティチェックシート, en: Security check sheet}`",
                                      document: document, into: &problems)
        let provider = optionalName("provider", what: "the provider's name, such as `{ja: 例示株式会社, en: Example Corp.}`", document: document, into: &problems)
        let logo = image("logo", extensions: ["svg", "png"], document: document, into: &problems)
        let favicon = image("favicon", extensions: ["svg", "png", "ico"], document: document, into: &problems)
        let contact = contactLink(document: document, into: &problems)
        guard problems.isEmpty, let title, let baseURL else { return .failure(DiagnosticsError(problems)) }
        var configuration = SiteConfiguration(title: title, baseURL: baseURL, sections: sections)
        configuration.shortTitle = shortTitle
        configuration.provider = provider
        configuration.logo = logo
        configuration.favicon = favicon
        configuration.contact = contact
        return .success(configuration)
    }

    /// The sections `site.yml` declares, when they parse though another part of it does not: the pages are still
    /// checked against them, so that one mistake in site.yml hides none of the pages' section and category mistakes.
    static func declaredSections(_ file: SourceFile) -> [Section]? {
        guard case let .success(document) = YAMLDocument.parse(file), case let .sequence(entries)? = document.value("sections")?.value else { return nil }
        var problems: [Diagnostic] = []
        var sections: [Section] = []
        for entry in entries {
            if let section = parseSection(entry, document: document, into: &problems) { sections.append(section) }
        }
        return problems.isEmpty ? sections : nil
    }

    /// The `logo` and `favicon` of `site.yml` that are neither among the content folder's images nor the theme's
    /// assets. Apart from `parse` so that a run lists them with every other problem of the content and the theme.
    public static func missingImages(_ file: SourceFile, contentImages: [String: Data], themeAssets: [String: Data], themePath: String) -> [Diagnostic] {
        guard case let .success(document) = YAMLDocument.parse(file) else { return [] }
        var ignored: [Diagnostic] = []
        return [("logo", ["svg", "png"]), ("favicon", ["svg", "png", "ico"])].compactMap { key, extensions -> Diagnostic? in
            guard let image = image(key, extensions: extensions, document: document, into: &ignored),
                  contentImages[image.path] == nil, themeAssets[image.path] == nil else { return nil }
            return Diagnostic(file: image.file, line: image.line, column: image.column,
                              message: "\(key) '\(image.path)' is neither in the content folder nor in the theme's assets",
                              hint: "put the file at Content/\(image.path) (or \(themePath)/assets/\(image.path)), or fix the path")
        }
    }

    /// An optional name in both languages: absent is fine, half of one is not.
    private static func optionalName(_ key: String, what: String, document: YAMLDocument, into problems: inout [Diagnostic]) -> Localized<String>? {
        guard document.value(key) != nil else { return nil }
        return document.localizedText(key, what: what, required: true, into: &problems)
    }

    /// An optional image path: relative, inside the content folder or the theme's assets, of a kind browsers show.
    private static func image(_ key: String, extensions: [String], document: YAMLDocument, into problems: inout [Diagnostic]) -> SiteImage? {
        guard let (keyMark, node) = document.value(key) else { return nil }
        guard let path = document.text(key, what: "a path such as `logo.svg`", into: &problems) else { return nil }
        let mark = node.mark ?? keyMark
        let kinds = extensions.map { "." + $0 }.joined(separator: ", ")
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || path.contains("\\") || components.contains("..") || components.contains("") || path.contains("://") {
            problems.append(document.diagnostic(at: mark, "\(key) '\(path)' must be a path inside the content folder or the theme's assets",
                                                hint: "write it relative to Content/ (or to the theme's assets/), for example `\(key).\(extensions[0])`"))
            return nil
        }
        guard extensions.contains((path as NSString).pathExtension.lowercased()) else {
            problems.append(document.diagnostic(at: mark, "\(key) '\(path)' is not an image of a kind browsers show here", hint: "use a \(kinds) file"))
            return nil
        }
        let place = document.location(of: mark)
        return SiteImage(path: path, file: document.file, line: place.line, column: place.column)
    }

    /// The contact for security questions as a link: an e-mail address becomes `mailto:`, a URL must be http(s).
    private static func contactLink(document: YAMLDocument, into problems: inout [Diagnostic]) -> String? {
        guard let (keyMark, node) = document.value("contact") else { return nil }
        guard let text = document.text("contact", what: "an e-mail address or a URL", into: &problems) else { return nil }
        let address = text.lowercased().hasPrefix("mailto:") ? String(text.dropFirst("mailto:".count)) : text
        if address.wholeMatch(of: /[^@\s<>"'()\[\],;:]+@[^@\s<>"'()\[\],;:]+\.[^@\s<>"'()\[\],;:.]+/) != nil {
            return "mailto:" + address
        }
        if !text.contains("@") || text.contains("://"), let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
           ["http", "https"].contains(scheme), let host = url.host, host.contains("."), url.user == nil, url.password == nil,
           !text.contains(where: { $0.isWhitespace || "\"'<>\\`".contains($0) }) {
            return text
        }
        problems.append(document.diagnostic(at: node.mark ?? keyMark, "contact '\(text)' is neither an e-mail address nor an http(s) URL",
                                            hint: "write `security@example.com` or `https://example.com/security`"))
        return nil
    }

    private static func parseSection(_ node: Node, document: YAMLDocument, into problems: inout [Diagnostic]) -> Section? {
        guard case let .mapping(mapping) = node else {
            problems.append(document.diagnostic(at: node.mark, "a section must have `name:` and `categories:`"))
            return nil
        }
        guard let nameNode = mapping["name"], let name = localized(nameNode, document: document, into: &problems) else {
            problems.append(document.diagnostic(at: node.mark, "a section needs `name: {ja: …, en: …}`"))
            return nil
        }
        var categories: [Localized<String>] = []
        if case let .sequence(list)? = mapping["categories"] {
            for entry in list {
                if let category = localized(entry, document: document, into: &problems) { categories.append(category) }
            }
        } else {
            problems.append(document.diagnostic(at: node.mark, "section '\(name.ja)' needs a list of `categories:`"))
        }
        return Section(name: name, categories: categories)
    }

    private static func localized(_ node: Node, document: YAMLDocument, into problems: inout [Diagnostic]) -> Localized<String>? {
        guard case let .mapping(mapping) = node,
              let ja = mapping["ja"]?.string?.trimmingCharacters(in: .whitespaces), !ja.isEmpty,
              let en = mapping["en"]?.string?.trimmingCharacters(in: .whitespaces), !en.isEmpty
        else {
            problems.append(document.diagnostic(at: node.mark, "expected a name in both languages", hint: "write `{ja: 可用性, en: Availability}`"))
            return nil
        }
        return Localized(ja: ja, en: en)
    }
}
