/// The whole sheet as one table (`sheet.mustache`), grouped as the original is.
struct SheetView {
    struct Row {
        var no: Int
        var slug: String
        var item: String
        var href: String
        var definition: String
        var unit: String
        var answerHTML: String
    }

    struct CategoryGroup {
        var name: String
        /// False where the category repeats its section's name (サポート under サポート).
        var showName: Bool
        var rows: [Row]
    }

    struct SectionGroup {
        var name: String
        var id: String
        var categories: [CategoryGroup]
    }

    var page: PageView
    var revisionTitle: String
    var revisionDate: String
    var itemCount: Int
    var headers: [String: String]
    var sections: [SectionGroup]
}
