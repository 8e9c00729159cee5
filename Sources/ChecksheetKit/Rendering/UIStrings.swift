/// The theme's UI strings in one language, as every page's view carries them (`page.t.search`): made into a template
/// value once per language and shared by every page, where each page's view had copied about a hundred strings.
struct UIStrings: Sendable, Equatable, Encodable, ViewValueRepresentable, CustomReflectable {
    let strings: [String: String]
    let viewValue: ViewValue

    init(_ strings: [String: String]) {
        self.strings = strings
        viewValue = .object(strings.mapValues(ViewValue.text))
    }

    /// As the dictionary to `ViewValue(reflecting:)`, the reference the encoder is tested against.
    var customMirror: Mirror { Mirror(reflecting: strings) }

    static func == (a: UIStrings, b: UIStrings) -> Bool { a.strings == b.strings }

    /// As the dictionary it holds, so that the encoder's value is the shared one's.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(strings)
    }
}
