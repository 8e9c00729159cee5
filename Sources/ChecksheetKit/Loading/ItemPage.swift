import Foundation

/// An item page parsed from its file, with where each field stands for later cross-file checks.
public struct ItemPage: Sendable, Equatable {
    public var file: String
    public var language: Language
    public var item: Item
    /// 1-based line and column of each front-matter key, and of the answer's first line.
    public var positions: [Field: Position]

    /// A place in a file.
    public struct Position: Sendable, Equatable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// Where this page is and where each of its fields stands, kept once the item is part of a revision.
    public var source: ItemSource { ItemSource(file: file, positions: positions) }

    /// A diagnostic pointing at `field` in this page.
    func diagnostic(at field: Field, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
        source.diagnostic(at: field, message, hint: hint, severity: severity)
    }

    /// Parses one item page. Pure: the text is given, nothing is read.
    public static func parse(_ text: String, file: String, language: Language) -> Result<ItemPage, DiagnosticsError> {
        let normalized = (text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text).droppingByteOrderMark()
        let frontMatter: FrontMatter
        switch FrontMatter.split(normalized, file: file) {
        case let .success(value): frontMatter = value
        case let .failure(error): return .failure(error)
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(frontMatter.yaml, file: file, lineOffset: frontMatter.yamlLineOffset, emptyMeans: "the front matter is empty") {
        case let .success(value): document = value
        case let .failure(error): return .failure(error)
        }

        // An invisible character in a section or category makes it differ from site.yml's name it looks like.
        // Most pages hold no byte a format character starts with, and are passed over without splitting their lines.
        var problems = mayHoldFormatCharacters(normalized)
            ? invisibleCharacters(inFrontMatter: frontMatter, file: file).filter { $0.severity == .error } : []
        document.unknownKeys(known: Field.frontMatterKeys.map(\.rawValue) + ["keywords"], into: &problems)
        var positions: [Field: Position] = [:]
        for pair in document.pairs {
            if let field = Field(rawValue: pair.key) {
                let place = document.location(of: pair.keyMark)
                positions[field] = Position(line: place.line, column: place.column)
            }
        }

        let no = document.text("no", what: "the item's number in the sheet (1, 2, …)", into: &problems)
        var number: Int?
        if let no {
            if let value = Int(no), value > 0, no.allSatisfy(\.isASCII) {
                number = value
            } else {
                problems.append(document.diagnostic(at: document.value("no")?.value.mark, "'no' must be a whole number from 1, found '\(no)'", hint: "write the item's place in the sheet, for example `no: 12`"))
            }
        }
        let slug = document.text("slug", what: "the item's permanent URL name, for example `service-hours`", into: &problems)
        if let slug, !isSlug(slug) {
            problems.append(document.diagnostic(at: document.value("slug")?.value.mark, "slug '\(slug)' is not a URL name",
                                                hint: "use lower-case ASCII letters, digits and single hyphens, for example `encryption-in-transit`; a slug never changes once published"))
        }
        let section = document.text("section", what: "the part of the sheet, as listed in site.yml", into: &problems)
        let category = document.text("category", what: "the item's category (種別), as listed in site.yml", into: &problems)
        let name = document.text("item", what: "the item's name (サービスレベル項目)", into: &problems)
        let definition = document.text("definition", what: "what the item asks (規定内容)", into: &problems)
        let unit = document.text("unit", what: "the unit of measure (測定単位)", into: &problems)
        let keywords = document.textList("keywords", what: "customers' words for what the item answers", into: &problems)

        let answer = frontMatter.body.trimmed
        let firstLine = firstWrittenLine(frontMatter.body)
        let answerLine = frontMatter.bodyLine + firstLine
        // The answer is trimmed: it starts after the blanks its first written line begins with.
        let written = frontMatter.body.split(separator: "\n", maxSplits: firstLine + 1, omittingEmptySubsequences: false)
        let indent = written.indices.contains(firstLine) ? written[firstLine].unicodeScalars.prefix { SearchText.isSpace($0.value) }.count : 0
        positions[.answer] = Position(line: answerLine, column: 1 + indent)
        if answer.isEmpty {
            problems.append(Diagnostic(file: file, line: frontMatter.bodyLine - 1, column: 1, message: "the answer is empty",
                                       hint: "write the provider's answer (設定等) below the closing `---` line"))
        }

        guard problems.isEmpty, let number, let slug, let section, let category, let name, let definition, let unit else {
            return .failure(DiagnosticsError(problems))
        }
        let item = Item(no: number, slug: slug, section: section, category: category, item: name, definition: definition, unit: unit, answer: answer, keywords: keywords)
        return .success(ItemPage(file: file, language: language, item: item, positions: positions))
    }
}

extension ItemPage {
    /// Keys whose values must match a name of site.yml: an invisible character there breaks the match.
    static let matchedKeys: Set<String> = ["section", "category"]

    /// Each invisible character (a Unicode format character: U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER,
    /// U+2060 WORD JOINER, U+FEFF inside text, a soft hyphen, direction marks…) in the front matter's values, at its
    /// line and column: pasted from a web page or a chat, it makes two values that look the same differ. An error in a
    /// section or category, a warning elsewhere. Pure; the page's text as given.
    public static func invisibleCharacters(in text: String, file: String) -> [Diagnostic] {
        // Run for every page of every revision on every build: most pages hold no byte a format character starts with,
        // and are passed over without splitting them.
        guard mayHoldFormatCharacters(text) else { return [] }
        let normalized = (text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text).droppingByteOrderMark()
        guard case let .success(frontMatter) = FrontMatter.split(normalized, file: file) else { return [] }
        return invisibleCharacters(inFrontMatter: frontMatter, file: file)
    }

    /// False when no character of the text's front matter (up to its closing `---`, or the first 4 kB) can be a
    /// format character, by the UTF-8 bytes they start with: U+00AD (C2 AD); U+200B–U+200F, U+202A–U+202E and
    /// U+2060–U+206F (E2 80 8B–8F, E2 80 AA–AE, E2 81 A0–AF); U+FEFF and U+FFF9–U+FFFB (EF BB BF, EF BF B9–BB); and,
    /// taken as possible, any character of U+0600–U+1FFF and above U+FFFF, which Japanese front matter does not use.
    static func mayHoldFormatCharacters(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let end = min(bytes.count, 4096)
            func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
            var index = 3
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "-"), at(index - 1) == UInt8(ascii: "\n"), at(index + 1) == UInt8(ascii: "-"), at(index + 2) == UInt8(ascii: "-") {
                    return false
                }
                switch byte {
                case 0xC2 where at(index + 1) == 0xAD: return true
                case 0xD8...0xDF, 0xE0, 0xE1, 0xF0...0xF4: return true
                case 0xE2 where at(index + 1) == 0x80 && ((0x8B...0x8F).contains(at(index + 2)) || (0xAA...0xAE).contains(at(index + 2))): return true
                case 0xE2 where at(index + 1) == 0x81 && (0xA0...0xAF).contains(at(index + 2)): return true
                case 0xEF where (at(index + 1) == 0xBB && at(index + 2) == 0xBF) || (at(index + 1) == 0xBF && (0xB9...0xBB).contains(at(index + 2))): return true
                default: break
                }
                index += 1
            }
            return true
        } ?? true
    }

    static func invisibleCharacters(inFrontMatter frontMatter: FrontMatter, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var key = ""
        for (offset, line) in frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            // A comment is no value; readers never see it.
            if scalars.first(where: { $0 != " " && $0 != "\t" }) == "#" { continue }
            // A key starts a line; the lines after it (a list, a folded value) belong to it.
            var valueStart = 0
            if let first = scalars.first, first != " ", first != "\t", let colon = scalars.firstIndex(of: ":") {
                key = String(String.UnicodeScalarView(scalars[..<colon]))
                valueStart = colon + 1
            }
            for index in scalars.indices.dropFirst(valueStart) where scalars[index].value >= 0xAD && scalars[index].properties.generalCategory == .format {
                let scalar = scalars[index]
                let code = String(scalar.value, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + " " + (scalar.properties.name ?? "FORMAT CHARACTER")
                let matched = Self.matchedKeys.contains(key)
                problems.append(Diagnostic(file: file, line: frontMatter.yamlLineOffset + offset + 1, column: index + 1, severity: matched ? .error : .warning,
                                           message: "'\(key)' holds an invisible character, \(name) at column \(index + 1)",
                                           hint: matched ? "delete it: with it the \(key) is not the one of site.yml it looks like"
                                                         : "delete it: readers do not see it, but search, downloads and copied text keep it"))
            }
        }
        return problems
    }
}

/// The 0-based number of the first line of `body` that is not blank, 0 when every line is. Lines are found by
/// their `\n` bytes (after CRLF became LF a line feed is a Character of its own), and only the lines up to the
/// first written one are looked at.
func firstWrittenLine(_ body: String) -> Int {
    let bytes = body.utf8
    var start = bytes.startIndex
    var number = 0
    while true {
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        if !body[start..<end].allSatisfy(\.isWhitespace) { return number }
        guard end < bytes.endIndex else { return 0 }
        start = bytes.index(after: end)
        number += 1
    }
}

/// Lower-case ASCII letters and digits in runs joined by single hyphens (`encryption-in-transit`).
func isSlug(_ text: String) -> Bool {
    var previousWasHyphen = true
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasHyphen = false
        case UInt8(ascii: "-") where !previousWasHyphen: previousWasHyphen = true
        default: return false
        }
    }
    return !previousWasHyphen
}
