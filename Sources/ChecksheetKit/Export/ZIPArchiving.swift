import Foundation
import ZIPFoundation

/// The workbooks' ZIP archives, made one at a time in the process: ZIPFoundation turns each entry's date into the
/// ZIP's date-time fields with `gmtime`, which returns a static buffer, so two archives made on two threads at once
/// (a build makes every revision's downloads on all cores) could take each other's dates and differ between builds.
enum ZIPArchiving {
    private static let lock = NSLock()

    /// The parts, deflated, each dated `date`: the same parts give the same bytes.
    static func archive(_ parts: [(path: String, text: String)], date: Date) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                                 })
        }
        return archive.data ?? Data()
    }
}
