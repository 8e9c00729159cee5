import Foundation

extension TranslationRequest {
    /// XLIFF 1.2 (strict schema): one `trans-unit` per field, the Japanese as `source`, the context as a
    /// `context-group` and a `note`, and the field before the change as an `alt-trans` that CAT tools offer as a match.
    public func xliff(original: String) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">"#,
            #"  <file original="\#(Self.escaped(original))" source-language="ja" target-language="en" datatype="plaintext" product-version="\#(date)">"#,
            "    <body>",
        ]
        for unit in units {
            lines.append(#"      <trans-unit id="\#(Self.escaped(unit.id))" resname="\#(Self.escaped(unit.id))" xml:space="preserve">"#)
            lines.append("        <source xml:lang=\"ja\">\(Self.escaped(unit.source))</source>")
            if let target = unit.target { lines.append("        <target xml:lang=\"en\" state=\"translated\">\(Self.escaped(target))</target>") }
            // Context-group names are unique in a file (the schema says so): each unit's group is named after it.
            lines.append(#"        <context-group name="\#(Self.escaped(unit.id))" purpose="information">"#)
            lines.append("          <context context-type=\"x-item-number\">\(unit.no)</context>")
            lines.append("          <context context-type=\"x-item-name\">\(Self.escaped(unit.itemName))</context>")
            lines.append("          <context context-type=\"x-field\">\(unit.field.rawValue)</context>")
            lines.append("          <context context-type=\"x-previous-source\">\(Self.escaped(unit.previousSource))</context>")
            lines.append("          <context context-type=\"x-previous-target\">\(Self.escaped(unit.previousTarget))</context>")
            lines.append("        </context-group>")
            lines.append("        <note from=\"checksheet\">\(Self.escaped(Self.note(unit)))</note>")
            if !unit.previousSource.isEmpty, !unit.previousTarget.isEmpty {
                lines.append(#"        <alt-trans origin="previous revision">"#)
                lines.append("          <source xml:lang=\"ja\">\(Self.escaped(unit.previousSource))</source>")
                lines.append("          <target xml:lang=\"en\">\(Self.escaped(unit.previousTarget))</target>")
                lines.append("        </alt-trans>")
            }
            lines.append("      </trans-unit>")
        }
        lines += ["    </body>", "  </file>", "</xliff>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a translator reads beside the unit: `No. 10 平均復旧時間（MTTR）: answer (Markdown); changed since the previous revision`.
    /// Only a Markdown answer says so; plain text is published exactly as written.
    static func note(_ unit: TranslationUnit) -> String {
        let format = unit.isMarkdown ? " (Markdown)" : ""
        // English with no previous Japanese is pending within its revision: only a hash says what it translated.
        let state = unit.previousTarget.isEmpty ? (unit.previousSource.isEmpty ? "new item" : "no English yet") : "the Japanese changed; the previous English needs updating"
        return "No. \(unit.no) \(unit.itemName): \(unit.field.rawValue)\(format); \(state)"
    }

    /// Text for XML content and attributes: the five predefined entities, and line breaks kept in attributes.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            // XML 1.0 cannot carry other control characters at all; they have no place in the sheet's text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
