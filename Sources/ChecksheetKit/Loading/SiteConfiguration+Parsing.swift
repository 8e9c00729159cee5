import Foundation
import Yams

extension SiteConfiguration {
    static let knownKeys = ["title", "baseURL", "sections"]

    /// Parses `site.yml`. Pure: the text is given, nothing is read.
    public static func parse(_ file: SourceFile) -> Result<SiteConfiguration, DiagnosticsError> {
        let document: YAMLDocument
        switch YAMLDocument.parse(file.text.droppingByteOrderMark(), file: file.path) {
        case let .success(value): document = value
        case let .failure(error): return .failure(error)
        }
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
        guard problems.isEmpty, let title, let baseURL else { return .failure(DiagnosticsError(problems)) }
        return .success(SiteConfiguration(title: title, baseURL: baseURL, sections: sections))
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
