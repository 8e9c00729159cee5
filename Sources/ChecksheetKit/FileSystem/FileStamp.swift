#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `OutputStamps` records of a file or folder: inode, size, modification and change times, as `stat` gave them.
/// Held as numbers, compared as numbers: a rebuild compares thousands of them, and formatting each `stat` as text
/// to compare it with the recorded text cost more than the `stat`.
struct FileStamp: Hashable, Sendable {
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    /// The change time, which no one can set: a file rewritten in place to the same size, its modification time put
    /// back (`touch -r`, `cp -p` over it, `rsync -t` updating in place), still differs in it.
    var changeSeconds: Int
    var changeNanoseconds: Int

    init(inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int, changeSeconds: Int, changeNanoseconds: Int) {
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.changeSeconds = changeSeconds
        self.changeNanoseconds = changeNanoseconds
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size), seconds: modified.tv_sec, nanoseconds: modified.tv_nsec,
                  changeSeconds: changed.tv_sec, changeNanoseconds: changed.tv_nsec)
    }

    /// `inode-size-seconds.nanoseconds-seconds.nanoseconds`, the change time written `=` when it is the modification
    /// time, as a write leaves a file (the stamps of a site stay a sixth smaller).
    func write(into bytes: inout [UInt8]) {
        bytes += "\(inode)-\(size)-\(seconds).\(nanoseconds)-".utf8
        if changeSeconds == seconds && changeNanoseconds == nanoseconds {
            bytes.append(UInt8(ascii: "="))
        } else {
            bytes += "\(changeSeconds).\(changeNanoseconds)".utf8
        }
    }

    /// The stamp as `write(into:)` writes it.
    var text: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The stamp `write(into:)` wrote in `bytes`; nil for anything else. Times before 1970 are written with a sign but
    /// not read back: such a file is read and hashed rather than trusted, as a file without a stamp is.
    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var position = bytes.startIndex
        func number(endingWith end: UInt8?) -> UInt64? {
            var value: UInt64 = 0, count = 0
            while position != bytes.endIndex, bytes[position] != end {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let (tens, over) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = tens.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !over, !carry else { return nil }
                value = sum
                count += 1
                position = bytes.index(after: position)
            }
            guard count > 0, end == nil ? position == bytes.endIndex : position != bytes.endIndex else { return nil }
            if end != nil { position = bytes.index(after: position) }
            return value
        }
        guard let inode = number(endingWith: UInt8(ascii: "-")), let size = number(endingWith: UInt8(ascii: "-")),
              let seconds = number(endingWith: UInt8(ascii: ".")), let nanoseconds = number(endingWith: UInt8(ascii: "-")),
              size <= UInt64(Int64.max), seconds <= UInt64(Int.max), nanoseconds <= UInt64(Int.max) else { return nil }
        var changeSeconds = Int(seconds), changeNanoseconds = Int(nanoseconds)
        if position != bytes.endIndex, bytes[position] == UInt8(ascii: "="), bytes.index(after: position) == bytes.endIndex {
            position = bytes.endIndex
        } else {
            guard let changed = number(endingWith: UInt8(ascii: ".")), let changedNanoseconds = number(endingWith: nil),
                  changed <= UInt64(Int.max), changedNanoseconds <= UInt64(Int.max) else { return nil }
            changeSeconds = Int(changed)
            changeNanoseconds = Int(changedNanoseconds)
        }
        self.init(inode: inode, size: Int64(size), seconds: Int(seconds), nanoseconds: Int(nanoseconds), changeSeconds: changeSeconds,
                  changeNanoseconds: changeNanoseconds)
    }
}
