import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// English history compares what the English pages displayed at each end of a span (a field pending translation shows
/// its Japanese), and every comparison judges a change as a reader sees it: markup, spacing and notation alone are no
/// change. The sheet is the history fixture and two more revisions: October changes the Japanese RTO (its English
/// left as it was: pending), the backup method's Japanese with a full stop added to its English by hand, and only the
/// notation, markup or spacing of others; November changes nothing.
@Suite struct HistoryAsDisplayedTests {
    static let built: (sheet: Sheet, files: [String: String]) = {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/content"
        try! FileManager.default.copyItem(atPath: HistoryTests.root, toPath: content)
        func revision(_ date: String, from source: String, title: (String, String), edits: [String: (String, String)]) {
            let folder = content + "/revisions/" + date
            try! FileManager.default.copyItem(atPath: content + "/revisions/" + source, toPath: folder)
            try! "date: \(date)\ntitle:\n  ja: \(title.0)\n  en: \(title.1)\n".write(toFile: folder + "/revision.yml", atomically: true, encoding: .utf8)
            for (file, edit) in edits {
                let text = try! String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                precondition(text.contains(edit.0), file)
                try! text.replacingOccurrences(of: edit.0, with: edit.1).write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
            }
        }
        revision("2025-10-01", from: "2025-09-01", title: ("2025年10月1日版", "Version dated October 1, 2025"), edits: [
            "ja/05-rto.md": ("\n4時間以内", "\n2時間以内"),
            "ja/02-backup-method.md": ("\n有。日次で取得", "\n有。毎時取得"),
            "en/02-backup-method.md": ("\nYes. Taken daily", "\nYes. Taken daily."),
            "ja/03-availability-rate.md": ("\n99.95%以上", "\n99.95％以上"),
            "ja/04-encryption-in-transit.md": ("\n有。TLS 1.3", "\n**有**。TLS 1.3"),
            "en/04-encryption-in-transit.md": ("\nYes. TLS 1.3", "\nYes.  TLS 1.3"),
        ])
        revision("2025-11-01", from: "2025-10-01", title: ("2025年11月1日版", "Version dated November 1, 2025"), edits: [:])
        let source = ContentSource.read(from: content)
        let outcome = Pipeline.build(content: source, theme: Theme.read(from: Repository.theme))
        let files = Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        return (ContentLoader.load(source).sheet!, files)
    }()

    func page(_ path: String) throws -> String { try #require(Self.built.files[path]) }

    func summary(_ page: String) -> String? {
        page.firstMatch(of: /<p class="revision-summary">([^<]+)<\/p>/).map { String($0.1) }
    }

    func changed(_ page: String) -> [String] {
        page.matches(of: /<article class="change" id="change-(\d+)">/).map { String($0.1) }
    }

    func revision(_ date: String) -> Revision { Self.built.sheet.revisions.first { $0.date == date }! }

    /// Defect 1: the English "since" pages left out a change awaiting translation, though the English item page shows
    /// it; longer spans left out what shorter ones ending at the same revision listed.
    @Test func englishSincePagesListWhatTheEnglishPagesDisplayedDifferently() throws {
        #expect(summary(try page("en/changes/since/2025-10-01/index.html")) == "0 added, 0 changed, 0 removed")
        let september = try page("en/changes/since/2025-09-01/index.html")
        #expect(summary(september) == "0 added, 2 changed, 0 removed")
        #expect(changed(september) == ["2", "5"])
        #expect(september.contains("<dl class=\"diff\">\n<div class=\"diff-field\"><dt>Provider&#39;s response</dt><dd><p class=\"pending-note\">Translation pending: "
            + "the Japanese changed in the version dated October 1, 2025. The current Japanese text is shown.</p><p class=\"diff-text\"><span lang=\"ja\">"
            + "<del>4</del><ins>2</ins>時間以内</span></p></dd></div>"))
        let june = try page("en/changes/since/2025-06-01/index.html")
        #expect(summary(june) == "0 added, 4 changed, 0 removed")
        #expect(changed(june) == ["1", "2", "4", "5"])
        // Pending at both ends, on different Japanese: the Japanese change between them, still pending.
        #expect(june.contains("<span lang=\"ja\"><del>4</del><ins>2</ins>時間以内</span>"))
        // Translated at the start, pending at the end: the Japanese change since, not the English against the Japanese.
        #expect(june.contains("<span lang=\"ja\">サービスを提供する時間帯<ins>（計画停止時間を含む）</ins></span>"))
        let first = try page("en/changes/since/2025-03-07/index.html")
        #expect(summary(first) == "1 added, 4 changed, 1 removed")
        #expect(first.contains("<span lang=\"ja\"><del>非公開</del> <span class=\"diff-arrow\">→</span> <ins>2時間以内</ins></span>"))
        // A longer span lists whatever a shorter one ending at the same revision lists.
        let spans = ["2025-10-01", "2025-09-01", "2025-06-01", "2025-03-07"].map { date in
            Set(try! page("en/changes/since/\(date)/index.html").matches(of: /<a href="..\/..\/..\/items\/([a-z-]+)\/index.html">/).map { String($0.1) })
        }
        for (shorter, longer) in zip(spans, spans.dropFirst()) { #expect(shorter.isSubset(of: longer)) }
    }

    /// `checksheet diff --lang en` compares what the English pages displayed, as the since pages do.
    @Test func theEnglishDiffReportsAChangeAwaitingTranslationInJapanese() {
        let history = SheetHistory(Self.built.sheet)
        let diff = history.compare(revision("2025-09-01"), revision("2025-11-01"), language: .en)
        #expect(diff.text() == """
            Changes from 2025-09-01 to 2025-11-01 (en): 0 added, 2 changed, 0 removed, 0 renumbered
            changed  2. Backup method [backup-method]: answer
                       answer (translation pending since 2025-10-01, Japanese shown): 有。[-日次で取得-]{+毎時取得+}
            changed  5. Recovery time objective (RTO) [rto]: answer
                       answer (translation pending since 2025-10-01, Japanese shown): [-4-]{+2+}時間以内

            """)
        let json = String(decoding: diff.json(), as: UTF8.self)
        #expect(json.contains("\"slug\" : \"rto\",\n      \"title\" : \"Recovery time objective (RTO)\",\n      \"translationPending\" : [\n        \"answer\"\n      ]"))
        let translated = history.compare(revision("2025-06-01"), revision("2025-09-01"), language: .en)
        #expect(translated.text().contains("answer (translation of the Japanese change of 2025-06-01): [-4時間以内-]{+Within 4 hours+}"))
        #expect(history.compare(revision("2025-10-01"), revision("2025-11-01"), language: .en).text()
            == "Changes from 2025-10-01 to 2025-11-01 (en): 0 added, 0 changed, 0 removed, 0 renumbered\n")
    }

    /// Defects 3, 4 and 5: a full-width percent sign, emphasis added and a double space are no change: no badge, no
    /// new "last changed" date, not counted, and the English of a Japanese notation edit is not pending.
    @Test func notationMarkupAndSpacingAloneAreNoChange() throws {
        let history = SheetHistory(Self.built.sheet)
        let october = try #require(history.entries.first { $0.revision.date == "2025-10-01" }?.changes)
        #expect(october.ja.changed.map(\.new.slug) == ["backup-method", "rto"])
        #expect(october.en.changed.map(\.new.slug) == ["backup-method", "rto"])
        #expect(history.stale["2025-10-01"]?.map { "\($0.slug)/\($0.field.rawValue)" } == ["service-hours/definition", "backup-method/answer", "rto/answer"])
        let ja = try page("ja/items/availability-rate/index.html")
        #expect(ja.contains("<p class=\"answer-changed\">設定等の最終変更：2025年6月1日</p>"))
        #expect(ja.contains("99.95％以上") && !ja.contains("badge-new"))
        let en = try page("en/items/encryption-in-transit/index.html")
        #expect(en.contains("<p class=\"answer-changed\">Response last changed: September 1, 2025</p>") && !en.contains("badge-new"))
        let availability = try page("en/items/availability-rate/index.html")
        #expect(availability.contains("99.95% or more") && !availability.contains("pending-note"))
        #expect(summary(try page("ja/changes/2025-10-01/index.html")) == "追加0件・変更2件・削除0件")
        #expect(summary(try page("en/changes/2025-10-01/index.html")) == "0 added, 2 changed, 0 removed")
    }

    /// The one comparison key: the displayed text, whitespace collapsed, NFKC, and the Shift_JIS pairs the import
    /// treats as one character.
    @Test func theReadingKeyFoldsWhatReadsTheSame() {
        #expect(ReadingKey.of("Yes.  TLS 1.2 ") == ReadingKey.of("Yes. TLS 1.2"))
        #expect(ReadingKey.of("99.9％以上") == ReadingKey.of("99.9%以上"))
        #expect(ReadingKey.of("24時間365日（計画停止／定期保守を除く）") == ReadingKey.of("24時間365日(計画停止/定期保守を除く)"))
        #expect(ReadingKey.of("9:00〜18:00") == ReadingKey.of("9:00～18:00"))
        #expect(ReadingKey.of("A\n\nB") == ReadingKey.of("A\nB"))
        #expect(ReadingKey.of("有。TLS 1.2") != ReadingKey.of("有。TLS 1.3"))
        #expect(ReadingKey.words("24 hours") == ReadingKey.words("24 Hours."))
        #expect(ReadingKey.words("TLS 1.2") != ReadingKey.words("TLS 12"))
        let japanese = Item(no: 1, slug: "a", section: "s", category: "c", item: "i", definition: "d", unit: "u", answer: "有。TLS 1.2")
        var emphasised = japanese
        emphasised.answer = "**有**。TLS 1.2"
        #expect(japanese.readsTheSame(.answer, as: emphasised))
    }

    /// Defect 6: English edited by hand without a change of its words ("Taken daily" → "Taken daily.") does not
    /// translate the Japanese change beside it: the English pages show the Japanese, as authoritative.
    @Test func anEnglishEditThatKeepsItsWordsLeavesTheJapaneseChangePending() throws {
        let item = try page("en/items/backup-method/index.html")
        #expect(item.contains("<span class=\"pending-note\">Translation pending: the Japanese changed in the version dated October 1, 2025. "
            + "The current Japanese text is shown.</span>") || item.contains("<p class=\"pending-note\">Translation pending: the Japanese changed in the version dated October 1, 2025."))
        #expect(item.contains("有。毎時取得") && !item.contains("Taken daily."))
        let since = try page("en/changes/since/2025-09-01/index.html")
        #expect(since.contains("<p class=\"pending-note\">Translation pending: the Japanese changed in the version dated October 1, 2025. The current Japanese text is shown.</p>"
            + "<p class=\"diff-text\"><span lang=\"ja\">有。<del>日次で取得</del><ins>毎時取得</ins></span></p>"))
    }

    /// Defect 7: notes of a superseded revision say what was pending then, in the past tense; a translation of a
    /// Japanese change is labelled as one, and "last changed" is the Japanese change's date in both languages.
    @Test func historicalNotesArePastAndATranslationIsLabelledAsOne() throws {
        let then = "Translation pending in this version: the Japanese had changed in the version dated October 1, 2025, and the Japanese text was shown."
        #expect(try page("en/changes/2025-10-01/index.html").contains(then))
        let archived = try page("en/revisions/2025-10-01/items/rto/index.html")
        #expect(archived.contains(then))
        let csv = try page("en/downloads/changes-2025-10-01.csv")
        #expect(csv.contains("rto,5,Recovery time objective (RTO),Changed,Provider's response,4時間以内,2時間以内,\"\(then)\"\r\n"))
        let rto = try page("en/items/rto/index.html")
        let events = rto.matches(of: /<time datetime="([0-9-]+)">[^<]+<\/time><\/a> <span class="badge history-what">([^<]+)<\/span>/).map { "\($0.1) \($0.2)" }
        #expect(events == ["2025-10-01 Changed", "2025-09-01 Translated", "2025-06-01 Changed", "2025-03-07 First published"])
        #expect(rto.contains("<p class=\"pending-note\">Translation of the Japanese change in the version dated June 1, 2025: the English replaces the Japanese shown until then.</p>"
            + "<p class=\"diff-text\"><del lang=\"ja\">4時間以内</del> <span class=\"diff-arrow\">→</span> <ins>Within 4 hours</ins></p>"))
        #expect(rto.contains(then))
        #expect(rto.contains("<p class=\"answer-changed\">Response last changed: October 1, 2025</p>"))
        #expect(try page("ja/items/rto/index.html").contains("<p class=\"answer-changed\">設定等の最終変更：2025年10月1日</p>"))
    }
}
