import Foundation

/// The content's item pages as the last build read them, each with the stamp it had then (`SourceStamps`): a build
/// reads only the pages whose stamp changed since and takes the others' texts from here, one cache file read instead
/// of thousands of pages opened. Only a page that had stood unchanged long enough before that build's walk, on a file
/// system that stamps every change, is kept: an edit after it always gives the page another stamp.
public struct SourceTexts: Sendable {
    var pages: [String: (stamp: FileStamp, text: String)] = [:]

    /// The text the page at `path` had when it had `stamp`, if a build read it so.
    func text(at path: String, stamp: FileStamp) -> String? {
        guard let known = pages[path], known.stamp == stamp else { return nil }
        return known.text
    }

    /// The pages of `content` whose stamp the walk taken before reading it found settled (`SourceStamps.settledFiles`).
    public init(_ content: ContentSource, walked: SourceStamps) {
        for revision in content.revisions {
            for pages in revision.pages.values {
                for page in pages {
                    if let stamp = walked.settledFiles[page.path] { self.pages[page.path] = (stamp, page.text) }
                }
            }
        }
    }

    init(pages: [String: (stamp: FileStamp, text: String)]) {
        self.pages = pages
    }

    /// Whether these hold the same pages with the same stamps as `other`: then there is nothing new to keep.
    public func same(as other: SourceTexts?) -> Bool {
        guard let other, other.pages.count == pages.count else { return false }
        return pages.allSatisfy { path, page in other.pages[path]?.stamp == page.stamp }
    }

    /// The format's first bytes; a file that does not start with them is not read.
    static let magic = Array("checksheet-source-texts 3\n".utf8)

    /// Each distinct text once (`TextTable`: a history of 2,058 pages holds some 300), then each page's path, stamp and
    /// the place of its text.
    func encoded() -> Data {
        var table = TextTable(), list = ByteWriter()
        for (path, page) in pages {
            list.string(path)
            for number in [Int(bitPattern: UInt(page.stamp.inode)), Int(page.stamp.size), page.stamp.seconds, page.stamp.nanoseconds,
                           page.stamp.changeSeconds, page.stamp.changeNanoseconds] {
                list.integer(number)
            }
            list.integer(table.place(of: page.text))
        }
        var writer = ByteWriter()
        writer.bytes += Self.magic
        table.write(into: &writer)
        writer.integer(pages.count)
        writer.bytes += list.bytes
        return Data(writer.bytes)
    }

    /// The pages the bytes hold; nil for bytes of another format, or cut short.
    static func decode(_ data: Data) -> SourceTexts? {
        var reader = ByteReader(bytes: [UInt8](data))
        // Each page takes at least 64 bytes: a count beyond what is left is a damaged file, not an allocation.
        guard reader.take(magic.count) == magic, let texts = TextTable.read(&reader), let count = reader.integer(), count >= 0,
              count <= (reader.end - reader.offset) / 64 else { return nil }
        var pages: [String: (stamp: FileStamp, text: String)] = [:]
        pages.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = reader.string(), let inode = reader.integer(), let size = reader.integer(), let seconds = reader.integer(),
                  let nanoseconds = reader.integer(), let changeSeconds = reader.integer(), let changeNanoseconds = reader.integer(),
                  let place = reader.integer(), texts.indices.contains(place) else { return nil }
            pages[path] = (FileStamp(inode: UInt64(UInt(bitPattern: inode)), size: Int64(size), seconds: seconds, nanoseconds: nanoseconds,
                                     changeSeconds: changeSeconds, changeNanoseconds: changeNanoseconds), texts[place])
        }
        guard reader.atEnd, pages.count == count else { return nil }
        return SourceTexts(pages: pages)
    }
}
