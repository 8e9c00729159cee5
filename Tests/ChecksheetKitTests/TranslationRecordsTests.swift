import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// What `translations import` records in a revision's `translations.yml`, and the pending English it tells apart
/// within one revision: English as the import wrote it, whose Japanese changed since.
@Suite struct TranslationRecordsTests {
    static let root = Repository.fixtures + "/history"

    /// The history fixture with `records` as the `translations.yml` of the revisions they are given for.
    static func load(_ records: [String: [String: TranslationRecords.Record]]) -> ContentLoader.Outcome {
        var content = ContentSource.read(from: root)
        for index in content.revisions.indices {
            guard let byKey = records[content.revisions[index].folderName] else { continue }
            content.revisions[index].translations = SourceFile(path: content.revisions[index].path + "/translations.yml", text: TranslationRecords(byKey).source)
        }
        return ContentLoader.load(content)
    }

    static func record(_ japanese: String, _ english: String) -> TranslationRecords.Record {
        .init(translating: japanese, as: english)
    }

    @Test func englishAsWrittenIsPendingOnceItsJapaneseChangesWithinTheRevision() throws {
        // The fixture's 2025-09-01 changed both languages of encryption-in-transit: between revisions, translated.
        let september = "2025-09-01"
        let translated = try #require(Self.load([:]).sheet)
        #expect(SheetHistory(translated).stale[september] == [.init(slug: "service-hours", field: .definition, since: september)])

        let sheet = try #require(Self.load([
            // Translated from Japanese that was edited again since: pending, from this revision on.
            september: ["encryption-in-transit/answer": Self.record("有。TLS 1.2以上", "Yes. TLS 1.3"),
                        // Translated from the Japanese as it is: the translator kept the English, so it is no longer pending.
                        "service-hours/definition": Self.record("サービスを提供する時間帯（計画停止時間を含む）", "Hours during which the service is provided"),
                        // The English was edited after the import: a translation, as between revisions.
                        "rto/answer": Self.record("旧", "An English the page no longer has")],
            // A record of an earlier revision: pending there, and in the next while neither language changes.
            "2025-06-01": ["availability-rate/answer": Self.record("旧", "99.95% or more")],
        ]).sheet)
        let history = SheetHistory(sheet)
        #expect(history.stale["2025-03-07"] == [])
        #expect(history.stale["2025-06-01"] == [.init(slug: "availability-rate", field: .answer, since: "2025-06-01"),
                                                .init(slug: "rto", field: .answer, since: "2025-06-01")])
        #expect(history.stale[september] == [.init(slug: "availability-rate", field: .answer, since: "2025-06-01"),
                                             .init(slug: "encryption-in-transit", field: .answer, since: september)])
    }

    @Test func theFileIsSortedCommentedAndReadsBackByteForByte() throws {
        let records = TranslationRecords([
            "rto/answer": .init(japanese: "0123456789012345", english: "fedcba9876543210"),
            "encryption-in-transit/answer": Self.record("有。TLS 1.3", "Yes. TLS 1.3"),
        ])
        let text = records.source
        #expect(text == """
            # Written by `checksheet translations import`: for each English field it wrote (slug/field), a hash of the
            # Japanese it translated (ja) and of the English it wrote (en). While the English stays as written, a change
            # of that Japanese makes the field pending translation. Not edited by hand.
            encryption-in-transit/answer:
              ja: f32e4c12ac23ea6a
              en: 77afcd37badc4c37
            rto/answer:
              ja: '0123456789012345'
              en: fedcba9876543210

            """)
        let read = TranslationRecords.parse(SourceFile(path: "translations.yml", text: text), slugs: ["rto", "encryption-in-transit"])
        #expect(read.problems == [])
        #expect(read.records == records)
        #expect(read.records.source == text)
        #expect(TranslationRecords.parse(SourceFile(path: "translations.yml", text: TranslationRecords.header), slugs: []) == (TranslationRecords(), []))
    }

    @Test func aMalformedFileIsAnErrorAtItsPlaceAndAnUnknownRecordAWarning() throws {
        var content = ContentSource.read(from: Self.root)
        let index = try #require(content.revisions.firstIndex { $0.folderName == "2025-09-01" })
        let path = content.revisions[index].path + "/translations.yml"
        content.revisions[index].translations = SourceFile(path: path, text: TranslationRecords.header + """
            rto/answer:
              ja: 0123456789abcdef
              en: Yes
            gone/answer: {ja: 0123456789abcdef, en: 0123456789abcdef}
            rto/keywords: {ja: 0123456789abcdef, en: 0123456789abcdef}

            """)
        let outcome = ContentLoader.load(content)
        #expect(outcome.sheet == nil)
        #expect(outcome.diagnostics.filter { $0.file == path }.map(\.formatted) == [
            "\(path):5:3: error: the record of 'rto/answer' is not `ja:` and `en:`, each a hash of sixteen hexadecimal digits\n"
                + "  hint: this file is written by `checksheet translations import`: undo the hand edit, or delete the file (or the record) and import the revision's translations again",
            "\(path):7:1: warning: the translation record 'gone/answer' is not used: the revision has no item 'gone'\n"
                + "  hint: the next `checksheet translations import` into this revision drops it; or delete its lines",
            "\(path):8:1: warning: the translation record 'rto/keywords' is not used: it is not `slug/field` of a translated field\n"
                + "  hint: the next `checksheet translations import` into this revision drops it; or delete its lines",
        ])

        content.revisions[index].translations = SourceFile(path: path, text: "rto/answer: {ja: 0123456789abcdef, en: 'fedcba9876543210}\n")
        #expect(ContentLoader.load(content).diagnostics.filter { $0.file == path }.map(\.formatted) == [
            "\(path):1:40: error: invalid YAML: this quoted value is never closed (found unexpected end of stream at line 2)\n"
                + "  hint: this file is written by `checksheet translations import`: undo the hand edit, or delete the file (or the record) and import the revision's translations again",
        ])
    }

    /// The import records the fields it wrote, keeps the other records of the revision and drops those of items it
    /// no longer has.
    @Test func theImportRecordsWhatItWroteBesideTheOtherRecords() throws {
        var content = ContentSource.read(from: Self.root)
        let index = try #require(content.revisions.firstIndex { $0.folderName == "2025-09-01" })
        let kept = TranslationRecords.Record(japanese: "0123456789abcdef", english: "fedcba9876543210")
        let folder = content.revisions[index].path
        content.revisions[index].translations = SourceFile(path: folder + "/translations.yml",
                                                           text: TranslationRecords(["rto/answer": kept, "gone/answer": kept]).source)
        let csv = "id,japanese,english\r\nservice-hours/definition,サービスを提供する時間帯（計画停止時間を含む）,Hours of service (planned outages included)\r\n"
        let file = try TranslatedFile.parse(Data(csv.utf8), path: "translations.csv").get()
        let outcome = TranslationImport.apply(file, to: content, date: "2025-09-01")
        #expect(outcome.diagnostics == [])
        #expect(outcome.files.map(\.path) == [folder + "/en/01-service-hours.md"])
        let records = try #require(outcome.records)
        #expect(records.path == folder + "/translations.yml")
        #expect(String(decoding: records.contents, as: UTF8.self) == TranslationRecords([
            "rto/answer": kept,
            "service-hours/definition": Self.record("サービスを提供する時間帯（計画停止時間を含む）", "Hours of service (planned outages included)"),
        ]).source)
    }

    /// A revision started as a copy has the copied English translating the copied Japanese: the records stay behind.
    @Test func aNewRevisionDoesNotCopyTheRecords() throws {
        var source = try #require(ContentSource.read(from: Self.root).revisions.last)
        source.translations = SourceFile(path: source.path + "/translations.yml", text: TranslationRecords.header)
        let paths = RevisionCopy.files(of: source, date: "2025-12-01").map(\.path)
        #expect(paths.count == 11)
        #expect(!paths.contains("translations.yml"))
    }
}
