/// The sheet of one revision and language as CSV, Excel and JSON, and the JSON's schema.
struct DownloadLinks: Encodable {
    var csv: String
    var xlsx: String
    var json: String
    var schema: String
}

extension DownloadLinks: ViewValueRepresentable {
    var viewValue: ViewValue {
        var object = ViewFields(capacity: 4)
        object.add("csv", self.csv)
        object.add("xlsx", self.xlsx)
        object.add("json", self.json)
        object.add("schema", self.schema)
        return object.value
    }
}
