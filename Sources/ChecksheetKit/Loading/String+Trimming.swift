extension StringProtocol {
    /// Without leading and trailing white space and line breaks; native, as Foundation's trimming bridges to NSString.
    /// Trimmed by Unicode scalars: a space carrying a combining mark is not white space as a whole.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}

extension String {
    /// Without a leading byte-order mark, which some editors on Windows write and which is no part of the text.
    func droppingByteOrderMark() -> String {
        hasPrefix("\u{FEFF}") ? String(dropFirst()) : self
    }
}
