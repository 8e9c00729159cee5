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
    private var unit: (id: String, line: Int, source: String, target: String, state: String?, approved: String?, targetLine: Int?)?
    private var path: [String] = []
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

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "xliff", attributes["version"] == "1.2" { isXLIFF = true }
        if name == "file", revision == nil, let version = attributes["product-version"], !version.isEmpty { revision = version }
        path.append(name)
        if name == "trans-unit" {
            unit = (attributes["id"] ?? "", parser.lineNumber, "", "", nil, attributes["approved"], nil)
        } else if unit != nil, path.count >= 2, path[path.count - 2] == "trans-unit", name == "source" || name == "target" {
            capturing = name
            text = ""
            if name == "target" {
                unit?.state = attributes["state"]
                unit?.targetLine = parser.lineNumber
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing != nil { text += string }
    }

    /// CAT tools write text holding `<` or `&` as CDATA: it is text like any other, not something to drop.
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if capturing != nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let field = capturing, name == field, path.count >= 2, path[path.count - 2] == "trans-unit" {
            if field == "source" { unit?.source = text } else { unit?.target = text }
            capturing = nil
        }
        if name == "trans-unit", let unit {
            // A CR can only come as `&#13;` (XML reads a line break in the text as LF): the pages hold LF alone.
            let target = TranslatedFile.lineFeeds(unit.target).trimmed
            var held: TranslatedFile.Unit.HeldBack?
            if let line = unit.targetLine, !target.isEmpty, let reason = Self.notTranslated(state: unit.state, approved: unit.approved) {
                held = .init(reason: reason, line: line)
            }
            units.append(.init(id: unit.id, line: unit.line, source: TranslatedFile.lineFeeds(unit.source),
                               target: unit.targetLine != nil && !target.isEmpty && held == nil ? target : nil, heldBack: held))
            self.unit = nil
        }
        path.removeLast()
    }
}
