extension StringProtocol {
    /// Without leading and trailing white space and line breaks; native, as Foundation's trimming bridges to NSString.
    /// Trimmed by Unicode scalars: a space carrying a combining mark is not white space as a whole.
    var trimmed: String {
        // White_Space is the list `SearchText.isSpace` holds; looking a scalar up in it is cheaper than its properties.
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !SearchText.isSpace($0.value) }),
              let last = scalars.lastIndex(where: { !SearchText.isSpace($0.value) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
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
