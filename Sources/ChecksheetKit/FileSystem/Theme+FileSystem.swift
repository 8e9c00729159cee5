import Foundation
import Yams

extension Theme {
    /// Reads the theme folder: `templates/*.mustache`, `strings.yml` and everything under `assets/`.
    public static func read(from path: String) -> Result<Theme, DiagnosticsError> {
        let manager = FileManager.default
        guard ContentSource.isFolder(path) else {
            return .failure(DiagnosticsError([Diagnostic(file: path, message: "the theme folder does not exist", hint: "run from the project's root or pass --theme DIR")]))
        }
        var problems: [Diagnostic] = []
        var templates: [String: String] = [:]
        let templatesPath = path + "/templates"
        for name in ContentSource.directoryEntries(at: templatesPath) where name.hasSuffix(".mustache") {
            if let file = ContentSource.readText(at: templatesPath + "/" + name, problems: &problems) {
                templates[String(name.dropLast(".mustache".count))] = file.text
            }
        }
        var strings: [String: Localized<String>] = [:]
        if let file = ContentSource.readText(at: path + "/strings.yml", problems: &problems) {
            switch parseStrings(file) {
            case let .success(value): strings = value
            case let .failure(error): problems += error.diagnostics
            }
        }
        var assets: [String: Data] = [:]
        let assetsURL = URL(fileURLWithPath: path + "/assets")
        if let enumerator = manager.enumerator(at: assetsURL, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, !url.lastPathComponent.hasPrefix(".") else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(assetsURL.standardizedFileURL.path.count + 1))
                if let data = manager.contents(atPath: url.path) { assets[relative] = data }
            }
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(Theme(path: path, templates: templates, strings: strings, assets: assets))
    }

    /// `strings.yml`: one key per UI string, each with `ja:` and `en:`.
    static func parseStrings(_ file: SourceFile) -> Result<[String: Localized<String>], DiagnosticsError> {
        YAMLDocument.parse(file).flatMap(strings(in:))
    }

    /// The UI strings a parsed `strings.yml` gives.
    static func strings(in document: YAMLDocument) -> Result<[String: Localized<String>], DiagnosticsError> {
        var problems: [Diagnostic] = []
        var strings: [String: Localized<String>] = [:]
        for pair in document.pairs {
            if let value = document.localizedText(pair.key, what: "the UI text", required: true, into: &problems) { strings[pair.key] = value }
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(strings)
    }
}
