/// A changed field with its inline diff.
struct FieldDiff: Encodable {
    var name: String
    var diffHTML: String
    var pendingNote: String?
}

extension FieldDiff: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 3)
        object.add("name", self.name)
        object.add("diffHTML", self.diffHTML)
        object.add("pendingNote", self.pendingNote)
        return object.value
    }
}
