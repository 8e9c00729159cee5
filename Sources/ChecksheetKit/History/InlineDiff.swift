/// The difference between two texts as runs of kept, deleted and inserted text, for `<del>`/`<ins>` markup.
///
/// Japanese is compared character by character, English word by word (a word takes the spaces before it), so a
/// changed digit shows as one character and a changed English word as one word.
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

    /// Above this many units on both sides, runs are compared as whole lines first: the cost of
    /// `CollectionDifference` grows with the number of edits (seen: 20k characters, 25% edits, 1.8 s).
    static let unitLimit = 4_000

    public init(segments: [Segment]) { self.segments = segments }

    public static func compare(_ old: String, _ new: String, language: Language) -> InlineDiff {
        let oldUnits = units(old, language: language), newUnits = units(new, language: language)
        if oldUnits.count > unitLimit && newUnits.count > unitLimit {
            let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
            let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
            return InlineDiff(segments: diff(oldLines, newLines))
        }
        return InlineDiff(segments: diff(oldUnits, newUnits))
    }

    static func units(_ text: String, language: Language) -> [String] {
        switch language {
        case .ja:
            return text.map(String.init)
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

    static func diff(_ old: [String], _ new: [String]) -> [Segment] {
        let difference = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var segments: [Segment] = []
        func append(_ kind: Kind, _ text: String) {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(kind: kind, text: text))
            }
        }
        var o = 0, n = 0
        while o < old.count || n < new.count {
            if o < old.count, removed.contains(o) {
                append(.delete, old[o]); o += 1
            } else if n < new.count, inserted.contains(n) {
                append(.insert, new[n]); n += 1
            } else {
                if o < old.count { append(.equal, old[o]) }
                o += 1; n += 1
            }
        }
        // Deletions read before insertions at the same place: "<del>3</del><ins>5</ins>". The spaces both start with
        // are kept text, not struck through and inserted again: "TLS <del>1.2</del><ins>1.3</ins>".
        var index = 0
        while index + 1 < segments.count {
            if segments[index].kind == .delete, segments[index + 1].kind == .insert {
                let shared = String(zip(segments[index].text, segments[index + 1].text).prefix { $0 == $1 && isWhitespace($0) }.map(\.0))
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
