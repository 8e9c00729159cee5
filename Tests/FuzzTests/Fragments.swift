import Foundation
import PropertyBased
import Testing

/// Text made of pieces that mean something to one of the readers under test: YAML (quotes, indicators, implicit
/// types), front matter (`---`), Markdown and HTML, TSV/CSV (tabs, commas, quotes, CR), Unicode (BOM, line and
/// paragraph separators, NEL, combining marks, half-width kana, surrogate-free astral characters), and the
/// search tokenizer (kana, ー, digits with `.` and `:`); or single scalars from many blocks.
enum Fragments {
    static let risky: [String] = [
        "", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "---", "...", "--- ", "\n---\n", ":", ": ", " :", "#", " #",
        "'", "\"", "''", "\\", "\\n", "\\u2028", "{", "}", "[", "]", ",", "&a", "*a", "!", "!!str", "!!binary", "|", "|-",
        ">", "-", "- ", "? ", "%YAML 1.1", "@", "`", "<<", "no", "yes", "No", "on", "off", "true", "~", "null", "1.10",
        "0123", "0x1F", "1e3", ".inf", ".nan", "2025-03-07", "2025-02-30", "12:30:00", "no:", "slug:", "item: x",
        "answer:", "section:", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{85}", "\u{A0}", "\u{200B}", "\u{3000}", "\u{0}",
        "\u{7}", "\u{1B}", "\u{7F}", "\u{301}", "e\u{301}", "\u{FFFD}", "\u{FFFF}", "😀", "👨‍👩‍👧", "🇯🇵", "𠮷",
        "<script>alert(1)</script>", "</script>", "<!--", "-->", "&amp;", "&#x0;", "**", "_", "[x](javascript:alert(1))",
        "    code", "> quote", "1. ", "* ", "\\\\", "\"\"", "\"a\tb\"", "a,b", "\"a\"\"b\"", "\t\t\t", ",,,",
        "No.", "No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等", "アプリケーション運用", "可用性", "1", "49", "-1",
        "99999999999999999999", "２", "①", "〜", "～", "－", "ｶﾞ", "ﾊﾟ", "ﾞ", "ｰ", "ー", "サーバー", "あ", "ア", "ゝ", "ヽ",
        "々", "暗号", "復旧", "バックアップ", "TLS1.2", "27001:2023", "1.2.3", "1:", ":2", "RTO", "ẞ", "İ", "ǅ", "Ω",
        "ﬁ", "㍻", "㌔", "Ⅻ", "ǈ", "σ", "ς", "Σ", "ß", "½", "²", "ℌ", "ｱｲｳ", "ＡＢＣ", "ａｂｃ", "１．２",
    ]

    /// Blocks that single scalars are drawn from.
    static let blocks: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x00...0x1F, 0x80...0x24F, 0x300...0x36F, 0x370...0x52F, 0x2000...0x206F, 0x2100...0x218F,
        0x3000...0x30FF, 0x3190...0x33FF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFFFD, 0x1F000...0x1FAFF,
        0x20000...0x2A6DF, 0xE000...0xE0FF, 0x1D400...0x1D7FF,
    ]

    /// The piece numbered `n`: a risky fragment, then single scalars spread over `blocks`.
    static func piece(_ n: Int) -> String {
        if n < risky.count { return risky[n] }
        let m = n - risky.count
        let block = blocks[m % blocks.count]
        let value = block.lowerBound + UInt32(m / blocks.count) % UInt32(block.count)
        return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }

    static let pieces = 0...(risky.count + 40_000)

    /// Strings of up to `count` pieces; shrinking drops pieces and moves them towards the plain ones first.
    static func text(_ count: ClosedRange<Int> = 0...12) -> Generator<String, AnySequence<[Int]>> {
        Gen.int(in: pieces).array(of: count).map { $0.map(piece).joined() }.eraseToAnySequence()
    }

    /// Like `text`, as a value the readers keep whole: trimmed, never empty, not starting or ending with a
    /// character made of white space and a combining mark, nor starting with U+FEFF (the two known losses: see
    /// `FrontMatterFuzzTests`).
    static func value(_ count: ClosedRange<Int> = 1...12) -> Generator<String, AnySequence<[Int]>> {
        text(count).map { text in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let first = trimmed.first, let last = trimmed.last else { return "x" }
            return first.isWhitespace || last.isWhitespace || first == "\u{FEFF}" ? "x" + trimmed + "x" : trimmed
        }
    }
}

/// One edit of a seed text: insert, delete, replace or duplicate at a place, with a piece.
struct Mutation: Sendable, CustomStringConvertible {
    var kind: Int
    var place: Int
    var piece: Int

    static var generator: Generator<Mutation, AnySequence<(Int, Int, Int)>> {
        zip(Gen.int(in: 0...3), Gen.int(in: 0...100_000), Gen.int(in: Fragments.pieces))
            .map { Mutation(kind: $0, place: $1, piece: $2) }.eraseToAnySequence()
    }

    var description: String { "\(["insert", "delete", "replace", "duplicate line"][kind]) at \(place): \(Fragments.piece(piece).debugDescription)" }

    /// `text` with this edit made. Places count Unicode scalars, so an edit may also split a CRLF or a grapheme.
    func apply(to text: String) -> String {
        var scalars = text.unicodeScalars
        let count = scalars.count
        let at = scalars.index(scalars.startIndex, offsetBy: place % (count + 1))
        switch kind {
        case 0:
            scalars.insert(contentsOf: Fragments.piece(piece).unicodeScalars, at: at)
        case 1:
            scalars.removeSubrange(at..<scalars.index(at, offsetBy: min(count - place % (count + 1), piece % 7 + 1)))
        case 2:
            if at < scalars.endIndex { scalars.replaceSubrange(at...at, with: Fragments.piece(piece).unicodeScalars) }
        default:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = place % lines.count
            lines.insert(lines[line], at: piece % (lines.count + 1))
            return lines.joined(separator: "\n")
        }
        return String(scalars)
    }
}

/// The number of cases a property runs: `normal`, or `FUZZ_CASES` from the environment for a longer campaign
/// (`FUZZ_CASES=50000 swift test --filter FuzzTests`). A failure prints the seed that reproduces it.
func cases(_ normal: Int) -> Int {
    ProcessInfo.processInfo.environment["FUZZ_CASES"].flatMap(Int.init) ?? normal
}

/// A minute per property; two hours in a longer campaign (`FUZZ_CASES` set).
let fuzzTimeLimit: TimeLimitTrait.Duration = ProcessInfo.processInfo.environment["FUZZ_CASES"] == nil ? .minutes(5) : .minutes(120)

/// Runs `body` and records an issue when it took longer than `limit`: a reader that slows down on some input
/// is on its way to hanging on a larger one.
func withinTime<T>(_ what: @autoclosure () -> String, limit: Duration = .seconds(2), _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    if elapsed > limit {
        Issue.record("\(what()) took \(elapsed)")
    }
    return result
}
