/// Characters that one Shift_JIS byte pair becomes under the two tables in use: JIS X 0208's (Shift_JIS as most
/// converters read it) and Microsoft's CP932 (as Excel writes and reads it). The same workbook saved as UTF-8 and as
/// Shift_JIS, or read by different tools, differs only by these: `9:00〜18:00` (U+301C) against `9:00～18:00` (U+FF5E).
///
/// Each pair is one character of the sheet, so each counts as the same character when a cell is compared with the
/// earlier revision's text; the earlier text is then kept, and the import makes no change of it. A cell with no
/// earlier text keeps what the file says.
public enum ShiftJISVariants {
    /// The JIS character and the CP932 character of each byte pair: 0x8160 wave dash, 0x817C minus, 0x8161 double
    /// vertical line, 0x8191 cent, 0x8192 pound, 0x81CA not sign, 0x815C dash.
    public static let pairs: [(jis: Unicode.Scalar, cp932: Unicode.Scalar)] = [
        ("\u{301C}", "\u{FF5E}"), ("\u{2212}", "\u{FF0D}"), ("\u{2016}", "\u{2225}"),
        ("\u{00A2}", "\u{FFE0}"), ("\u{00A3}", "\u{FFE1}"), ("\u{00AC}", "\u{FFE2}"), ("\u{2014}", "\u{2015}"),
    ]

    private static let toJIS: [Unicode.Scalar: Unicode.Scalar] = Dictionary(uniqueKeysWithValues: pairs.map { ($0.cp932, $0.jis) })

    /// The text with every CP932 character of a pair written as its JIS one.
    public static func folded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { toJIS[$0] != nil }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(toJIS[scalar] ?? scalar) }
        return String(scalars)
    }

    /// Whether two texts differ only by the pairs' characters (or not at all).
    public static func same(_ a: String, _ b: String) -> Bool {
        a == b || (a.unicodeScalars.count == b.unicodeScalars.count && folded(a) == folded(b))
    }
}
