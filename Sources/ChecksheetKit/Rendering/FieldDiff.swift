/// A changed field with its inline diff.
struct FieldDiff: Encodable {
    var name: String
    var diffHTML: String
    var pendingNote: String?
}
