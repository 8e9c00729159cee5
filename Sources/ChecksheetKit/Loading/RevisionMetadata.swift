import Foundation
import Yams

/// A revision's own metadata, from `revision.yml`.
struct RevisionMetadata: Equatable {
    var date: String
    var title: Localized<String>
    var notes: Localized<String>
    /// `draft: true`: not published until `checksheet publish` removes the line.
    var draft = false
    /// What is wrong but does not stop the build: raw HTML in the notes, which the pages leave out.
    var warnings: [Diagnostic] = []

    static let knownKeys = ["date", "title", "notes", "draft"]

    /// The `revision.yml` of a new revision, a draft: its date and its title in both languages, such as
    /// `2025年3月7日版` (or `japaneseTitle`) and `Version dated March 7, 2025`.
    static func source(date: String, japaneseTitle: String? = nil) -> String {
        let title = Localized(ja: japaneseTitle ?? RevisionDate.japanese(date) + "版", en: "Version dated " + RevisionDate.english(date))
        let pairs: [(Node, Node)] = [
            (Node("date"), Item.textNode(date)),
            (Node("title"), .mapping(.init([(Node("ja"), Item.textNode(title.ja)), (Node("en"), Item.textNode(title.en))]))),
            (Node("draft"), Node("true", Tag(.bool))),
        ]
        return (try? Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)) ?? ""
    }

    /// Parses `revision.yml` and checks that its date is a real day equal to the folder's name.
    static func parse(_ file: SourceFile, folderName: String) -> Result<RevisionMetadata, DiagnosticsError> {
        YAMLDocument.parse(file).flatMap { document in
            metadata(in: document, folderName: folderName).map { metadata in
                var metadata = metadata
                metadata.warnings += tables(in: metadata.notes, document: document, text: file.text)
                return metadata
            }
        }
    }

    /// A warning at each pipe table in the notes, at its header row in the file: the pages show its pipes as written.
    static func tables(in notes: Localized<String>, document: YAMLDocument, text: String) -> [Diagnostic] {
        guard notes.ja.contains("|") || notes.en.contains("|"), case let .mapping(mapping)? = document.value("notes")?.value else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            guard let language = key.string.flatMap(Language.init(rawValue:)) else { continue }
            var from = document.location(of: value.mark).line - 1
            for found in Markdown.unsupported(notes[language]) where found.kind == .table {
                // The header row as written in the file, at or after where the notes' value starts.
                let line = lines.indices.dropFirst(max(from, 0)).first { Markdown.blockText(lines[$0]).hasSuffix(found.text) }
                if let line { from = line + 1 }
                let column = line.map { lines[$0].unicodeScalars.prefix { $0 == " " || $0 == "\t" || $0 == ">" }.count + 1 } ?? 1
                problems.append(Diagnostic(file: document.file, line: line.map { $0 + 1 } ?? document.location(of: value.mark).line, column: column, severity: .warning,
                                           message: "the \(language.rawValue) notes hold a table: tables are not supported; the text shows as written, with its pipes",
                                           hint: "use a list instead, one `- ` line per row"))
            }
        }
        return problems
    }

    /// The metadata a parsed `revision.yml` states, checked against the folder's name.
    static func metadata(in document: YAMLDocument, folderName: String) -> Result<RevisionMetadata, DiagnosticsError> {
        var problems: [Diagnostic] = []
        document.unknownKeys(known: knownKeys, into: &problems)
        let date = document.text("date", what: "the revision's date as YYYY-MM-DD", into: &problems)
        if let date {
            if !RevisionDate.isValid(date) {
                problems.append(document.diagnostic(at: document.value("date")?.value.mark, "'\(date)' is not a date of the form YYYY-MM-DD",
                                                    hint: "write the publication date, for example `date: 2025-03-07`"))
            } else if date != folderName {
                problems.append(document.diagnostic(at: document.value("date")?.value.mark, "the date \(date) differs from the folder's name \(folderName)",
                                                    hint: "the folder of a revision is named after its date; rename one of them"))
            }
        }
        let title = document.localizedText("title", what: "the revision's title, for example 2025年3月7日版 / Version dated March 7, 2025", required: true, into: &problems)
        let notes = document.localizedText("notes", what: "what changed in this revision", required: false, into: &problems)
        var draft = false
        if let (keyMark, node) = document.value("draft") {
            switch node.string {
            case "true": draft = true
            case "false": draft = false
            default:
                problems.append(document.diagnostic(at: node.mark ?? keyMark, "'draft' must be true or false",
                                                    hint: "write `draft: true` for a revision not yet published; `checksheet publish` removes the line"))
            }
        }
        guard problems.isEmpty, let date, let title, let notes else { return .failure(DiagnosticsError(problems)) }
        var metadata = RevisionMetadata(date: date, title: title, notes: notes, draft: draft)
        // As in answers: the pages render the notes' Markdown safely and leave their HTML out without a word.
        if case let .mapping(mapping)? = document.value("notes")?.value {
            for (key, value) in mapping {
                guard let language = key.string.flatMap(Language.init(rawValue:)), notes[language].utf8.contains(UInt8(ascii: "<")),
                      let found = Markdown.rawHTML(notes[language]).first(where: { !$0.isClosingTag }) else { continue }
                metadata.warnings.append(document.diagnostic(at: value.mark, "the \(language.rawValue) notes hold raw HTML, '\(found.html)', which the pages leave out",
                                                             hint: "write Markdown instead: **bold**, *emphasis*, [text](../rto/index.html) for a link to an item",
                                                             severity: .warning))
            }
        }
        return .success(metadata)
    }
}
