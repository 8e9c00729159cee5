import Foundation
import ZIPFoundation

/// An XLSX package made from a fixture folder of its parts, kept as text so that a reader of the tests sees what the
/// customer's workbook holds.
public enum FixtureWorkbook {
    /// The folder's files zipped as a workbook: `[Content_Types].xml` first as Excel writes it, the rest by path,
    /// each deflated and dated 2025-01-01, so that the same folder gives the same bytes.
    public static func package(_ folder: String) throws -> Data {
        let parts = FileTree.read(folder)
        let paths = parts.keys.sorted { ($0 == "[Content_Types].xml" ? 0 : 1, $0) < ($1 == "[Content_Types].xml" ? 0 : 1, $1) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in paths {
            let data = parts[path]!
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_735_689_600),
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                 })
        }
        guard let package = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return package
    }

    /// Every part of a package and its bytes, by path, in the package's order.
    public static func parts(_ package: Data) throws -> [(path: String, contents: Data)] {
        let archive = try Archive(data: package, accessMode: .read)
        return try archive.map { entry in
            var contents = Data()
            _ = try archive.extract(entry, skipCRC32: false) { contents.append($0) }
            return (entry.path, contents)
        }
    }
}
