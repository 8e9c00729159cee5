import Foundation
import Yams

extension TranslationRecords {
    /// The file's opening comment: people meet it in the revision's folder and in diffs.
    static let header = """
        # Written by `checksheet translations import`: for each English field it wrote (slug/field), a hash of the
        # Japanese it translated (ja) and of the English it wrote (en). While the English stays as written, a change
        # of that Japanese makes the field pending translation. Not edited by hand.

        """

    /// The text of `translations.yml`: the comment, then the records sorted by `slug/field`.
    public var source: String {
        let pairs = records.keys.sorted().map { key in
            (Node(key), Node.mapping(.init([(Node("ja"), Item.textNode(records[key]!.japanese)), (Node("en"), Item.textNode(records[key]!.english))])))
        }
        return Self.header + ((try? Yams.serialize(node: .mapping(.init(pairs)), width: -1, allowUnicode: true)) ?? "")
    }

    /// Reads `translations.yml` of a revision whose Japanese items have `slugs`: its records and its problems (records
    /// of items or fields the revision does not have are warnings; anything not as the import writes it is an error,
    /// and then no record is taken).
    static func parse(_ file: SourceFile, slugs: Set<String>) -> (records: TranslationRecords, problems: [Diagnostic]) {
        // A file of comments alone holds no record.
        let meaningful = file.text.droppingByteOrderMark().split(separator: "\n").contains { !$0.trimmed.isEmpty && !$0.trimmed.hasPrefix("#") }
        guard meaningful else { return (TranslationRecords(), []) }
        let document: YAMLDocument
        switch YAMLDocument.parse(file) {
        case let .success(value): document = value
        case let .failure(error): return (TranslationRecords(), error.diagnostics.map(Self.explained))
        }
        let fields = SheetHistory.translatedFields.map(\.rawValue)
        var records: [String: Record] = [:]
        var problems: [Diagnostic] = []
        for pair in document.pairs {
            let parts = pair.key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard case let .mapping(mapping) = pair.value, mapping.count == 2,
                  let japanese = mapping["ja"]?.string, let english = mapping["en"]?.string,
                  [japanese, english].allSatisfy(Self.isHash) else {
                problems.append(Self.explained(document.diagnostic(at: pair.value.mark ?? pair.keyMark,
                                                                   "the record of '\(pair.key)' is not `ja:` and `en:`, each a hash of sixteen hexadecimal digits")))
                continue
            }
            guard parts.count == 2, slugs.contains(parts[0]), fields.contains(parts[1]) else {
                let what = parts.count == 2 && fields.contains(parts[1]) ? "the revision has no item '\(parts[0])'" : "it is not `slug/field` of a translated field"
                problems.append(document.diagnostic(at: pair.keyMark, "the translation record '\(pair.key)' is not used: \(what)",
                                                    hint: "the next `checksheet translations import` into this revision drops it; or delete its lines",
                                                    severity: .warning))
                continue
            }
            records[pair.key] = Record(japanese: japanese, english: english)
        }
        if problems.hasErrors { return (TranslationRecords(), problems) }
        return (TranslationRecords(records), problems)
    }

    /// A hash as the import writes it.
    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// An error with the way out: the file is the import's, so writing it again is the fix.
    static func explained(_ problem: Diagnostic) -> Diagnostic {
        var problem = problem
        problem.hint = "this file is written by `checksheet translations import`: undo the hand edit, or delete the file "
            + "(or the record) and import the revision's translations again"
        return problem
    }
}
