import Foundation

extension SheetTable {
    /// The sheet with the front-matter field names, the answer as the site's text; see `jsonSchema`.
    public func json(schemaURL: String) -> Data {
        var object: [String: Any] = [
            "$schema": schemaURL,
            "date": date,
            "language": language.rawValue,
            "title": title,
            "items": items.map { item -> [String: Any] in
                var entry: [String: Any] = ["no": item.no, "url": url(of: item)]
                for field in Field.allCases where field != .no {
                    entry[field.rawValue] = item.plainText(of: field)
                }
                return entry
            },
        ]
        if let provider { object["provider"] = provider }
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
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
