/// The sheet of one revision and language as CSV, Excel and JSON, and the JSON's schema.
struct DownloadLinks: Encodable {
    var csv: String
    var xlsx: String
    var json: String
    var schema: String
}
