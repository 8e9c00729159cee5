import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the trans-units of an XLIFF 1.2 file: the unit's own `source` and `target` (not those of an `alt-trans`).
final class XLIFFReader: NSObject, XMLParserDelegate {
    var units: [TranslatedFile.Unit] = []
    var isXLIFF = false
    /// The revision the first `file` names (`product-version`, which the export writes).
    var revision: String?
    /// The first place the file is not well-formed XML, and why in words; the parse stops there.
    var malformed: (line: Int, column: Int, reason: String)?
    /// The file's lines, to find where a tag starts: the parser says where it ends.
    private let lines: [[Unicode.Scalar]]
    private var unit: (id: String, line: Int, column: Int, source: String, target: String, state: String?, approved: String?, targetStart: TagStart?)?
    /// The open elements, outermost first, each with where its start tag begins.
    private var path: [(name: String, start: TagStart)] = []
    private var rootClosed = false
    private var capturing: String?
    private var text = ""

    /// The `state` values of XLIFF 1.2 that say the target is a translation: the rest (`new`, `needs-translation`,
    /// `needs-review-translation`, the `needs-*-l10n` and `-adaptation` ones, `x-…`) say it is not done.
    static let translatedStates: Set<String> = ["translated", "final", "signed-off"]

    /// Why a filled target does not count as translated, or nil when it does.
    ///
    /// `approved="yes"` on the trans-unit is the reviewer's word and counts whatever the state says. Otherwise a
    /// target in a translated state counts; a target with no `state` counts too (XLIFF 1.2 makes the attribute
    /// optional, and many tools write a finished translation as a bare `<target>`), unless its trans-unit says
    /// `approved="no"`. The import refuses a unit whose Japanese changed since the export, so a bare target cannot
    /// land on other Japanese than it translates.
    static func notTranslated(state: String?, approved: String?) -> String? {
        if approved == "yes" { return nil }
        if let state { return translatedStates.contains(state) ? nil : "its target's state is '\(state)'" }
        return approved == "no" ? "its target has no state and its trans-unit says approved=\"no\"" : nil
    }

    /// Where a start tag begins, 1-based, columns in Unicode scalars as the diagnostics count them.
    struct TagStart {
        var line: Int
        var column: Int
    }

    /// A reader of `text`, the file as the parser reads it (its lines locate tags).
    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// Where the start tag `<name` begins that the parser, at `line`:`column` (libxml2's place: at the tag's `>` or `/>`),
    /// has just read: the last `<name` before that place, on that line or, for a tag whose attributes span lines, above.
    func start(of name: String, line: Int, column: Int) -> TagStart {
        let tag = Array(("<" + name).unicodeScalars)
        var current = line
        var end = column
        while current >= 1, current <= lines.count, current > line - 50 {
            let scalars = lines[current - 1]
            var index = min(end, scalars.count) - tag.count
            while index >= 0 {
                if scalars[index..<index + tag.count].elementsEqual(tag) {
                    let next = index + tag.count
                    if next == scalars.count || [" ", "\t", "\r", ">", "/"].contains(scalars[next]) { return TagStart(line: current, column: index + 1) }
                }
                index -= 1
            }
            current -= 1
            end = Int.max
        }
        return TagStart(line: max(line, 1), column: max(column, 1))
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard malformed == nil else { return }
        if name == "xliff", attributes["version"] == "1.2" { isXLIFF = true }
        if name == "file", revision == nil, let version = attributes["product-version"], !version.isEmpty { revision = version }
        let start = start(of: qualifiedName ?? name, line: parser.lineNumber, column: parser.columnNumber)
        path.append((name, start))
        if name == "trans-unit" {
            unit = (attributes["id"] ?? "", start.line, start.column, "", "", nil, attributes["approved"], nil)
        } else if unit != nil, path.count >= 2, path[path.count - 2].name == "trans-unit", name == "source" || name == "target" {
            capturing = name
            text = ""
            if name == "target" {
                unit?.state = attributes["state"]
                unit?.targetStart = start
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing != nil, malformed == nil { text += string }
    }

    /// CAT tools write text holding `<` or `&` as CDATA: it is text like any other, not something to drop.
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if capturing != nil, malformed == nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard malformed == nil else { return }
        if let field = capturing, name == field, path.count >= 2, path[path.count - 2].name == "trans-unit" {
            if field == "source" { unit?.source = text } else { unit?.target = text }
            capturing = nil
        }
        if name == "trans-unit", let unit {
            // A CR can only come as `&#13;` (XML reads a line break in the text as LF): the pages hold LF alone.
            let target = TranslatedFile.lineFeeds(unit.target).trimmed
            var held: TranslatedFile.Unit.HeldBack?
            if let start = unit.targetStart, !target.isEmpty, let reason = Self.notTranslated(state: unit.state, approved: unit.approved) {
                held = .init(reason: reason, line: start.line, column: start.column)
            }
            units.append(.init(id: unit.id, line: unit.line, column: unit.column, source: TranslatedFile.lineFeeds(unit.source),
                               target: unit.targetStart != nil && !target.isEmpty && held == nil ? target : nil, heldBack: held))
            self.unit = nil
        }
        path.removeLast()
        if path.isEmpty { rootClosed = true }
    }

    /// Foundation on Linux lets libxml2 recover from errors and `parse()` still answers true: the first error is kept
    /// here and the parse stops, so that a broken file is refused, not read in part.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard malformed == nil else { return }
        malformed = (max(parser.lineNumber, 1), max(parser.columnNumber, 1), reason(code: (parseError as NSError).code))
        parser.abortParsing()
    }

    /// The problem in words, by libxml2's error number (`xmlParserErrors`), which Foundation on Linux passes on as
    /// the error's code; the open elements say what is left unclosed.
    func reason(code: Int) -> String {
        let open = path.last.map { "<\($0.name)> of line \($0.start.line)" }
        switch (code, open) {
        case let (5, open?): return "the file ends inside \(open), before its end tag: it looks cut off"
        case (5, nil) where rootClosed: return "there is more after the end of the document's last element"
        case (5, nil): return "the file ends before its document does: it looks cut off"
        case let (76, open?): return "this end tag comes while \(open) is still open: an end tag is missing or misspelt"
        case (76, nil): return "this end tag closes no open element"
        case (26, _): return "an entity XML does not define (XML knows only &amp; &lt; &gt; &quot; &apos; and &#…; numbers)"
        case (68, _): return "a '<' or '&' that is text must be written &lt; or &amp;"
        case (9, _): return "a character XML does not allow: a control character, or a byte not in the encoding the file declares"
        case (38, _): return "a '<' inside an attribute's value: is the attribute's closing quote missing?"
        case (73, _): return "a tag is not closed with '>'"
        default: return "the XML parser stops here"
        }
    }
}
