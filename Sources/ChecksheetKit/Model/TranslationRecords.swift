/// What `checksheet translations import` wrote into a revision's English pages, from its `translations.yml`: for each
/// field, a hash of the Japanese it translated and a hash of the English it wrote. Within one revision it is the only
/// record of which Japanese an English field translates.
public struct TranslationRecords: Sendable, Equatable {
    /// One field's translation as the import wrote it.
    public struct Record: Sendable, Equatable, Hashable {
        /// `TranslationRecords.hash` of the Japanese the English was translated from.
        public var japanese: String
        /// `TranslationRecords.hash` of the English written.
        public var english: String

        public init(japanese: String, english: String) {
            self.japanese = japanese
            self.english = english
        }

        /// The record of `english` written as the translation of `japanese`.
        public init(translating japanese: String, as english: String) {
            self.init(japanese: TranslationRecords.hash(japanese), english: TranslationRecords.hash(english))
        }
    }

    /// The file's name in a revision's folder.
    public static let fileName = "translations.yml"

    /// By `slug/field`, the ids of translation units.
    public var records: [String: Record]

    public init(_ records: [String: Record] = [:]) {
        self.records = records
    }

    /// The record of one field of one item, if the import wrote it.
    public func record(_ slug: String, _ field: Field) -> Record? {
        records["\(slug)/\(field.rawValue)"]
    }

    /// What the record says of a field now: nil when it says nothing, because there is none or the English was
    /// edited after the import (then the English counts as translated, as between revisions); otherwise whether the
    /// Japanese changed since the English, still as written, was translated from it.
    public func pending(_ slug: String, _ field: Field, japanese: String, english: String) -> Bool? {
        guard let record = record(slug, field), record.english == Self.hash(english) else { return nil }
        return record.japanese != Self.hash(japanese)
    }

    /// The hash the file records of a field's text: sixteen hexadecimal digits of `ContentHash`.
    public static func hash(_ text: String) -> String {
        ContentHash(text: text).hex
    }
}
