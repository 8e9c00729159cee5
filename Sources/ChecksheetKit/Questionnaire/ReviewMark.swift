import Foundation

/// A workbook's styles (`xl/styles.xml`) with a fill that marks the answers a person is to review, the customer's own
/// styles untouched.
///
/// A cell's look is its `s`, an index into `<cellXfs>`. A marked cell takes a copy of its own format with the mark's
/// fill: the fill is appended to `<fills>` and each copy to `<cellXfs>`, so every index the workbook already uses keeps
/// its meaning and its other cells look as they did. Answering the answered workbook again finds the mark's fill and
/// its copies and reuses them, and gives a cell whose answer is no longer to review the format it was copied from.
struct ReviewMark {
    /// The mark: a solid light red, as Excel's own "Bad" and "Check" cell styles draw attention.
    static let color = "FFFFC7CE"

    private let bytes: [UInt8]
    private let prefix: String
    private let fills: (open: FilledWorksheet.Tag, close: FilledWorksheet.Tag, count: Int)
    private let formatsTags: (open: FilledWorksheet.Tag, close: FilledWorksheet.Tag)
    /// The index of the mark's fill in `<fills>`, which is appended when `hasFill` is false.
    private let fillID: Int
    private let hasFill: Bool
    /// `<cellXfs>`' formats as written, then the copies this mark adds.
    private var formats: [String]
    private let formatsCount: Int

    /// The styles part read, or nil when it has no `<fills>` or `<cellXfs>` to add to (the answers are then not marked).
    init?(styles: Data) {
        bytes = [UInt8](styles)
        guard let tags = try? FilledWorksheet.tags(bytes),
              let fillsOpen = tags.first(where: { $0.name == "fills" && !$0.isClosing && !$0.isSelfClosing }),
              let fillsClose = tags.first(where: { $0.name == "fills" && $0.isClosing }),
              let formatsOpen = tags.first(where: { $0.name == "cellXfs" && !$0.isClosing && !$0.isSelfClosing }),
              let formatsClose = tags.first(where: { $0.name == "cellXfs" && $0.isClosing }) else { return nil }
        prefix = fillsOpen.prefix
        let source = bytes
        /// The elements called `name` between two tags, each as written.
        func elements(_ name: String, from open: FilledWorksheet.Tag, to close: FilledWorksheet.Tag) -> [String] {
            var found: [String] = []
            var start: Int?
            var depth = 0
            for tag in tags where tag.range.lowerBound >= open.range.upperBound && tag.range.upperBound <= close.range.lowerBound && tag.name == name {
                if tag.isSelfClosing {
                    if depth == 0 { found.append(String(decoding: source[tag.range], as: UTF8.self)) }
                } else if !tag.isClosing {
                    if depth == 0 { start = tag.range.lowerBound }
                    depth += 1
                } else {
                    depth -= 1
                    if depth == 0, let first = start { found.append(String(decoding: source[first..<tag.range.upperBound], as: UTF8.self)) }
                }
            }
            return found
        }
        let fillElements = elements("fill", from: fillsOpen, to: fillsClose)
        fills = (fillsOpen, fillsClose, fillElements.count)
        formatsTags = (formatsOpen, formatsClose)
        let mark = Self.fillXML(prefix)
        hasFill = fillElements.contains(mark)
        fillID = fillElements.firstIndex(of: mark) ?? fillElements.count
        formats = elements("xf", from: formatsOpen, to: formatsClose)
        formatsCount = formats.count
    }

    private static func fillXML(_ prefix: String) -> String {
        "<\(prefix)fill><\(prefix)patternFill patternType=\"solid\"><\(prefix)fgColor rgb=\"\(color)\"/><\(prefix)bgColor indexed=\"64\"/></\(prefix)patternFill></\(prefix)fill>"
    }

    /// A format's attributes and the rest of its element after its start tag.
    private static func parts(_ format: String) -> (tag: FilledWorksheet.Tag, rest: String)? {
        let bytes = [UInt8](format.utf8)
        guard let tag = (try? FilledWorksheet.tags(bytes))?.first else { return nil }
        return (tag, String(decoding: bytes[tag.range.upperBound...], as: UTF8.self))
    }

    /// The format with the mark's fill.
    private func copy(_ format: String) -> String? {
        guard let (tag, rest) = Self.parts(format) else { return nil }
        var attributes = tag.attributes
        for (name, value) in [("fillId", String(fillID)), ("applyFill", "1")] {
            if let index = attributes.firstIndex(where: { $0.name == name }) { attributes[index].value = value } else { attributes.append((name, value)) }
        }
        return "<\(tag.prefix)xf" + attributes.map { " \($0.name)=\"\($0.value)\"" }.joined() + (tag.isSelfClosing ? "/>" : ">") + rest
    }

    private func isMarked(_ style: Int) -> Bool {
        style < formats.count && Self.parts(formats[style])?.tag.attribute("fillId") == String(fillID)
    }

    /// The index of the style `style` with the mark's fill, added when the workbook has none yet.
    mutating func marked(_ style: Int) -> Int {
        guard style < formats.count, !isMarked(style), let copy = copy(formats[style]) else { return style }
        if let existing = formats.firstIndex(of: copy) { return existing }
        formats.append(copy)
        return formats.count - 1
    }

    /// The style a marked style was copied from; any other style as it is.
    func unmarked(_ style: Int) -> Int {
        guard isMarked(style) else { return style }
        return formats.indices.first { $0 != style && !isMarked($0) && copy(formats[$0]) == formats[style] } ?? style
    }

    /// The styles part with the mark's fill and formats added; the same bytes when nothing was marked.
    var styles: Data {
        guard formats.count > formatsCount else { return Data(bytes) }
        var edits: [(range: Range<Int>, text: String)] = []
        func counted(_ tag: FilledWorksheet.Tag, _ count: Int) -> String {
            let text = String(decoding: bytes[tag.range], as: UTF8.self)
            guard let old = tag.attribute("count") else { return text }
            return text.replacingOccurrences(of: "count=\"\(old)\"", with: "count=\"\(count)\"")
        }
        if !hasFill {
            edits.append((fills.open.range, counted(fills.open, fills.count + 1)))
            edits.append((fills.close.range.lowerBound..<fills.close.range.lowerBound, Self.fillXML(prefix)))
        }
        edits.append((formatsTags.open.range, counted(formatsTags.open, formats.count)))
        edits.append((formatsTags.close.range.lowerBound..<formatsTags.close.range.lowerBound, formats[formatsCount...].joined()))
        var output = [UInt8]()
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            output += bytes[position..<edit.range.lowerBound]
            output += Array(edit.text.utf8)
            position = edit.range.upperBound
        }
        output += bytes[position...]
        return Data(output)
    }
}
