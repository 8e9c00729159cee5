/// One item of the check sheet in one language, as its page states it.
public struct Item: Sendable, Equatable, Hashable {
    /// Its place in the sheet, 1-based; may change between revisions.
    public var no: Int
    /// Its identity across revisions and languages; never changes.
    public var slug: String
    public var section: String
    public var category: String
    /// The item's name (サービスレベル項目).
    public var item: String
    public var definition: String
    public var unit: String
    /// The provider's answer as Markdown source.
    public var answer: String
    /// Customers' words for what the item answers (front matter `keywords`), for search only.
    public var keywords: [String]

    public init(no: Int, slug: String, section: String, category: String, item: String, definition: String, unit: String, answer: String,
                keywords: [String] = []) {
        self.no = no
        self.slug = slug
        self.section = section
        self.category = category
        self.item = item
        self.definition = definition
        self.unit = unit
        self.answer = answer
        self.keywords = keywords
    }

    /// The value of a field as text (the answer as its Markdown source).
    public func value(of field: Field) -> String {
        switch field {
        case .no: return String(no)
        case .slug: return slug
        case .section: return section
        case .category: return category
        case .item: return item
        case .definition: return definition
        case .unit: return unit
        case .answer: return answer
        }
    }
}

extension Item {
    /// These fields as `other` has them (the written ones: item, definition, unit, answer; others are left).
    mutating func take(_ fields: [Field], from other: Item) {
        for field in fields {
            switch field {
            case .item: item = other.item
            case .definition: definition = other.definition
            case .unit: unit = other.unit
            case .answer: answer = other.answer
            case .no, .slug, .section, .category: continue
            }
        }
    }
}
