/// One item's own page (`item.mustache`).
struct ItemView {
    struct Neighbour {
        var href: String
        var no: Int
        var item: String
    }

    var page: PageView
    var no: Int
    var slug: String
    var item: String
    var section: String
    var category: String
    var definition: String
    var unit: String
    var answerHTML: String
    var headers: [String: String]
    var sheetHref: String
    var rowHref: String
    var previous: Neighbour?
    var next: Neighbour?
    var otherLanguageItem: String
    var revisionTitle: String
    var revisionDate: String
}
