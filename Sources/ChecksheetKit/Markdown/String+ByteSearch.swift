#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the text's UTF-8 holds `ascii` byte for byte. Foundation's `contains(_:)` on strings goes through
    /// `CFStringFind` with a bridged copy: on every page of every revision, on every build, that was a few percent of
    /// a preview rebuild. For the ASCII markers checked here (`<`, `![`, `{`, a line break) the two agree, since no
    /// combining mark can start with an ASCII byte.
    func holdsBytes(_ ascii: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            ascii.withUTF8Buffer { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}

extension String {
    /// Whether the two texts are the same bytes: equal texts found without the Unicode normalization `==` does on
    /// anything but ASCII. Texts that differ only in normalization are not the same bytes (`==` still finds them equal).
    func sameBytes(as other: String) -> Bool {
        var mine = self, theirs = other
        return mine.withUTF8 { a in
            theirs.withUTF8 { b in
                guard a.count == b.count else { return false }
                guard let first = a.baseAddress, let second = b.baseAddress, first != second else { return true }
                return memcmp(first, second, a.count) == 0
            }
        }
    }

    /// Whether the text comes before `other` in the order of their UTF-8 bytes, compared in place: the order of paths
    /// in files a build writes, the same from run to run, where `<` compares by Unicode rules and the generic
    /// comparison of two `UTF8View`s steps through them byte by byte.
    func precedesInBytes(_ other: String) -> Bool {
        var mine = self, theirs = other
        return mine.withUTF8 { a in
            theirs.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
