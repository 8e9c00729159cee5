import Foundation

extension SheetTable {
    /// CSV as Japanese Excel opens it correctly: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
    public func csv() -> Data {
        CSV.data([headers] + rows)
    }
}
