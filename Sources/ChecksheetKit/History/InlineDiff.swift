/// The difference between two texts as runs of kept, deleted and inserted text, for `<del>`/`<ins>` markup.
///
/// Texts are compared line by line first, then the changed lines in smaller units: Japanese by character, except
/// that a number (`1.2`, `27001`, `1,000`) or a run of Latin letters (`TLS`) is one unit; English word by word (a word
/// takes the spaces before it). The minimal difference is then cleaned up for a reader, as diff-match-patch's
/// semantic cleanup does: kept text no longer than the changes on both sides of it is folded into them, a change is
/// slid to where it starts and ends at a line break, punctuation or space, and in Japanese widened to whole words (runs
/// of one script), so "72時間" → "30日間" reads `<del>72時間</del><ins>30日間</ins>`, never `<del>72時</del><ins>30日</ins>間`.
/// Changed lines whose changes keep nothing but spaces, or several changes that keep less than a third of the
/// characters, are shown deleted and inserted whole.
public struct InlineDiff: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case equal
        case delete
        case insert
    }

    public struct Segment: Sendable, Equatable {
        public var kind: Kind
        public var text: String
    }

    public var segments: [Segment]

    /// Above this many units on both sides, texts are compared as whole lines only: the cost of
    /// `CollectionDifference` grows with the number of edits (seen: 20k characters, 25% edits, 1.8 s).
    static let unitLimit = 4_000

    public init(segments: [Segment]) { self.segments = segments }

    /// The changes from `old` to `new`, cleaned up for a reader: whole words, numbers and lines.
    public static func compare(_ old: String, _ new: String, language: Language) -> InlineDiff {
        guard old != new else { return InlineDiff(segments: old.isEmpty ? [] : [Segment(kind: .equal, text: old)]) }
        // Japanese is measured in characters, as the limit was: a number as one unit makes no fewer edits to find.
        let byLines = [old, new].allSatisfy { (language == .ja ? $0.count : units($0, language: language).count) > unitLimit }
        var pieces: [Piece] = []
        for var piece in Piece.difference(lines(old), lines(new)) {
            if !byLines, !piece.isKept, !piece.old.isEmpty, !piece.new.isEmpty {
                let oldText = piece.old.joined(), newText = piece.new.joined()
                let inline = cleaned(Piece.difference(units(oldText, language: language), units(newText, language: language)), language: language)
                // One change between kept text reads plainly however little is kept; several, keeping less than a
                // third of the characters, are confetti; keeping only spaces, the lines were replaced: both are shown
                // as whole lines.
                let kept = inline.filter(\.isKept)
                let keptLength = kept.reduce(0) { $0 + length($1.old) }
                if kept.contains(where: { $0.old.contains { $0.contains { !isWhitespace($0) } } }),
                   inline.count(where: { !$0.isKept }) <= 1 || 6 * keptLength >= oldText.count + newText.count {
                    pieces += inline
                    continue
                }
            }
            // Whole lines replaced at the end of a text that has no final line break: the line break before them goes
            // with both sides, so that the old lines and the new ones each start a line instead of running together.
            if !piece.isKept, !piece.old.isEmpty, !piece.new.isEmpty, piece.old.last?.last != "\n",
               let last = pieces.indices.last, pieces[last].isKept, pieces[last].old.last?.last == "\n" {
                pieces[last].old[pieces[last].old.count - 1].removeLast()
                pieces[last].new = pieces[last].old
                piece.old[0] = "\n" + piece.old[0]
                piece.new[0] = "\n" + piece.new[0]
            }
            pieces.append(piece)
        }
        return InlineDiff(segments: segments(pieces))
    }

    /// The lines of `text`, each with its line break.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        lines[lines.count - 1].removeLast()
        if lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines
    }

    /// The units changed lines are compared in: Japanese characters, numbers and Latin words; English words.
    static func units(_ text: String, language: Language) -> [String] {
        switch language {
        case .ja:
            // A number is one unit, so that "1.2" → "1.3" never keeps "1." and "27001" never lends a digit to "27017";
            // a run of Latin letters too, as a word of its own.
            var units: [String] = []
            var start = text.startIndex
            while start < text.endIndex {
                let script = Script(text[start])
                var end = text.index(after: start)
                switch script {
                case .digit:
                    while end < text.endIndex {
                        if Script(text[end]) == .digit {
                            end = text.index(after: end)
                        } else if text[end] == "." || text[end] == ",", text.index(after: end) < text.endIndex, Script(text[text.index(after: end)]) == .digit {
                            end = text.index(end, offsetBy: 2)
                        } else {
                            break
                        }
                    }
                case .latin:
                    while end < text.endIndex, Script(text[end]) == .latin { end = text.index(after: end) }
                default:
                    break
                }
                units.append(String(text[start..<end]))
                start = end
            }
            return units
        case .en:
            // Words with the spaces before them: "Yes. TLS 1.2" is "Yes.", " TLS", " 1.2". A word's own spaces lead it,
            // so that words added at the end of a line ("over" → "over to the standby system") leave the last one
            // as it was, where a trailing space or line break made it another word.
            // Words are cut out of the text whole; ASCII, nearly all of it, is tested without Unicode's tables.
            var words: [String] = []
            var start = text.startIndex
            var previousIsSpace = true
            var index = text.startIndex
            while index < text.endIndex {
                let isSpace = isWhitespace(text[index])
                if isSpace && !previousIsSpace && index > start {
                    words.append(String(text[start..<index]))
                    start = index
                }
                previousIsSpace = isSpace
                index = text.index(after: index)
            }
            if start < text.endIndex { words.append(String(text[start...])) }
            return words
        }
    }

    /// `Character.isWhitespace`, answered for ASCII (tab to carriage return, space, and CR LF) without a table lookup.
    static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return (0x09...0x0D).contains(ascii) || ascii == 0x20
    }

    /// The writing system of a character, whose changes end Japanese words.
    enum Script: Equatable {
        case digit, latin, kanji, hiragana, katakana, other

        init(_ character: Character) {
            switch character.unicodeScalars.first!.value {
            case 0x30...0x39, 0xFF10...0xFF19: self = .digit
            case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: self = .latin
            case 0x3041...0x309F: self = .hiragana
            case 0x30FB: self = .other  // ・ separates words
            case 0x30A1...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .katakana
            case 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: self = .kanji
            default: self = .other
            }
        }
    }

    /// A stretch of a comparison: units both texts keep (`old` and `new` alike), or the units the old text has where
    /// the new one has others.
    struct Piece: Equatable {
        var isKept: Bool
        var old: [String]
        var new: [String]

        /// The minimal difference of two runs of units, as alternating kept and changed pieces.
        static func difference(_ old: [String], _ new: [String]) -> [Piece] {
            let difference = new.difference(from: old)
            var removed = Set<Int>(), inserted = Set<Int>()
            for change in difference {
                switch change {
                case let .remove(offset, _, _): removed.insert(offset)
                case let .insert(offset, _, _): inserted.insert(offset)
                }
            }
            var pieces: [Piece] = []
            func piece(kept: Bool) -> Int {
                if pieces.last?.isKept != kept { pieces.append(Piece(isKept: kept, old: [], new: [])) }
                return pieces.count - 1
            }
            var o = 0, n = 0
            while o < old.count || n < new.count {
                if o < old.count, removed.contains(o) {
                    pieces[piece(kept: false)].old.append(old[o]); o += 1
                } else if n < new.count, inserted.contains(n) {
                    pieces[piece(kept: false)].new.append(new[n]); n += 1
                } else {
                    let index = piece(kept: true)
                    pieces[index].old.append(old[o]); pieces[index].new.append(new[n])
                    o += 1; n += 1
                }
            }
            return pieces
        }
    }

    /// The number of characters in `units`.
    static func length(_ units: [String]) -> Int { units.reduce(0) { $0 + $1.count } }

    /// `pieces` cleaned up for a reader, in diff-match-patch's order: short kept runs folded into the changes around
    /// them, common ends of a change given back to the kept text, single insertions and deletions slid to natural
    /// boundaries, then Japanese changes widened to whole words. (Folding again after widening took particles such as
    /// "に" between two widened changes: "<del>72時間以内に</del><ins>30日以内に電子</ins>メール".)
    static func cleaned(_ pieces: [Piece], language: Language) -> [Piece] {
        var pieces = merged(pieces)
        foldShortKeeps(&pieces)
        keepCommonEnds(&pieces)
        slideToBoundaries(&pieces, language: language)
        if language == .ja { widenToWords(&pieces) }
        return pieces
    }

    /// Pieces without empty ones, neighbours of one kind joined.
    static func merged(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        for piece in pieces where !piece.old.isEmpty || !piece.new.isEmpty {
            if let last = result.indices.last, result[last].isKept == piece.isKept {
                result[last].old += piece.old
                result[last].new += piece.new
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// Kept text no longer than the change on either side of it becomes part of both changes: "ISO/IEC 27017**:20**15"
    /// kept two characters of the old year and read as if the rest were new.
    static func foldShortKeeps(_ pieces: inout [Piece]) {
        pieces = merged(pieces)
        var index = 1
        while index + 1 < pieces.count {
            let kept = length(pieces[index].old)
            if pieces[index].isKept,
               kept <= max(length(pieces[index - 1].old), length(pieces[index - 1].new)),
               kept <= max(length(pieces[index + 1].old), length(pieces[index + 1].new)) {
                pieces[index - 1].old += pieces[index].old + pieces[index + 1].old
                pieces[index - 1].new += pieces[index].new + pieces[index + 1].new
                pieces.removeSubrange(index...(index + 1))
                index = max(index - 2, 1)
            } else {
                index += 1
            }
        }
    }

    /// The units a change's old and new sides start or end with alike are kept text again (what folding took in).
    static func keepCommonEnds(_ pieces: inout [Piece]) {
        var result: [Piece] = []
        for var piece in pieces {
            guard !piece.isKept, !piece.old.isEmpty, !piece.new.isEmpty else { result.append(piece); continue }
            let prefix = zip(piece.old, piece.new).prefix { $0 == $1 }.count
            if prefix > 0 {
                result.append(Piece(isKept: true, old: Array(piece.old.prefix(prefix)), new: Array(piece.old.prefix(prefix))))
                piece.old.removeFirst(prefix)
                piece.new.removeFirst(prefix)
            }
            let suffix = zip(piece.old.reversed(), piece.new.reversed()).prefix { $0 == $1 }.count
            let tail = Array(piece.old.suffix(suffix))
            piece.old.removeLast(suffix)
            piece.new.removeLast(suffix)
            result.append(piece)
            result.append(Piece(isKept: true, old: tail, new: tail))
        }
        pieces = merged(result)
    }

    /// A single insertion or deletion between kept text moved, where the text around it allows, to start and end at
    /// the best boundaries (diff-match-patch's lossless cleanup): "有。<ins>\n・</ins>ISMS", not "有<ins>。\n・</ins>。ISMS".
    static func slideToBoundaries(_ pieces: inout [Piece], language: Language) {
        var index = 1
        while index + 1 < pieces.count {
            defer { index += 1 }
            guard !pieces[index].isKept, pieces[index].old.isEmpty != pieces[index].new.isEmpty else { continue }
            var before = pieces[index - 1].old, edit = pieces[index].old.isEmpty ? pieces[index].new : pieces[index].old, after = pieces[index + 1].old
            while let last = before.last, last == edit.last {
                before.removeLast()
                edit.removeLast()
                edit.insert(last, at: 0)
                after.insert(last, at: 0)
            }
            var best = (before, edit, after)
            var bestScore = boundaryScore(before.last, edit.first, language: language) + boundaryScore(edit.last, after.first, language: language)
            while let first = after.first, first == edit.first {
                before.append(first)
                edit.removeFirst()
                edit.append(first)
                after.removeFirst()
                let score = boundaryScore(before.last, edit.first, language: language) + boundaryScore(edit.last, after.first, language: language)
                if score >= bestScore { best = (before, edit, after); bestScore = score }
            }
            pieces[index - 1].old = best.0
            pieces[index - 1].new = best.0
            if pieces[index].old.isEmpty { pieces[index].new = best.1 } else { pieces[index].old = best.1 }
            pieces[index + 1].old = best.2
            pieces[index + 1].new = best.2
        }
        pieces = merged(pieces)
    }

    /// How natural a place between two units is to start or end a change: the text's ends, then line breaks, the end
    /// of a sentence, spaces and punctuation, a change of script, and last the inside of a word.
    static func boundaryScore(_ before: String?, _ after: String?, language: Language) -> Int {
        guard let left = before?.last, let right = after?.first else { return 6 }
        if left == "\n" || right == "\n" { return 4 }
        if "。．.!?！？".contains(left) { return 3 }
        if isWhitespace(left) || isWhitespace(right) { return 2 }
        if language == .en { return 1 }
        let leftScript = Script(left), rightScript = Script(right)
        if leftScript == .other || rightScript == .other { return 2 }
        return leftScript == rightScript ? 0 : 1
    }

    /// Whether a Japanese word may end between two units: at the text's ends, on punctuation and spaces, and where
    /// the script changes (kanji, hiragana, katakana, Latin letters, digits).
    static func isWordBoundary(_ before: String?, _ after: String?) -> Bool {
        guard let left = before?.last, let right = after?.first else { return true }
        let leftScript = Script(left), rightScript = Script(right)
        return leftScript != rightScript || leftScript == .other
    }

    /// Each change widened over the kept text next to it until both its sides start and end on word boundaries:
    /// "72時間" → "30日間" is one change of the word, not "72時" and "30日" before a kept "間".
    static func widenToWords(_ pieces: inout [Piece]) {
        for index in pieces.indices where !pieces[index].isKept {
            // A side with nothing changed ends where the kept text around the change meets.
            let hasBefore = index > 0, hasAfter = index + 1 < pieces.count
            func last(_ side: KeyPath<Piece, [String]>) -> String? {
                pieces[index][keyPath: side].last ?? (hasBefore ? pieces[index - 1][keyPath: side].last : nil)
            }
            func first(_ side: KeyPath<Piece, [String]>) -> String? {
                pieces[index][keyPath: side].first ?? (hasAfter ? pieces[index + 1][keyPath: side].first : nil)
            }
            while hasAfter, let next = pieces[index + 1].old.first, !isWordBoundary(last(\.old), next) || !isWordBoundary(last(\.new), next) {
                pieces[index].old.append(next)
                pieces[index].new.append(next)
                pieces[index + 1].old.removeFirst()
                pieces[index + 1].new.removeFirst()
            }
            while hasBefore, let previous = pieces[index - 1].old.last, !isWordBoundary(previous, first(\.old)) || !isWordBoundary(previous, first(\.new)) {
                pieces[index].old.insert(previous, at: 0)
                pieces[index].new.insert(previous, at: 0)
                pieces[index - 1].old.removeLast()
                pieces[index - 1].new.removeLast()
            }
        }
        pieces = merged(pieces)
    }

    /// Pieces as segments: kept text, then what was deleted before what was inserted.
    static func segments(_ pieces: [Piece]) -> [Segment] {
        var segments: [Segment] = []
        func append(_ kind: Kind, _ units: [String]) {
            let text = units.joined()
            guard !text.isEmpty else { return }
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(kind: kind, text: text))
            }
        }
        for piece in pieces {
            if piece.isKept {
                append(.equal, piece.old)
            } else {
                append(.delete, piece.old)
                append(.insert, piece.new)
            }
        }
        // The spaces both sides of a change start with are kept text, not struck through and inserted again:
        // "TLS <del>1.2</del><ins>1.3</ins>".
        var index = 0
        while index + 1 < segments.count {
            if segments[index].kind == .delete, segments[index + 1].kind == .insert {
                let shared = String(zip(segments[index].text, segments[index + 1].text).prefix { $0 == $1 && $0 != "\n" && isWhitespace($0) }.map(\.0))
                if !shared.isEmpty {
                    segments[index].text.removeFirst(shared.count)
                    segments[index + 1].text.removeFirst(shared.count)
                    if index > 0, segments[index - 1].kind == .equal {
                        segments[index - 1].text += shared
                    } else {
                        segments.insert(Segment(kind: .equal, text: shared), at: index)
                        index += 1
                    }
                }
            }
            index += 1
        }
        segments.removeAll { $0.kind != .equal && $0.text.isEmpty }
        return segments
    }

    /// True when nothing changed.
    public var isEmpty: Bool { segments.allSatisfy { $0.kind == .equal } }

    /// True when the texts differ and no text but spaces is kept: the new text replaces the old one whole.
    public var isReplacement: Bool {
        !isEmpty && !segments.contains { $0.kind == .equal && $0.text.contains { !Self.isWhitespace($0) } }
    }

    /// `<del>` and `<ins>` markup, text escaped; readable without colour (struck through, underlined).
    public var html: String {
        segments.map { segment in
            let text = segment.text.htmlEscaped
            switch segment.kind {
            case .equal: return text
            case .delete: return "<del>\(text)</del>"
            case .insert: return "<ins>\(text)</ins>"
            }
        }.joined()
    }
}
