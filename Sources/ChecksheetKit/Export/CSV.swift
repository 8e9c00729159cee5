import Foundation

/// RFC 4180 text: fields with a comma, a quote or a line break are quoted, quotes doubled; CRLF between records.
/// `keepingLineBreaks` writes a line break inside a cell as the cell holds it (a questionnaire's cells go back as the
/// customer's file had them), instead of as CRLF.
/// A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'`: Excel would take it as a
/// formula (a phone number `+81-3-…` became a sum, `=HYPERLINK(…)` a live link), and the `'` makes it text. A file
/// the tool wrote that comes back (the translators' CSV) has it taken off again (`withoutFormulaGuard`).
public enum CSV {
    public static func data(_ records: [[String]], keepingLineBreaks: Bool = false) -> Data {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes.reserveCapacity(records.reduce(16) { total, record in record.reduce(total + 2 + record.count) { $0 + $1.utf8.count } })
        for record in records {
            for (index, value) in record.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(value, to: &bytes, keepingLineBreaks: keepingLineBreaks)
            }
            bytes += [0x0D, 0x0A]
        }
        return Data(bytes)
    }

    /// Appends one field. Most cells hold no comma, quote or line break and are copied as they are; the others
    /// take `field`, which compares Characters (a comma carrying a combining mark is not a comma there).
    static func append(_ value: String, to bytes: inout [UInt8], keepingLineBreaks: Bool = false) {
        let value = startsLikeAFormula(value) ? "'" + value : value
        let plain = value.utf8.allSatisfy { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") && $0 != 0x0A && $0 != 0x0D }
        if plain { bytes += value.utf8 } else { bytes += field(value, keepingLineBreaks: keepingLineBreaks).utf8 }
    }

    static func field(_ value: String, keepingLineBreaks: Bool = false) -> String {
        // Line breaks inside a cell become CRLF too, as Excel writes them; a lone CR is one as well, as the
        // questionnaire page's script writes it, so that the two give the same file.
        let normalized = keepingLineBreaks ? value : value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        guard normalized.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) else { return normalized }
        return "\"" + normalized.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell of a CSV the tool wrote, as it was before `append` made it text: the `'` before what Excel would read as
    /// a formula is taken off. A `'` before anything else is the cell's own.
    public static func withoutFormulaGuard(_ value: String) -> String {
        guard value.utf8.first == UInt8(ascii: "'") else { return value }
        let rest = String(value.utf8.dropFirst())!
        return startsLikeAFormula(rest) ? rest : value
    }

    /// Whether Excel would read a cell that begins so as a formula (OWASP's list for CSV injection).
    static func startsLikeAFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    }
}
