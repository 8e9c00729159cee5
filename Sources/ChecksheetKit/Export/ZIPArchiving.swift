import Foundation
import ZIPFoundation

/// The workbooks' ZIP archives, made one at a time in the process: ZIPFoundation turns each entry's date into the
/// ZIP's date-time fields with `gmtime`, which returns a static buffer, so two archives made on two threads at once
/// (a build makes every revision's downloads on all cores) could take each other's dates and differ between builds.
enum ZIPArchiving {
    private static let lock = NSLock()

    /// An entry of an archive: a file's contents, or a folder.
    struct Part {
        var path: String
        var contents: Data
        var isDirectory = false
        var isCompressed = true
        var date: Date
    }

    /// The parts, deflated, each dated `date`: the same parts give the same bytes.
    static func archive(_ parts: [(path: String, text: String)], date: Date) throws -> Data {
        try archive(parts.map { Part(path: $0.path, contents: Data($0.text.utf8), date: date) })
    }

    /// The entries in order, each stored or deflated and dated as it says.
    static func archive(_ parts: [Part]) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = part.contents
            if part.isDirectory {
                try archive.addEntry(with: part.path, type: .directory, uncompressedSize: Int64(0), modificationDate: part.date,
                                     provider: { _, _ in Data() })
                continue
            }
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: part.date,
                                 compressionMethod: part.isCompressed ? .deflate : .none, provider: { position, size in
                                     data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                 })
        }
        return archive.data ?? Data()
    }
}
