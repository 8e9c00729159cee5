import Foundation

extension SearchIndex {
    /// Compact JSON: short keys, no spaces, integers only, arrays in a fixed order.
    ///
    /// `{"v":1,"lang":…,"w":[…],"avg":[…],"idf":[…],"docs":[[no,slug,item,answer,definition,otherItem,otherAnswer,otherDefinition,[lengths],[keys]],…],"terms":[…],"post":[[…],…]}`
    public func json() -> Data {
        let docs: [[Any]] = documents.map { [$0.no, $0.slug, $0.item, $0.answer, $0.definition, $0.otherItem, $0.otherAnswer, $0.otherDefinition, $0.lengths, $0.keys] }
        let object: [String: Any] = [
            "v": 2, "lang": language.rawValue, "w": Self.weights, "avg": averageLengths, "idf": idf,
            "docs": docs, "terms": terms, "post": postings,
        ]
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The same data as a script, for pages opened from disk, where browsers refuse `fetch()` of local files.
    public func script(json: Data? = nil) -> Data {
        var text = "window.checksheetSearchIndex=window.checksheetSearchIndex||{};window.checksheetSearchIndex[\"\(language.rawValue)\"]="
        // U+2028/U+2029 are legal in JSON strings but were line ends in older JavaScript engines.
        let json = String(decoding: json ?? self.json(), as: UTF8.self).replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        text += json + ";\n"
        return Data(text.utf8)
    }

    /// Reads an index written by `json()`; nil when the data is not one.
    public static func decode(_ data: Data) -> SearchIndex? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let language = (object["lang"] as? String).flatMap(Language.init(rawValue:)),
              let docs = object["docs"] as? [[Any]], let terms = object["terms"] as? [String],
              let postings = object["post"] as? [[Int]], let averages = object["avg"] as? [Int], let idf = object["idf"] as? [Int]
        else { return nil }
        var documents: [Document] = []
        for doc in docs {
            guard doc.count == 10, let no = doc[0] as? Int, let slug = doc[1] as? String, let texts = Array(doc[2...7]) as? [String],
                  let lengths = doc[8] as? [Int], let keys = doc[9] as? [String] else { return nil }
            documents.append(Document(no: no, slug: slug, item: texts[0], answer: texts[1], definition: texts[2], otherItem: texts[3],
                                      otherAnswer: texts[4], otherDefinition: texts[5], lengths: lengths, keys: keys))
        }
        return SearchIndex(language: language, documents: documents, terms: terms, postings: postings, averageLengths: averages, idf: idf)
    }
}
