extension SearchText {
    /// Words a reader puts before an item's number, after NFKC and lower case (`Ｎｏ．` and `№` are `no.` and `no`).
    /// A word that starts another comes after it (`item no` before `item`, `number` before `no`), so the longer is taken.
    static let numberPrefixes = ["item number", "item no", "item #", "item", "number", "no", "#", "項目番号", "項番", "番号", "項目", "第"]
    /// What may stand between such a word and the number: `No. 47`, `No.47`, `項番：47`.
    static let numberSeparators: Set<Unicode.Scalar> = [" ", ".", ":"]
    /// Words after the number: `47番`, `第47項`.
    static let numberSuffixes: Set<Unicode.Scalar> = ["番", "項"]

    /// The item number a query is as a whole (`47`, `No. 47`, `#47`, `item 47`, `項番47`, `47番`, `Ｎｏ．４７`, and the
    /// `47.` results print), or nil for any other query: a number inside a longer text (`backup 30 days`) is text.
    /// Read scalar by scalar, as `itemNumber` in search.js reads code points.
    public static func itemNumber(_ query: String) -> Int? {
        var scalars = Array(collapsed(normalize(query)).unicodeScalars)
        if let prefix = numberPrefixes.first(where: { scalars.starts(with: $0.unicodeScalars) }) {
            scalars.removeFirst(prefix.unicodeScalars.count)
            while let first = scalars.first, numberSeparators.contains(first) { scalars.removeFirst() }
        }
        if scalars.last == "." { scalars.removeLast() }
        if let last = scalars.last, numberSuffixes.contains(last) { scalars.removeLast() }
        if scalars.last == " " { scalars.removeLast() }
        // Six digits at most, so that a long figure neither overflows nor loses digits in JavaScript's numbers.
        guard (1...6).contains(scalars.count), scalars.allSatisfy({ isDigit($0.value) }) else { return nil }
        return Int(String(String.UnicodeScalarView(scalars)))
    }
}
