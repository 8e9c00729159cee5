import Foundation

/// A column of the exported sheet, recognised by its header name in Japanese or English, wherever it stands.
public enum SheetColumn: String, Sendable, CaseIterable, Hashable {
    case no, category, item, definition, unit, answer

    /// The sheet's own header, used in messages.
    public var japanese: String {
        switch self {
        case .no: return "No."
        case .category: return "種別"
        case .item: return "サービスレベル項目"
        case .definition: return "規定内容"
        case .unit: return "測定単位"
        case .answer: return "設定等"
        }
    }

    /// Header names accepted for the column, compared after NFKC, lower-casing and removing spaces and a final `.`/`:`.
    public var names: [String] {
        switch self {
        case .no: return ["No.", "No", "番号", "項番", "Number"]
        case .category: return ["種別", "Category"]
        case .item: return ["サービスレベル項目", "項目", "Item", "Service level item"]
        case .definition: return ["規定内容", "Definition"]
        case .unit: return ["測定単位", "単位", "Unit", "Unit of measure"]
        case .answer: return ["設定等", "設定", "回答", "Answer", "Settings"]
        }
    }

    /// Every column must be present in the header row.
    public static let required: [SheetColumn] = allCases

    private static let byName: [String: SheetColumn] = {
        var names: [String: SheetColumn] = [:]
        for column in allCases { for name in column.names { names[normalized(name)] = column } }
        return names
    }()

    /// The column a header cell names, or nil.
    public init?(header: String) {
        guard let column = Self.byName[Self.normalized(header)] else { return nil }
        self = column
    }

    static func normalized(_ header: String) -> String {
        var text = header.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace }
        while let last = text.last, last == "." || last == ":" { text.removeLast() }
        return text
    }
}
