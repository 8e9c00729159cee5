import Foundation

extension SheetTable {
    /// The sheet with the front-matter field names, the answer as the site's text; see `jsonSchema`.
    ///
    /// Written directly, in the bytes `JSONSerialization` gives with sorted keys, pretty printing and unescaped
    /// slashes (`ExportTests` holds the two side by side): a sheet per revision and language made that the slowest download.
    public func json(schemaURL: String) -> Data {
        var out = JSONText()
        out.raw("{\n  \"$schema\" : ")
        out.string(schemaURL, escapingLineSeparators: false)
        out.raw(",\n  \"date\" : ")
        out.string(date, escapingLineSeparators: false)
        out.raw(",\n  \"items\" : [\n")
        // Keys in code-point order, as `.sortedKeys` writes them.
        let keys = (Field.allCases.filter { $0 != .no }.map(\.rawValue) + ["no", "pending", "url"]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (position, item) in items.enumerated() {
            out.raw(position > 0 ? ",\n    {\n" : "    {\n")
            let shownInJapanese = pending[item.slug]?.fields ?? []
            for (index, key) in keys.enumerated() where key != "pending" || !shownInJapanese.isEmpty {
                out.raw(index > 0 ? ",\n      \"" : "      \"")
                out.raw(key)
                out.raw("\" : ")
                switch key {
                case "no": out.integer(item.no)
                case "pending":
                    out.raw("[\n")
                    for (offset, field) in shownInJapanese.enumerated() {
                        out.raw(offset > 0 ? ",\n        " : "        ")
                        out.string(field.rawValue, escapingLineSeparators: false)
                    }
                    out.raw("\n      ]")
                case "url": out.string(url(of: item), escapingLineSeparators: false)
                case Field.answer.rawValue: out.string(item.plainAnswer, escapingLineSeparators: false)
                default: out.string(item.value(of: Field(rawValue: key)!), escapingLineSeparators: false)
                }
            }
            out.raw("\n    }")
        }
        out.raw("\n  ],\n  \"language\" : ")
        out.string(language.rawValue, escapingLineSeparators: false)
        if let provider {
            out.raw(",\n  \"provider\" : ")
            out.string(provider, escapingLineSeparators: false)
        }
        out.raw(",\n  \"title\" : ")
        out.string(title, escapingLineSeparators: false)
        out.raw("\n}")
        return Data(out.bytes)
    }

    /// JSON Schema (2020-12) of `json(schemaURL:)`, published beside the downloads.
    public static func jsonSchema(id: String) -> Data {
        func text(_ description: String) -> [String: Any] { ["type": "string", "minLength": 1, "description": description] }
        let item: [String: Any] = [
            "type": "object",
            "additionalProperties": false,
            "required": Field.allCases.map(\.rawValue) + ["url"],
            "properties": [
                "no": ["type": "integer", "minimum": 1, "description": "The item's place in the sheet (No.)."],
                "slug": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The item's permanent identity and URL name."],
                "section": text("The part of the sheet."),
                "category": text("種別 / Category."),
                "item": text("サービスレベル項目 / Service level item."),
                "definition": text("規定内容 / Definition."),
                "unit": text("測定単位 / Unit of measure."),
                "answer": text("設定等 / The provider's response, as plain text."),
                "url": ["type": "string", "format": "uri", "pattern": "^https?://", "description": "The item's permanent URL on the site."],
                "pending": ["type": "array", "minItems": 1, "uniqueItems": true, "items": ["enum": Field.allCases.map(\.rawValue)],
                            "description": "English only: the fields shown in Japanese while their translation is pending, as the site shows them."],
            ] as [String: Any],
        ]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": id,
            "title": "checksheet: a cloud service level check sheet",
            "type": "object",
            "additionalProperties": false,
            "required": ["$schema", "date", "language", "title", "items"],
            "properties": [
                "$schema": ["type": "string"],
                "date": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "The revision's date."],
                "provider": ["type": "string", "minLength": 1, "description": "Whose sheet this is, when the site names its provider."],
                "language": ["enum": ["ja", "en"]],
                "title": ["type": "string"],
                "items": ["type": "array", "items": item],
            ] as [String: Any],
        ]
        return try! JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
