import Foundation

/// RFC 4180 text: fields with a comma, a quote or a line break are quoted, quotes doubled; CRLF between records.
public enum CSV {
    public static func data(_ records: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for record in records {
            text += record.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func field(_ value: String) -> String {
        // Line breaks inside a cell become CRLF too, as Excel writes them.
        let normalized = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        guard normalized.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) else { return normalized }
        return "\"" + normalized.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
