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
    private var unit: (id: String, line: Int, source: String, target: String, state: String?, hasTarget: Bool)?
    private var path: [String] = []
    private var capturing: String?
    private var text = ""

    static let translatedStates: Set<String> = ["translated", "final", "signed-off"]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "xliff", attributes["version"] == "1.2" { isXLIFF = true }
        if name == "file", revision == nil, let version = attributes["product-version"], !version.isEmpty { revision = version }
        path.append(name)
        if name == "trans-unit" {
            unit = (attributes["id"] ?? "", parser.lineNumber, "", "", nil, false)
        } else if unit != nil, path.count >= 2, path[path.count - 2] == "trans-unit", name == "source" || name == "target" {
            capturing = name
            text = ""
            if name == "target" {
                unit?.state = attributes["state"]
                unit?.hasTarget = true
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
            let target = unit.target.trimmed
            let accepted = unit.hasTarget && !target.isEmpty && unit.state.map(Self.translatedStates.contains) == true
            units.append(.init(id: unit.id, line: unit.line, source: unit.source, target: accepted ? target : nil))
            self.unit = nil
        }
        path.removeLast()
    }
}
