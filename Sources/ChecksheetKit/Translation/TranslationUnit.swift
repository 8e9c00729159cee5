/// One English field to write: the current Japanese, and what the field said before, for the translator.
public struct TranslationUnit: Sendable, Equatable {
    public var slug: String
    public var field: Field
    /// The item's number and Japanese name, as context.
    public var no: Int
    public var itemName: String
    /// The Japanese as it stands now: what to translate.
    public var source: String
    /// The Japanese before it changed; empty for an item that is new.
    public var previousSource: String
    /// The English of the Japanese before the change; empty when there was none.
    public var previousTarget: String
    /// The translation, when a file brought one back.
    public var target: String?
    /// True for an answer whose Japanese is Markdown (a list, a link…): its source is Markdown and so is its English.
    /// Every other unit is plain text, sent and taken back as readers see it.
    public var isMarkdown: Bool

    /// Stable across exports: `slug/field`, such as `rto/answer`.
    public var id: String { "\(slug)/\(field.rawValue)" }

    public init(slug: String, field: Field, no: Int, itemName: String, source: String, previousSource: String = "", previousTarget: String = "", target: String? = nil,
                isMarkdown: Bool = false) {
        self.slug = slug
        self.field = field
        self.no = no
        self.itemName = itemName
        self.source = source
        self.previousSource = previousSource
        self.previousTarget = previousTarget
        self.target = target
        self.isMarkdown = isMarkdown
    }

    /// The parts of an id, or nil when it does not name a translated field.
    public static func parse(id: String) -> (slug: String, field: Field)? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let field = Field(rawValue: String(parts[1])), SheetHistory.translatedFields.contains(field) else { return nil }
        return (String(parts[0]), field)
    }
}
