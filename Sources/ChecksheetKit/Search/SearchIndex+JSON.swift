import Foundation

extension SearchIndex {
    /// The index format both readers check: Swift (`decode`) and `search.js` refuse any other.
    public static let formatVersion = 4

    /// Compact JSON, written directly: short keys in sorted order, no spaces, integers only, each postings list as
    /// its first entry then the gaps between entries (small numbers, so the bytes per item stay flat as the sheet grows).
    ///
    /// `{"avg":[…],"docs":[[no,slug,item,answer,definition,otherItem,otherAnswer,otherDefinition,[lengths],[keys]],…],"idf":[…],"lang":…,"post":[[first,gap,…],…],"terms":[…],"v":4,"w":[…]}`
    public func json() -> Data {
        var out = JSONText()
        out.raw("{\"avg\":")
        out.integers(averageLengths)
        out.raw(",\"docs\":[")
        for (position, document) in documents.enumerated() {
            if position > 0 { out.raw(",") }
            out.raw("[")
            out.integer(document.no)
            for text in [document.slug, document.item, document.answer, document.definition, document.otherItem, document.otherAnswer, document.otherDefinition] {
                out.raw(",")
                out.string(text)
            }
            out.raw(",")
            out.integers(document.lengths)
            out.raw(",[")
            for (index, key) in document.keys.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(key)
            }
            out.raw("]]")
        }
        out.raw("],\"idf\":")
        out.integers(idf)
        out.raw(",\"lang\":")
        out.string(language.rawValue)
        out.raw(",\"post\":[")
        for (index, list) in postings.enumerated() {
            if index > 0 { out.raw(",") }
            out.integers(zip(list, [0] + list).map { $0 - $1 })
        }
        out.raw("],\"terms\":[")
        for (index, term) in terms.enumerated() {
            if index > 0 { out.raw(",") }
            out.string(term)
        }
        out.raw("],\"v\":\(Self.formatVersion),\"w\":")
        out.integers(Self.weights)
        out.raw("}")
        return Data(out.bytes)
    }

    /// The same data as a script, for pages opened from disk, where browsers refuse `fetch()` of local files.
    /// The JSON escapes U+2028 and U+2029, so it is a valid script as it is.
    public func script(json: Data? = nil) -> Data {
        Data("window.checksheetSearchIndex=window.checksheetSearchIndex||{};window.checksheetSearchIndex[\"\(language.rawValue)\"]=".utf8)
            + (json ?? self.json()) + Data(";\n".utf8)
    }

    /// Reads an index written by `json()`; nil when the data is not one.
    public static func decode(_ data: Data) -> SearchIndex? {
        try? read(data).get()
    }

    /// Reads an index written by `json()`, or says what is wrong with it: another format version, a missing or
    /// mistyped table, or numbers that point outside the index (a corrupt or foreign file is refused, never trusted).
    public static func read(_ data: Data) -> Result<SearchIndex, SearchIndexError> {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return .failure(.init("it is not a JSON object")) }
        guard let version = object["v"] as? Int else { return .failure(.init("it has no format version")) }
        guard version == formatVersion else { return .failure(.init("it is format \(version); this checksheet reads format \(formatVersion)")) }
        guard let language = (object["lang"] as? String).flatMap(Language.init(rawValue:)) else { return .failure(.init("its language is missing or unknown")) }
        guard let docs = object["docs"] as? [[Any]], let terms = object["terms"] as? [String], let gaps = object["post"] as? [[Int]],
              let averages = object["avg"] as? [Int], let idf = object["idf"] as? [Int], let weights = object["w"] as? [Int]
        else { return .failure(.init("a table is missing or holds the wrong kind of values")) }
        let fieldCount = fields.count
        guard weights.count == fieldCount, averages.count == fieldCount else { return .failure(.init("it has \(weights.count) field weights; expected \(fieldCount)")) }
        guard !docs.isEmpty, !terms.isEmpty, gaps.count == terms.count, !idf.isEmpty else { return .failure(.init("its tables are empty or of different lengths")) }
        var documents: [Document] = []
        for doc in docs {
            guard doc.count == 10, let no = doc[0] as? Int, let slug = doc[1] as? String, let texts = Array(doc[2...7]) as? [String],
                  let lengths = doc[8] as? [Int], lengths.count == fieldCount, let keys = doc[9] as? [String]
            else { return .failure(.init("document \(documents.count + 1) is malformed")) }
            documents.append(Document(no: no, slug: slug, item: texts[0], answer: texts[1], definition: texts[2], otherItem: texts[3],
                                      otherAnswer: texts[4], otherDefinition: texts[5], lengths: lengths, keys: keys))
        }
        var postings: [[Int]] = []
        postings.reserveCapacity(gaps.count)
        for (number, list) in gaps.enumerated() {
            var absolute: [Int] = []
            absolute.reserveCapacity(list.count)
            var value = 0
            var documentsOfTerm = Set<Int>()
            for gap in list {
                guard gap >= 0 || absolute.isEmpty else { return .failure(.init("the postings of term \(number) are not in order")) }
                value += gap
                let document = value / (8 * fieldCount)
                guard value >= 0, document < documents.count else { return .failure(.init("term \(number) points to document \(document + 1) of \(documents.count)")) }
                documentsOfTerm.insert(document)
                absolute.append(value)
            }
            guard documentsOfTerm.count < idf.count else { return .failure(.init("term \(number) occurs in more documents than its idf table covers")) }
            postings.append(absolute)
        }
        return .success(SearchIndex(language: language, documents: documents, terms: terms, postings: postings, averageLengths: averages, idf: idf))
    }
}

/// Why a search index file cannot be used.
public struct SearchIndexError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// JSON text built as UTF-8 bytes: strings escaped as JSON requires, and by default U+2028 and U+2029 too, so that
/// the same text is also a valid JavaScript literal.
struct JSONText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func integer(_ value: Int) {
        guard value >= 0 else { bytes += String(value).utf8; return }
        // Digits written straight into the bytes: a String per number was most of the cost of the postings.
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    mutating func integers(_ values: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            integer(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A string literal; `escapingLineSeparators: false` gives what `JSONSerialization` writes (it leaves U+2028 and U+2029).
    mutating func string(_ text: String, escapingLineSeparators: Bool = true) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            var copied = 0
            // Runs of bytes that need no escape are copied whole.
            while index < utf8.count {
                let byte = utf8[index]
                let escape: [UInt8]
                switch byte {
                case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: escape = Array("\\n".utf8)
                case 0x0D: escape = Array("\\r".utf8)
                case 0x09: escape = Array("\\t".utf8)
                case 0x08: escape = Array("\\b".utf8)
                case 0x0C: escape = Array("\\f".utf8)
                case 0x00..<0x20: escape = Array(String(format: "\\u%04x", byte).utf8)
                case 0xE2 where escapingLineSeparators && index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                bytes += escape
                index += byte == 0xE2 ? 3 : 1
                copied = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
