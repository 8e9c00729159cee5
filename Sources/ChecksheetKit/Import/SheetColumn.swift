import Foundation

/// A column of the exported sheet, recognised by its header name in Japanese or English, wherever it stands.
public enum SheetColumn: String, Sendable, CaseIterable, Hashable {
    case no, section, category, item, definition, unit, answer

    /// The sheet's own header, used in messages.
    public var japanese: String {
        switch self {
        case .no: return "No."
        case .section: return "区分"
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
        case .section: return ["区分", "Section"]
        case .category: return ["種別", "Category"]
        case .item: return ["サービスレベル項目", "項目", "Item", "Service level item"]
        case .definition: return ["規定内容", "Definition"]
        case .unit: return ["測定単位", "単位", "Unit", "Unit of measure"]
        case .answer: return ["設定等", "設定", "回答", "Answer", "Settings"]
        }
    }

    /// Every column but 区分 must be present in the header row; without 区分, section header rows name the sections.
    public static let required: [SheetColumn] = [.no, .category, .item, .definition, .unit, .answer]

    /// Columns of the site's own Japanese download (`ja/downloads/checksheet-DATE.csv`, `.xlsx`) that the import has
    /// no field for: read past without a warning, so that a download imports as the revision it was made from.
    public static let japaneseDownloadOnly = ["版の日付", "固定URL", "注記"].map(normalized)
    /// Columns that only the site's English download has: such a sheet is refused, since its cells are English.
    public static let englishDownloadOnly = ["Provider's response", "Version date", "Permanent URL"].map(normalized)

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
