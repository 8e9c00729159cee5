import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ContentSource {
    /// Reads the content folder at `path` into values; unreadable files become diagnostics, and files the
    /// loader would pass over (a `.MD` page, a `fr/` folder) become warnings, so nothing is ignored silently.
    ///
    /// `known`, the pages an earlier build read, gives the text of every page whose stamp in `walked` (taken before this
    /// read) is the one it had then: only the others are opened.
    public static func read(from path: String, known: SourceTexts? = nil, walked: SourceStamps? = nil) -> ContentSource {
        var problems: [Diagnostic] = []
        guard isFolder(path) else {
            return ContentSource(path: path, site: nil, revisions: [], diagnostics: [
                Diagnostic(file: path, message: "the content folder does not exist", hint: "run from the project's root or pass --content DIR"),
            ])
        }
        let site = readText(at: path + "/site.yml", problems: &problems)
        let revisionsPath = path + "/revisions"
        // The folders are listed first and the pages of every revision then read at once, on all cores: a long
        // history is thousands of small files, and one revision's are too few to spread.
        var folders: [(name: String, path: String, metadata: SourceFile?, translations: SourceFile?, languages: [(Language, String, [String])])] = []
        for folder in directoryEntries(at: revisionsPath, problems: &problems) {
            let folderPath = revisionsPath + "/" + folder
            guard isFolder(folderPath) else {
                problems.append(ignored(folderPath, "is not a revision folder", hint: "each revision is a folder named by its date, YYYY-MM-DD; move this file elsewhere"))
                continue
            }
            let metadata = readText(at: folderPath + "/revision.yml", problems: &problems)
            let translations = readText(at: folderPath + "/" + TranslationRecords.fileName, problems: &problems)
            let known = Set(Language.allCases.map(\.rawValue) + ["revision.yml", TranslationRecords.fileName])
            for entry in directoryEntries(at: folderPath, problems: &problems) where !known.contains(entry) {
                let languages = Language.allCases.map { "'\($0.rawValue)'" }.joined(separator: " and ")
                problems.append(isFolder(folderPath + "/" + entry)
                    ? ignored(folderPath + "/" + entry, "is not a language of the site", hint: "item pages go in \(languages); rename the folder or move it out of the revision")
                    : ignored(folderPath + "/" + entry, "is not part of a revision", hint: "a revision holds revision.yml and the folders \(languages); move this file elsewhere"))
            }
            let languages = Language.allCases.map { language in
                let languagePath = folderPath + "/" + language.rawValue
                return (language, languagePath, directoryEntries(at: languagePath, problems: &problems))
            }
            folders.append((folder, folderPath, metadata, translations, languages))
        }
        let jobs = folders.flatMap { folder in folder.languages.flatMap { _, languagePath, names in names.map { (languagePath, $0) } } }
        // Every page's path: the hint for a file beside the pages never says to rename it over one.
        let pages = Set(jobs.filter { $0.1.hasSuffix(".md") }.map { $0.0 + "/" + $0.1 })
        var read = jobs.parallelMap { languagePath, name -> (SourceFile?, [Diagnostic]) in
            var found: [Diagnostic] = []
            let file = languagePath + "/" + name
            if name.hasSuffix(".md") {
                if let known, let stamp = walked?.settledFiles[file], let text = known.text(at: file, stamp: stamp) {
                    return (SourceFile(path: file, text: text), [])
                }
                // Opened at once, without a `stat` first: a folder is told by the open file's type.
                let read = LocalPath.read(file)
                var isFolder = false
                switch read {
                case .folder: isFolder = true
                case .refused: isFolder = Self.isFolder(file)
                default: break
                }
                if isFolder {
                    return (nil, [ignored(file, "is a folder among the item pages", hint: "item pages are the .md files directly in \(languagePath)")])
                }
                // Listed a moment ago, so not "nothing there": a link to a file that is gone (an unmounted share) would
                // otherwise take its item off the site without a word.
                if case .missing = read { return (nil, [Self.vanished(file)]) }
                return (text(read, at: file, problems: &found), found)
            } else if isFolder(file) {
                return (nil, [ignored(file, "is a folder among the item pages", hint: "item pages are the .md files directly in \(languagePath)")])
            } else {
                return (nil, [ignored(file, "is not an item page", hint: notAPageHint(name, in: languagePath, pages: pages))])
            }
        }[...]
        var revisions: [RevisionSource] = []
        for folder in folders {
            var pages: [Language: [SourceFile]] = [:]
            for (language, _, names) in folder.languages {
                var files: [SourceFile] = []
                for (file, found) in read.prefix(names.count) {
                    if let file { files.append(file) }
                    problems += found
                }
                read = read.dropFirst(names.count)
                pages[language] = files
            }
            revisions.append(RevisionSource(folderName: folder.name, path: folder.path, metadata: folder.metadata, pages: pages, translations: folder.translations))
        }
        let synonyms = readText(at: path + "/synonyms.yml", problems: &problems)
        return ContentSource(path: path, site: site, revisions: revisions, synonyms: synonyms, diagnostics: problems, images: images(in: path))
    }

    /// The revisions' folders and their `revision.yml` alone, no page read: what a run that finds nothing to build still
    /// reports (revisions dated after today, drafts left out). Never loaded or built from: its revisions hold no pages.
    public static func readMetadata(from path: String) -> ContentSource {
        var problems: [Diagnostic] = []
        let revisionsPath = path + "/revisions"
        let revisions = directoryEntries(at: revisionsPath, problems: &problems).compactMap { folder -> RevisionSource? in
            let folderPath = revisionsPath + "/" + folder
            guard isFolder(folderPath) else { return nil }
            return RevisionSource(folderName: folder, path: folderPath, metadata: readText(at: folderPath + "/revision.yml", problems: &problems), pages: [:])
        }
        return ContentSource(path: path, site: nil, revisions: revisions, diagnostics: problems)
    }

    /// The images a site.yml may name: every `.svg`, `.png` and `.ico` under the content folder but outside `revisions/`.
    static func images(in path: String) -> [String: Data] {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var images: [String: Data] = [:]
        for case let url as URL in walk {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            if relative == "revisions" { walk.skipDescendants(); continue }
            guard ["svg", "png", "ico"].contains(url.pathExtension.lowercased()), let data = FileManager.default.contents(atPath: url.path) else { continue }
            images[relative] = data
        }
        return images
    }

    /// An item page the folder lists but that cannot be opened: a symbolic link whose target is gone, or a file
    /// removed while the content was read.
    static func vanished(_ path: String) -> Diagnostic {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            return Diagnostic(file: path, message: "cannot read the item page: it is a symbolic link to '\(target)', which does not exist",
                              hint: "mount or restore the file it links to, or replace the link with the page itself; the build stops rather than publish the sheet without this item")
        }
        return Diagnostic(file: path, message: "cannot read the item page: it was removed while the content was read",
                          hint: "run the command again once the files stop changing")
    }

    /// What to do with a file beside the item pages that is not one. An editor's backup or temporary file
    /// (`01-service-hours.md~`, `.bak`, `.orig`, `.swp`, `#01-service-hours.md#`) of a page that is there is said to be
    /// one, to delete or move: renaming it as the page would replace the page.
    static func notAPageHint(_ name: String, in folder: String, pages: Set<String>) -> String {
        var original = Substring(name)
        while let marker = ["~", "#", ".swp", ".swo", ".bak", ".orig", ".tmp"].first(where: { original.hasSuffix($0) }) { original = original.dropLast(marker.count) }
        while original.first == "#" || original.first == "." { original = original.dropFirst() }
        let isBackup = original != Substring(name)
        let page = original.hasSuffix(".md") ? String(original) : (original as NSString).deletingPathExtension + ".md"
        if pages.contains(folder + "/" + page) {
            return isBackup
                ? "it looks like an editor's backup of \(page), which is the item's page: delete it, or move it out of \(folder)"
                : "item pages end in `.md`, and \(page) is a page already: delete this file, or move it out of \(folder)"
        }
        return "item pages end in `.md`; rename it \(page) to publish it, or move it elsewhere"
    }

    static func ignored(_ path: String, _ what: String, hint: String) -> Diagnostic {
        Diagnostic(file: path, severity: .warning, message: "ignored: it \(what)", hint: hint)
    }

    /// Names in a folder, sorted by code point so the order never depends on the file system. Dot files
    /// (`.gitkeep`, `.DS_Store`) are not content.
    static func directoryEntries(at path: String) -> [String] {
        var problems: [Diagnostic] = []
        return directoryEntries(at: path, problems: &problems)
    }

    /// The same, with a folder that exists but cannot be read reported rather than taken as empty.
    static func directoryEntries(at path: String, problems: inout [Diagnostic]) -> [String] {
        guard isFolder(path) else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            let reason = access(path, R_OK | X_OK) == 0 ? "it cannot be listed" : LocalPath.errnoText()
            problems.append(Diagnostic(file: path, message: "cannot read the folder: \(reason)", hint: "give this user permission to read it (chmod u+rx)"))
            return []
        }
        return names.filter { !$0.hasPrefix(".") }.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func readText(at path: String, problems: inout [Diagnostic]) -> SourceFile? {
        text(LocalPath.read(path), at: path, problems: &problems)
    }

    /// The text of what reading `path` found: nil when nothing is there, a diagnostic when it is not UTF-8 text.
    static func text(_ read: LocalPath.Read, at path: String, problems: inout [Diagnostic]) -> SourceFile? {
        let data: Data
        switch read {
        case let .file(bytes): data = bytes
        case .missing: return nil
        case .folder, .other, .refused:
            let reason: String
            switch read {
            case .folder: reason = "it is a folder"
            case let .refused(code): reason = String(cString: strerror(code)).lowercased()
            default: reason = "it cannot be read"
            }
            problems.append(Diagnostic(file: path, message: "cannot read the file: \(reason)", hint: "give this user permission to read it (chmod u+r)"))
            return nil
        }
        // memchr rather than `Data.contains`, which steps through an iterator byte by byte.
        let hasNUL = data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
        if !hasNUL, let text = String(data: data, encoding: .utf8) { return SourceFile(path: path, text: text) }
        let problem = TextProblem.find(in: data) ?? TextProblem(line: 0, column: 0, message: "the file is not valid UTF-8 text", hint: "save it as UTF-8")
        problems.append(Diagnostic(file: path, line: problem.line, column: problem.column, message: problem.message, hint: problem.hint))
        return nil
    }
}
