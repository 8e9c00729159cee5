import Foundation
import Yams

/// A YAML mapping read without YAML 1.1's implicit typing, with positions for diagnostics.
///
/// Every scalar stays a string (`no` stays the key "no", `2025-03-07` stays text, `1.10` keeps its zero);
/// callers convert the few fields that are numbers themselves.
struct YAMLDocument {
    let file: String
    /// Added to libyaml's line numbers: the YAML may start inside a file (front matter).
    let lineOffset: Int
    let pairs: [(key: String, keyMark: Mark?, value: Node)]

    /// Position of a node as a diagnostic location in the file.
    func location(of mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    func diagnostic(at mark: Mark?, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        let place = location(of: mark)
        return Diagnostic(file: file, line: place.line, column: place.column, severity: severity, message: message, hint: hint)
    }

    /// Parses a whole YAML file (`site.yml`, `revision.yml`, `synonyms.yml`, `strings.yml`) as one mapping; a leading
    /// byte-order mark is not part of the YAML.
    static func parse(_ file: SourceFile) -> Result<YAMLDocument, DiagnosticsError> {
        parse(file.text.droppingByteOrderMark(), file: file.path)
    }

    /// Parses `yaml` as one mapping, or returns the diagnostics that say why it is not one.
    static func parse(_ yaml: String, file: String, lineOffset: Int = 0, emptyMeans empty: String = "the file is empty") -> Result<YAMLDocument, DiagnosticsError> {
        let root: Node?
        do {
            // The encoding is given: its default is looked up in the process environment on every call.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            // libyaml trips over such a space a line later, without naming it: the place to fix is the key's.
            let spaces = nonASCIISpacesAfterKeys(in: yaml, file: file, lineOffset: lineOffset)
            return .failure(DiagnosticsError(spaces.isEmpty ? [diagnostic(for: error, file: file, lineOffset: lineOffset)] : spaces))
        } catch {
            return .failure(DiagnosticsError([Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(error)")]))
        }
        guard let root else {
            return .failure(DiagnosticsError([Diagnostic(file: file, line: lineOffset + 1, column: 1, message: empty)]))
        }
        guard case let .mapping(mapping) = root else {
            let place = root.mark.map { ($0.line + lineOffset, $0.column) } ?? (lineOffset + 1, 1)
            return .failure(DiagnosticsError([Diagnostic(
                file: file, line: place.0, column: place.1,
                message: "expected `key: value` lines, found a \(kind(of: root))",
                hint: "write one field per line, for example `slug: service-hours`")]))
        }
        var pairs: [(String, Mark?, Node)] = []
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                let place = key.mark.map { ($0.line + lineOffset, $0.column) } ?? (lineOffset + 1, 1)
                problems.append(Diagnostic(file: file, line: place.0, column: place.1, message: "a key must be plain text"))
                continue
            }
            pairs.append((scalar.string, key.mark, value))
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(YAMLDocument(file: file, lineOffset: lineOffset, pairs: pairs.map { (key: $0.0, keyMark: $0.1, value: $0.2) }))
    }

    /// The value under `key`, if present.
    func value(_ key: String) -> (keyMark: Mark?, value: Node)? {
        pairs.first { $0.key == key }.map { ($0.keyMark, $0.value) }
    }

    /// A text value, or a diagnostic when it is missing, empty or not text.
    func text(_ key: String, what: String, hint: String? = nil, into problems: inout [Diagnostic]) -> String? {
        guard let (keyMark, node) = value(key) else {
            problems.append(diagnostic(at: nil, "missing required field '\(key)'", hint: hint ?? "add a line `\(key): …` with \(what)"))
            return nil
        }
        guard case let .scalar(scalar) = node else {
            problems.append(diagnostic(at: node.mark ?? keyMark, "'\(key)' must be text, found a \(Self.kind(of: node))", hint: "write the value on the same line as the key"))
            return nil
        }
        let value = scalar.string.trimmed
        if value.isEmpty {
            problems.append(diagnostic(at: keyMark, "'\(key)' is empty", hint: hint ?? "give \(what)"))
            return nil
        }
        return value
    }

    /// The `ja` and `en` texts of a mapping value such as `title: {ja: …, en: …}`.
    func localizedText(_ key: String, what: String, required: Bool, into problems: inout [Diagnostic]) -> Localized<String>? {
        guard let (keyMark, node) = value(key) else {
            if required { problems.append(diagnostic(at: nil, "missing required field '\(key)'", hint: "add `\(key):` with `ja:` and `en:` lines below it giving \(what)")) }
            return required ? nil : Localized(ja: "", en: "")
        }
        guard case let .mapping(mapping) = node else {
            problems.append(diagnostic(at: node.mark ?? keyMark, "'\(key)' must have a `ja:` and an `en:` line", hint: "give \(what) in both languages"))
            return nil
        }
        var result = Localized(ja: "", en: "")
        var complete = true
        for (languageKey, value) in mapping {
            guard let language = languageKey.string.flatMap(Language.init(rawValue:)) else {
                problems.append(diagnostic(at: languageKey.mark, "unknown language '\(languageKey.string ?? "?")' in '\(key)'", hint: "use `ja` and `en`"))
                complete = false
                continue
            }
            guard let text = value.string else {
                problems.append(diagnostic(at: value.mark, "'\(key).\(language.rawValue)' must be text"))
                complete = false
                continue
            }
            result[language] = text.trimmed
        }
        if required {
            for language in Language.allCases where result[language].isEmpty {
                problems.append(diagnostic(at: keyMark, "'\(key)' has no \(language == .ja ? "Japanese" : "English") text", hint: "add `\(language.rawValue): …` under '\(key)' giving \(what)"))
                complete = false
            }
        }
        return complete ? result : nil
    }

    /// Warnings or errors for keys that are not in `known`, with a guess at the intended one.
    func unknownKeys(known: [String], into problems: inout [Diagnostic]) {
        for pair in pairs where !known.contains(pair.key) {
            var hint = "the known keys are " + known.map { "'\($0)'" }.joined(separator: ", ")
            if let guess = Self.nearest(to: pair.key, in: known) { hint = "did you mean '\(guess)'? " + hint }
            problems.append(diagnostic(at: pair.keyMark, "unknown key '\(pair.key)'", hint: hint))
        }
    }

    /// The known key a mistyped one most likely meant: the same letters in another case, or a few typing slips away
    /// for its length (a swapped pair counts as one). Short keys get no guess from unrelated short words.
    static func nearest(to key: String, in known: [String]) -> String? {
        let typed = key.lowercased()
        if let same = known.first(where: { $0.lowercased() == typed }) { return same }
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = candidate.lowercased().editDistance(to: typed)
            let allowed = Swift.max(1, Swift.min(candidate.count, typed.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.key
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "nested mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    /// The 1-based column of a tab among the blanks that start `line` of `yaml`, when the error at `column` is in
    /// them or right after them, and the line as it is meant: nested under a line that opens a block (`unit:`), with
    /// two spaces for each tab; else not indented at all (`\tslug: rto` is a key like the others, and two spaces
    /// before it would be the next error).
    static func indentingTab(in yaml: String, line: Int, before column: Int) -> (column: Int, fixed: String)? {
        let lines = yaml.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        let blanks = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }
        guard column <= blanks.count + 1, let tab = blanks.firstIndex(of: "\t") else { return nil }
        let rest = String(String.UnicodeScalarView(text.unicodeScalars[blanks.endIndex...])).trimmed
        let opener = lines[..<(line - 1)].last { !$0.trimmed.isEmpty && !$0.trimmed.hasPrefix("#") }
        let nested = opener.map { $0.trimmed.hasSuffix(":") || $0.trimmed.hasSuffix("|") || $0.trimmed.hasSuffix(">") } ?? false
        let indent = nested ? String(String.UnicodeScalarView(blanks)).replacingOccurrences(of: "\t", with: "  ") : ""
        return (blanks.distance(from: blanks.startIndex, to: tab) + 1, indent + rest)
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            // libyaml says "found character that cannot start any token" where a tab indents a line: say what it is.
            if let tab = indentingTab(in: yaml, line: mark.line, before: mark.column) {
                return Diagnostic(file: file, line: mark.line + lineOffset, column: tab.column,
                                  message: "invalid YAML: a tab indents this line; YAML indents with spaces only",
                                  hint: tab.fixed.hasPrefix(" ") ? "replace the tab with spaces, for example `\(tab.fixed)`" : "remove the tab: `\(tab.fixed)`")
            }
            let hint = "check the quoting and indentation of this line; a value containing `: ` or starting with a quote must be quoted as a whole"
            // An unclosed quote is noticed at the end of the text; the place to fix is where it opened.
            if let context, context.text.contains("quoted scalar") {
                return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                                  message: "invalid YAML: this quoted value is never closed (\(problem) at line \(mark.line + lineOffset))",
                                  hint: "end the value with the same quote it starts with, on the same line")
            }
            let where_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset), column \($0.mark.column))" } ?? ""
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "invalid YAML: \(problem)\(where_)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                              message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                              hint: "each field may appear once; delete one of them")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(problem)", hint: "save the file as UTF-8")
        default:
            return Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(error)")
        }
    }

    /// An error at each space other than an ASCII one (U+3000 from a Japanese input method, a no-break space) right
    /// after a key's colon: YAML reads `unit:　時間` as one plain text, not a key and its value.
    static func nonASCIISpacesAfterKeys(in yaml: String, file: String, lineOffset: Int) -> [Diagnostic] {
        guard yaml.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        var problems: [Diagnostic] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let match = line.prefixMatch(of: /([ \t]*(?:- )?)([^\s:#'"][^:]*?):(\p{Zs})/),
                  let space = match.output.3.unicodeScalars.first, !space.isASCII else { continue }
            let key = String(match.output.2)
            let column = match.output.1.unicodeScalars.count + key.unicodeScalars.count + 2
            let hex = String(space.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let name = space.value == 0x3000 ? "a full-width space" : space.value == 0xA0 ? "a no-break space" : "a non-ASCII space"
            problems.append(Diagnostic(file: file, line: index + 1 + lineOffset, column: column,
                                       message: "\(name) (\(code)) follows '\(key):'; YAML needs an ASCII space",
                                       hint: "replace it with an ordinary space: `\(key): \(line.dropFirst(match.output.0.count).trimmingCharacters(in: .whitespaces))`"))
        }
        return problems
    }
}
