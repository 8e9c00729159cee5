import Foundation

extension ContentSource {
    /// Reads the content folder at `path` into values; unreadable files become diagnostics.
    public static func read(from path: String) -> ContentSource {
        let files = FileManager.default
        var problems: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ContentSource(path: path, site: nil, revisions: [], diagnostics: [
                Diagnostic(file: path, message: "the content folder does not exist", hint: "run from the project's root or pass --content DIR"),
            ])
        }
        let site = readText(at: path + "/site.yml", problems: &problems)
        let revisionsPath = path + "/revisions"
        var revisions: [RevisionSource] = []
        for folder in directoryEntries(at: revisionsPath) where isFolder(revisionsPath + "/" + folder) {
            let folderPath = revisionsPath + "/" + folder
            let metadata = readText(at: folderPath + "/revision.yml", problems: &problems)
            var pages: [Language: [SourceFile]] = [:]
            for language in Language.allCases {
                let languagePath = folderPath + "/" + language.rawValue
                pages[language] = directoryEntries(at: languagePath)
                    .filter { $0.hasSuffix(".md") }
                    .compactMap { readText(at: languagePath + "/" + $0, problems: &problems) }
            }
            revisions.append(RevisionSource(folderName: folder, path: folderPath, metadata: metadata, pages: pages))
        }
        let synonyms = readText(at: path + "/synonyms.yml", problems: &problems)
        return ContentSource(path: path, site: site, revisions: revisions, synonyms: synonyms, diagnostics: problems)
    }

    /// Names in a folder, sorted by code point so the order never depends on the file system.
    static func directoryEntries(at path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func readText(at path: String, problems: inout [Diagnostic]) -> SourceFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(Diagnostic(file: path, message: "cannot read the file", hint: "check its permissions"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains("\u{0}") else {
            let line = firstInvalidLine(data)
            problems.append(Diagnostic(file: path, line: line, message: "the file is not valid UTF-8 text", hint: "save it as UTF-8 (without a byte order mark)"))
            return nil
        }
        return SourceFile(path: path, text: text)
    }

    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        for chunk in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(data: Data(chunk), encoding: .utf8) == nil || chunk.contains(0) { return line }
            line += 1
        }
        return 0
    }
}
