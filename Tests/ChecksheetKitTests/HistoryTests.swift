import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ChecksheetKit
import TestSupport

@Suite struct HistoryTests {
    static let root = Repository.fixtures + "/history"
    static let sheet = ContentLoader.load(ContentSource.read(from: root)).sheet!
    static let history = SheetHistory(sheet)
    static let outcome = Pipeline.build(content: ContentSource.read(from: root), theme: Theme.read(from: Repository.theme))
    static var files: [String: String] {
        Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    func summary(_ diff: RevisionDiff) -> [String] {
        diff.added.map { "+\($0.slug)" } + diff.removed.map { "-\($0.slug)" }
            + diff.changed.map { "~\($0.new.slug):\($0.fields.map(\.rawValue).joined(separator: ","))\($0.isRenumbered ? "#\($0.old.no)>\($0.new.no)" : "")" }
            + diff.renumbered.map { "#\($0.new.slug):\($0.old.no)>\($0.new.no)" }
    }

    @Test func eachRevisionIsComparedWithTheOneBefore() throws {
        #expect(Self.history.entries.map(\.revision.date) == ["2025-03-07", "2025-06-01", "2025-09-01"])
        #expect(Self.history.entries[0].changes == nil)
        let june = try #require(Self.history.entries[1].changes)
        #expect(summary(june.ja) == ["+backup-method", "-planned-outage-notice", "~availability-rate:answer", "~rto:answer#4>5", "#encryption-in-transit:5>4"])
        // English compares what the English pages displayed: June's pending RTO answer shows its Japanese change.
        #expect(summary(june.en) == ["+backup-method", "-planned-outage-notice", "~availability-rate:answer", "~rto:answer#4>5", "#encryption-in-transit:5>4"])
        let september = try #require(Self.history.entries[2].changes)
        #expect(summary(september.ja) == ["~service-hours:definition", "~encryption-in-transit:answer"])
        #expect(summary(september.en) == ["~service-hours:definition", "~encryption-in-transit:answer", "~rto:answer"])
        #expect(september.en.changed.map { $0.translation } == [[.definition: .pending(since: "2025-09-01", japaneseBefore: "サービスを提供する時間帯")], [:],
                                                                 [.answer: .translated(since: "2025-06-01")]])
    }

    @Test func staleEnglishIsTrackedUntilItIsTranslated() {
        #expect(Self.history.stale["2025-03-07"] == [])
        #expect(Self.history.stale["2025-06-01"] == [.init(slug: "rto", field: .answer, since: "2025-06-01")])
        #expect(Self.history.stale["2025-09-01"] == [.init(slug: "service-hours", field: .definition, since: "2025-09-01")])
    }

    @Test func inlineDiffsAreCharactersInJapaneseAndWordsInEnglish() {
        #expect(InlineDiff.compare("有。TLS 1.2", "有。TLS 1.3", language: .ja).html == "有。TLS <del>1.2</del><ins>1.3</ins>")
        #expect(InlineDiff.compare("Yes. TLS 1.2", "Yes. TLS 1.3", language: .en).html == "Yes. TLS <del>1.2</del><ins>1.3</ins>")
        #expect(InlineDiff.compare("99.9% or more", "99.95% or more", language: .en).html == "<del>99.9%</del><ins>99.95%</ins> or more")
        // Words added at the end of a line leave its last word as it was (it took the line break with it).
        #expect(InlineDiff.compare("1. Detect\n2. Switch over\n3. Report", "1. Detect\n2. Switch over to the standby system\n3. Report", language: .en).html
            == "1. Detect\n2. Switch over<ins> to the standby system</ins>\n3. Report")
        #expect(InlineDiff.compare("非公開", "4時間以内", language: .ja).html == "<del>非公開</del><ins>4時間以内</ins>")
        #expect(InlineDiff.compare("a <b>", "a <i>", language: .en).html == "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins>")
        #expect(InlineDiff.compare("同じ", "同じ", language: .ja).isEmpty)
    }

    /// A security reviewer read the old character diffs as saying what had not changed: item 39's ISMS line turned
    /// into a list kept "JIS Q 27" and scattered the rest of the old line's digits through the new lines
    /// ("ISO/IEC 27**01**7**:20**15", "第1**23**45678号"), so the ISMS year read as newly added.
    @Test func japaneseDiffsChangeWholeWordsNumbersAndLines() {
        func html(_ old: String, _ new: String) -> String { InlineDiff.compare(old, new, language: .ja).html }
        let isms = "有。ISMS（JIS Q 27001:2023）"
        let list = "有。\n・ISMS（ISO/IEC 27001:2022、JIS Q 27001:2023）認証番号 IS 123456\n・ISO/IEC 27017:2015（クラウドセキュリティ）\n・プライバシーマーク（第12345678号）"
        #expect(html(isms, list) == "<del>有。ISMS（JIS Q 27001:2023）</del><ins>\(list)</ins>")
        #expect(InlineDiff.compare(isms, list, language: .ja).isReplacement)
        // Where the old line stands whole in the new text, it is kept whole, its year included.
        #expect(html(isms, "有。\n・ISMS（JIS Q 27001:2023）\n・ISO/IEC 27017:2015\n・プライバシーマーク（第12345678号）")
            == "有。<ins>\n・</ins>ISMS（JIS Q 27001:2023）<ins>\n・ISO/IEC 27017:2015\n・プライバシーマーク（第12345678号）</ins>")
        // A word is changed whole, never "<del>72時</del><ins>30日</ins>間"; a number is one unit, never "1.<del>2</del>".
        #expect(html("72時間", "30日間") == "<del>72時間</del><ins>30日間</ins>")
        #expect(html("有。TLS 1.2", "有。TLS 1.3") == "有。TLS <del>1.2</del><ins>1.3</ins>")
        #expect(html("99.9%以上", "99.95%以上") == "<del>99.9</del><ins>99.95</ins>%以上")
        #expect(html("取得している", "取得していない") == "取得<del>している</del><ins>していない</ins>")
        #expect(html("障害発生時は72時間以内にメールで通知します。", "障害発生時は30日以内に電子メールで通知します。")
            == "障害発生時は<del>72時間以内</del><ins>30日以内</ins>に<ins>電子</ins>メールで通知します。")
        // A line replaced whole is struck through and inserted on lines of its own, not run together with the new one.
        #expect(html("行1\n行2\n行3", "行1\n全く別の文章です\n行3") == "行1\n<del>行2\n</del><ins>全く別の文章です\n</ins>行3")
        #expect(html("行1\n行2", "行1\n別の行") == "行1<del>\n行2</del><ins>\n別の行</ins>")
        #expect(html("有。\n・ISMS\n・Pマーク", "有。\n・ISMS（2023年更新）\n・Pマーク") == "有。\n・ISMS<ins>（2023年更新）</ins>\n・Pマーク")
        // Identical texts have nothing to mark.
        #expect(InlineDiff.compare(isms, isms, language: .ja).isEmpty)
        #expect(html(isms, isms) == "有。ISMS（JIS Q 27001:2023）")
        #expect(InlineDiff.compare("", "", language: .ja).segments == [])
    }

    @Test func englishDiffsChangeWholeWordsAndReplaceSentencesThatShareLittle() {
        func html(_ old: String, _ new: String) -> String { InlineDiff.compare(old, new, language: .en).html }
        #expect(html("Logs are kept for one year.", "Logs are kept for three years.") == "Logs are kept for <del>one year.</del><ins>three years.</ins>")
        #expect(html("Notified by email within 72 hours of detection.", "Notified by phone and email within 24 hours of detection.")
            == "Notified by<ins> phone and</ins> email within <del>72</del><ins>24</ins> hours of detection.")
        // Two words kept between changes longer than them said little was changed: "Yes" became "No".
        #expect(html("Yes. We use a third-party scanner every month.", "No. The scanner runs on our own servers every week.")
            == "<del>Yes. We use a third-party scanner every month.</del><ins>No. The scanner runs on our own servers every week.</ins>")
        #expect(InlineDiff.compare("Same words.", "Same words.", language: .en).isEmpty)
    }

    /// `checksheet diff` marks the same cleaned-up changes as the pages.
    @Test func theTextReportMarksWholeNumbersAndWords() throws {
        let september = try #require(Self.history.entries[2].changes)
        #expect(september.ja.text() == """
            Changes from 2025-06-01 to 2025-09-01 (ja): 0 added, 2 changed, 0 removed, 0 renumbered
            changed  1. サービス時間 [service-hours]: definition
                       definition: サービスを提供する時間帯{+（計画停止時間を含む）+}
            changed  4. 通信の暗号化レベル [encryption-in-transit]: answer
                       answer: 有。TLS [-1.2-]{+1.3+}

            """)
    }

    /// A field is shown by what its change is, not by its length: changed in part, in place; replaced whole, old → new
    /// on one line, or the old lines above the new ones.
    @Test func aFieldReplacedWholeReadsOldThenNewAndOneChangedInPartInPlace() throws {
        let views = SiteViews(sheet: Self.sheet, history: Self.history, theme: try Theme.read(from: Repository.theme).get(), assets: AssetCatalog(assets: [:]), baseURL: "")
        let arrow = " <span class=\"diff-arrow\">→</span> "
        #expect(views.diffHTML("非公開", "4時間以内", language: .ja) == "<del>非公開</del>\(arrow)<ins>4時間以内</ins>")
        #expect(views.diffHTML("72時間", "30日間", language: .ja) == "<del>72時間</del>\(arrow)<ins>30日間</ins>")
        #expect(views.diffHTML("72時間", "96時間", language: .ja) == "<del>72</del><ins>96</ins>時間")
        let long = "障害を検知した場合は、72時間以内に契約者の管理者へ電子メールで通知し、復旧後に報告書を提出します。"
        #expect(views.diffHTML(long, long.replacingOccurrences(of: "72時間", with: "24時間"), language: .ja)
            == "障害を検知した場合は、<del>72</del><ins>24</ins>時間以内に契約者の管理者へ電子メールで通知し、復旧後に報告書を提出します。")
        #expect(views.diffHTML("有。ISMS", "無\n（2026年に取得予定）", language: .ja) == "<del>有。ISMS</del>\n<ins>無\n（2026年に取得予定）</ins>")
        #expect(views.diffHTML("", "有", language: .ja) == "<ins>有</ins>")
        #expect(views.diffHTML("有", "", language: .ja) == "<del>有</del>")
        #expect(views.diffHTML("Not disclosed", "Within 4 hours", language: .en) == "<del>Not disclosed</del>\(arrow)<ins>Within 4 hours</ins>")
    }

    @Test func englishWordsEndWhereCharactersSayWhitespaceEnds() {
        // The ASCII shortcut against Character's own answer, and words (each with the spaces before it) cut as
        // appending Characters one by one cuts them.
        for value in 0..<0x80 {
            let character = Character(Unicode.Scalar(value)!)
            #expect(InlineDiff.isWhitespace(character) == character.isWhitespace, "\(value)")
        }
        for character: Character in ["\r\n", "\u{85}", "\u{A0}", "\u{3000}", " \u{301}", "a", "あ"] {
            #expect(InlineDiff.isWhitespace(character) == character.isWhitespace)
        }
        let text = "Yes.  TLS 1.2\r\nand\u{3000}more \u{301}x\t\u{85}end "
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace, let last = current.last, !last.isWhitespace {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        #expect(InlineDiff.units(text, language: .en) == words)
        #expect(InlineDiff.units("", language: .en) == [])
    }

    @Test func htmlEscapingOnBytesEscapesWhatCharactersDo() {
        let texts = ["plain", "a <b> & \"c\" 'd'", "日本語<タグ>＆", "&\u{301}x", "x<\u{20DD}", "\u{600}&", "e\u{301}&", "&", "<", "'", "", "😀&😀",
                     "Tom & Jerry's \"quote\"\n<br>", "\u{200D}&", "&\u{200D}"]
        for text in texts {
            #expect(text.htmlEscaped == text.characterEscaped, "\(text.debugDescription)")
        }
        #expect("a<b".htmlEscaped == "a&lt;b")
    }

    @Test func largeTextsAreComparedLineByLineFirst() {
        let old = (1...3000).map { "行\($0)の内容" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "行1500の内容", with: "行1500の新しい内容")
        let diff = InlineDiff.compare(old, new, language: .ja)
        #expect(diff.segments.filter { $0.kind != .equal }.map(\.text) == ["行1500の内容\n", "行1500の新しい内容\n"])
    }

    @Test func staleEnglishIsAWarningOrWithStrictAnError() {
        let path = Self.root + "/revisions/2025-09-01/en/01-service-hours.md"
        let expected = "\(path):7:1: warning: the Japanese 'definition' of 'service-hours' changed in revision 2025-09-01 but its English did not\n  hint: translate the change; until then the English site shows the current Japanese with a “translation pending” notice"
        // The fixture's 2025-06-01 gives the removed item's number to a new one: a warning of its own, never an error.
        let reused = Self.root + "/revisions/2025-06-01/ja/02-backup-method.md:2:1: warning: number 2 was item 'planned-outage-notice' until revision 2025-06-01 removed it\n"
            + "  hint: customers cite items by number: give 'backup-method' a number never used, such as 6, or keep the slug 'planned-outage-notice' if it is the same item"
        #expect(Self.outcome.diagnostics.map(\.formatted) == [reused, expected])
        #expect(Self.outcome.files != nil)
        let strict = Pipeline.check(content: ContentSource.read(from: Self.root), theme: Theme.read(from: Repository.theme), options: .init(strict: true))
        #expect(strict.files == nil)
        #expect(strict.diagnostics.map(\.formatted) == [reused, expected.replacingOccurrences(of: ": warning: ", with: ": error: ")])
    }

    @Test func theChangesPageListsRevisionsNewestFirstWithCounts() throws {
        let page = try #require(Self.files["en/changes/index.html"])
        let summaries = page.matches(of: /<p class="revision-summary">([^<]+)<\/p>/).map { String($0.1) }
        // Counted as each revision's own page counts: English items whose Japanese change awaits translation are changed.
        #expect(summaries == ["0 added, 3 changed, 0 removed", "1 added, 2 changed, 1 removed, 1 renumbered", "First published (5 items)"])
        #expect(page.contains("<li><a href=\"since/2025-06-01/index.html\"><time datetime=\"2025-06-01\">Version dated June 1, 2025</time></a></li>"))
        #expect(page.contains("<p>The availability target was revised.</p>"))
    }

    @Test func aRevisionsChangesPageShowsEachItemWithItsDiff() throws {
        let ja = try #require(Self.files["ja/changes/2025-06-01/index.html"])
        #expect(ja.contains("<p class=\"revision-summary\">追加1件・変更2件・削除1件・番号のみ変更1件</p>"))
        #expect(ja.contains("<h3><a href=\"../../items/availability-rate/index.html\">3. サービス稼働率</a></h3>\n<dl class=\"diff\">\n<div class=\"diff-field\"><dt>設定等</dt><dd><p class=\"diff-text\"><del>99.9</del><ins>99.95</ins>%以上</p></dd></div>"))
        #expect(ja.contains("<h3><a href=\"../../items/rto/index.html\">5. 目標復旧時間(RTO)</a> <span class=\"change-note\">No. 4 → 5</span></h3>"))
        // Added and removed items show their answer, not only a link.
        #expect(ja.contains("<li class=\"change\"><h3><a href=\"../../items/backup-method/index.html\">2. バックアップの方法</a></h3><div class=\"change-answer\"><p class=\"change-answer-label\">設定等</p><p>有。日次で取得</p>\n</div></li>"))
        #expect(ja.contains("<li class=\"change\"><h3><a href=\"../../items/planned-outage-notice/index.html\">2. 計画停止予定通知</a></h3><div class=\"change-answer\"><p class=\"change-answer-label\">設定等</p>"))
        // "Renumbered only" is folded away, with its count.
        // Open: customers cite items by number, and a closed list hid the moves.
        #expect(ja.contains("<details class=\"renumbered\" open>\n<summary><h2 id=\"renumbered-heading\" class=\"summary-heading\">番号だけが変わった項目 <span class=\"count\">1</span></h2></summary>"))
        #expect(ja.contains("<li><a href=\"../../items/encryption-in-transit/index.html\">通信の暗号化レベル</a> <span class=\"change-note\">No. 5 → 4</span></li>"))
        let en = try #require(Self.files["en/changes/2025-06-01/index.html"])
        // The Japanese change whose English is pending is shown in Japanese, with the notice: in the past tense, the
        // version being superseded (and the translation since made).
        #expect(en.contains("<p class=\"pending-note\">Translation pending in this version: the Japanese had changed in the version dated June 1, 2025, and the Japanese text was shown.</p><p class=\"diff-text\"><span lang=\"ja\"><del>非公開</del> <span class=\"diff-arrow\">→</span> <ins>4時間以内</ins></span></p>"))
    }

    @Test func changesSinceAnEarlierRevisionAreCumulative() throws {
        let page = try #require(Self.files["ja/changes/since/2025-03-07/index.html"])
        #expect(page.contains("<h1>2025年3月7日版以降の変更</h1>"))
        let changed = page.matches(of: /<article class="change" id="change-(\d+)">/).map { String($0.1) }
        #expect(changed == ["1", "3", "4", "5"])
        // A value changed in part shows the changed number in place, whatever the field's length.
        #expect(page.contains("<p class=\"diff-text\">有。TLS <del>1.2</del><ins>1.3</ins></p>"))
        // The versions of the span, newest first, each with its counts and notes: why the answers changed.
        let versions = try #require(page.firstMatch(of: /<section class="since-versions"[\s\S]*?<\/section>/)).output
        #expect(versions.matches(of: /<time datetime="([0-9-]+)">/).map { String($0.1) } == ["2025-09-01", "2025-06-01"])
        #expect(versions.contains("<h3><a href=\"../../2025-06-01/index.html\"><time datetime=\"2025-06-01\">2025年6月1日版</time></a></h3>\n<p class=\"revision-summary\">"))
        #expect(versions.contains("<p>稼働率の目標を改定しました。</p>"))
        #expect(versions.contains("<span class=\"badge\">現行版</span>"))
        #expect(try #require(Self.files["en/changes/since/2025-06-01/index.html"]).contains("<time datetime=\"2025-09-01\">"))
        // A version's own changes page lists no span.
        #expect(!(try #require(Self.files["ja/changes/2025-09-01/index.html"])).contains("since-versions"))
        // Since the current version: nothing, said on its own page (a reader's link to it keeps working).
        let none = try #require(Self.files["ja/changes/since/2025-09-01/index.html"])
        #expect(none.contains("<p>この間に変更はありません。</p>"))
        #expect(!none.contains("since-versions"))
    }

    @Test func archivedRevisionsStayAtTheirURLsMarkedAsSuperseded() throws {
        let sheet = try #require(Self.files["ja/revisions/2025-03-07/index.html"])
        #expect(sheet.contains("<div class=\"banner\" role=\"note\"><p>これは2025年3月7日版のシートです。現行版は2025年9月1日版です。 <a href=\"../../index.html\">現行版を見る</a> · <a href=\"../../changes/since/2025-03-07/index.html\">この版以降の変更を見る</a></p></div>"))
        #expect(sheet.contains("<a href=\"items/planned-outage-notice/index.html\" data-print-url=\"https://checksheet.example.com/ja/revisions/2025-03-07/items/planned-outage-notice/\">計画停止予定通知</a>"))
        let item = try #require(Self.files["en/revisions/2025-03-07/items/rto/index.html"])
        // Its answer changed since: a reviewer copying it is told, and led to what changed.
        #expect(item.contains("<p>This is the item as it stood on March 7, 2025. The answer has changed since. <a href=\"../../../../items/rto/index.html\">View the current version</a> · <a href=\"../../../../changes/since/2025-03-07/index.html\">What changed since this version</a></p>"))
        #expect(item.contains("<link rel=\"canonical\" href=\"https://checksheet.example.com/en/items/rto/\">"))
        // A definition changed since is said as well, by its column's name: what the answer answered no longer stands.
        #expect(try #require(Self.files["en/revisions/2025-03-07/items/service-hours/index.html"])
            .contains("<p>This is the item as it stood on March 7, 2025. These have changed since: Definition. <a href="))
        #expect(try #require(Self.files["ja/revisions/2025-06-01/items/service-hours/index.html"])
            .contains("<p>これは2025年6月1日版時点の内容です。その後、次の欄が変更されています：規定内容。 <a href="))
        #expect(item.contains("<dd class=\"answer\"><p>Not disclosed</p>"))
        // A removed item's page has nowhere to go to before or after it: no empty navigation landmark.
        #expect(!(try #require(Self.files["ja/items/planned-outage-notice/index.html"])).contains("<nav class=\"pager\""))
        #expect(try #require(Self.files["ja/items/rto/index.html"]).contains("<nav class=\"pager\""))
        let current = try #require(Self.files["ja/revisions/2025-09-01/index.html"])
        #expect(current.contains("<p>これは現行版（2025年9月1日版）です。</p>"))
        // An archived page of the current version says so, and offers the item's permanent page, not "the current version".
        let currentItem = try #require(Self.files["en/revisions/2025-09-01/items/rto/index.html"])
        #expect(currentItem.contains("<p>This is the current version (dated September 1, 2025). <a href=\"../../../../items/rto/index.html\">Go to this item&#39;s permanent page</a></p>"))
    }

    @Test func aRemovedItemsURLSaysWhenItWasRemovedAndShowsItsLastText() throws {
        let page = try #require(Self.files["en/items/planned-outage-notice/index.html"])
        #expect(page.contains("<p>This item was removed in the version dated June 1, 2025. Below is its last text, as of March 7, 2025. <a href=\"../../changes/2025-06-01/index.html\">What this version changed</a></p>"))
        #expect(page.contains("<h1><span class=\"item-no\">2.</span> Advance notice of planned outages</h1>"))
        #expect(page.contains("<dd class=\"answer\"><p>Yes</p>"))
        #expect(page.contains("<a href=\"../../changes/2025-06-01/index.html\"><time datetime=\"2025-06-01\">Version dated June 1, 2025</time></a> <span class=\"badge history-what\">Removed</span>"))
    }

    @Test func eachItemPageListsItsOwnHistory() throws {
        let page = try #require(Self.files["ja/items/rto/index.html"])
        let events = page.matches(of: /<p class="history-event"><a href="[^"]+"><time datetime="([0-9-]+)">[^<]+版<\/time><\/a> <span class="badge history-what">([^<]+)<\/span><\/p>/).map { "\($0.1) \($0.2)" }
        #expect(events == ["2025-06-01 変更", "2025-03-07 初版で掲載"])
        // The revision that changed its answer also moved it from No. 4 to No. 5: the number is the first change listed.
        #expect(page.contains("<dl class=\"diff\">\n<div class=\"diff-field\"><dt>No.</dt><dd><p class=\"diff-text\"><del>4</del> <span class=\"diff-arrow\">→</span> <ins>5</ins></p></dd></div>\n<div class=\"diff-field\"><dt>設定等</dt>"))
        #expect(page.contains("<div class=\"diff-field\"><dt>設定等</dt><dd><p class=\"diff-text\"><del>非公開</del> <span class=\"diff-arrow\">→</span> <ins>4時間以内</ins></p></dd></div>"))
    }

    /// Customers cite items by number: a revision that only renumbered the item is in its history, with the numbers
    /// (it was missing, although the changes pages and "formerly No." said so).
    @Test func anItemsHistoryListsARevisionThatOnlyRenumberedIt() throws {
        let page = try #require(Self.files["en/items/encryption-in-transit/index.html"])
        let events = page.matches(of: /<p class="history-event"><a href="[^"]+"><time datetime="([0-9-]+)">[^<]+<\/time><\/a> <span class="badge history-what">([^<]+)<\/span><\/p>/).map { "\($0.1) \($0.2)" }
        #expect(events == ["2025-09-01 Changed", "2025-06-01 Renumbered", "2025-03-07 First published"])
        #expect(page.contains("<span class=\"badge history-what\">Renumbered</span></p>\n<dl class=\"diff\">\n<div class=\"diff-field\"><dt>No.</dt><dd><p class=\"diff-text\"><del>5</del> <span class=\"diff-arrow\">→</span> <ins>4</ins></p></dd></div>\n</dl>"))
        let ja = try #require(Self.files["ja/items/encryption-in-transit/index.html"])
        #expect(ja.contains("<span class=\"badge history-what\">番号変更</span></p>\n<dl class=\"diff\">\n<div class=\"diff-field\"><dt>No.</dt>"))
    }

    @Test func theEnglishSiteShowsPendingTranslationsInJapanese() throws {
        let page = try #require(Self.files["en/items/service-hours/index.html"])
        #expect(page.contains("<div class=\"field\"><dt>Definition</dt><dd><span class=\"pending-note\">Translation pending: the Japanese changed in the version dated September 1, 2025. The current Japanese text is shown.</span> <span lang=\"ja\">サービスを提供する時間帯（計画停止時間を含む）</span></dd></div>"))
        #expect(!page.contains("<dd>Hours during which the service is provided</dd>"))
        let sheet = try #require(Self.files["en/index.html"])
        #expect(sheet.contains("<td class=\"col-definition\" data-label=\"Definition\"><span class=\"pending-note\">"))
    }

    /// A pending item name is the page's heading as the Japanese says it; the note stands under the heading, not in it
    /// (a screen reader's list of headings read the whole note as the item's name).
    @Test func aPendingItemNameKeepsItsNoteOutOfTheHeading() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Self.root, toPath: work + "/content")
        let file = work + "/content/revisions/2025-09-01/ja/01-service-hours.md"
        let page = try String(contentsOfFile: file, encoding: .utf8)
        try page.replacingOccurrences(of: "item: サービス時間\n", with: "item: サービス提供時間\n").write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = Pipeline.build(content: ContentSource.read(from: work + "/content"), theme: Theme.read(from: Repository.theme))
        let files = Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        let en = try #require(files["en/items/service-hours/index.html"])
        #expect(en.contains("<h1><span class=\"item-no\">1.</span> <span lang=\"ja\">サービス提供時間</span></h1>\n<p class=\"pending-note\">Translation pending: the Japanese changed in the version dated September 1, 2025. The current Japanese text is shown.</p>\n"))
        #expect(try #require(files["ja/items/service-hours/index.html"]).contains("<h1><span class=\"item-no\">1.</span> サービス提供時間</h1>\n<p class=\"item-status\">"))
    }

    @Test func theCurrentSheetSaysWhatTheLatestRevisionChanged() throws {
        let en = try #require(Self.files["en/index.html"])
        #expect(en.contains("<section class=\"latest\" aria-labelledby=\"latest-heading\">\n<h2 id=\"latest-heading\">What changed in this version</h2>\n<p class=\"latest-summary\">0 added, 3 changed, 0 removed · <a href=\"changes/2025-09-01/index.html\">View the details</a></p>"))
        let badges = en.matches(of: /href="items\/([a-z-]+)\/index.html" data-print-url="[^"]+">[^<]+<\/a> <span class="badge badge-new">([^<]+)<\/span>/).map { "\($0.1) \($0.2)" }
        // RTO's English translates the Japanese its page showed since June: a translation, not new content.
        #expect(badges == ["service-hours Updated", "encryption-in-transit Updated", "rto Translated"])
        let ja = try #require(Self.files["ja/index.html"])
        #expect(ja.contains("<p class=\"latest-summary\">追加0件・変更2件・削除0件 · <a href=\"changes/2025-09-01/index.html\">詳細を見る</a></p>"))
        #expect(ja.contains(">目標復旧時間(RTO)</a> <span class=\"formerly\">旧No. 4</span></th>"))
        // Archived sheets have neither the box nor badges.
        let archived = try #require(Self.files["ja/revisions/2025-06-01/index.html"])
        #expect(!archived.contains("class=\"latest\"") && !archived.contains("badge-new") && !archived.contains("class=\"formerly\""))
    }

    @Test func printedPagesCarryTheSiteTheVersionAndThePermanentURL() throws {
        let item = try #require(Self.files["en/revisions/2025-03-07/items/rto/index.html"])
        #expect(item.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-print-header=\"Security check sheet based on the METI Cloud Service Level Checklist — Version dated March 7, 2025\" data-print-url=\"https://checksheet.example.com/en/revisions/2025-03-07/items/rto/\">"))
        let sheet = try #require(Self.files["ja/index.html"])
        #expect(sheet.contains("data-print-url=\"https://checksheet.example.com/ja/\">"))
    }

    @Test func anItemPageSaysWhenItsAnswerLastChangedAndItsFormerNumber() throws {
        let ja = try #require(Self.files["ja/items/rto/index.html"])
        #expect(ja.contains("<p class=\"item-status\"><span class=\"formerly\">旧No. 4</span></p>"))
        #expect(ja.contains("<p class=\"answer-changed\">設定等の最終変更：2025年6月1日</p>"))
        // The answer comes first, then definition, unit and category.
        let order = ja.matches(of: /<div class="field[^"]*"><dt>([^<]+)<\/dt>/).map { String($0.1) }
        #expect(order == ["設定等", "規定内容", "測定単位", "種別", "版"])
        let en = try #require(Self.files["en/items/encryption-in-transit/index.html"])
        #expect(en.contains("<p class=\"item-status\"><span class=\"badge badge-new\">Updated</span> <span class=\"formerly\">formerly No. 5</span></p>"))
        #expect(en.contains("<p class=\"answer-changed\">Response last changed: September 1, 2025</p>"))
    }

    @Test func theEnglishHistoryOfAnItemWithAPendingTranslationListsTheChange() throws {
        let page = try #require(Self.files["en/items/service-hours/index.html"])
        let events = page.matches(of: /<p class="history-event"><a href="[^"]+"><time datetime="([0-9-]+)">[^<]+<\/time><\/a> <span class="badge history-what">([^<]+)<\/span><\/p>/).map { "\($0.1) \($0.2)" }
        #expect(events == ["2025-09-01 Changed", "2025-03-07 First published"])
        #expect(page.contains("<p class=\"pending-note\">Translation pending: the Japanese changed in the version dated September 1, 2025. The current Japanese text is shown.</p>"))
    }

    @Test func aRemovedItemsViewInTheSheetPointsToTheLastSheetThatHadIt() throws {
        let page = try #require(Self.files["en/items/planned-outage-notice/index.html"])
        #expect(page.contains("<p class=\"item-links\"><a href=\"../../revisions/2025-03-07/index.html#planned-outage-notice\">View in the sheet</a>"))
        #expect(try #require(Self.files["en/revisions/2025-03-07/index.html"]).contains("<tr id=\"planned-outage-notice\""))
        #expect(!page.contains("class=\"answer-changed\"") && !page.contains("badge-new"))
    }

    @Test func theAtomFeedParsesWithOneEntryPerRevision() throws {
        let feed = try #require(Self.outcome.files?.first { $0.path == "ja/feed.xml" })
        let document = try XMLDocument(data: feed.contents)
        let entries = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == 3)
        let titles = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='title']").map { $0.stringValue ?? "" }
        #expect(titles == ["2025年9月1日版", "2025年6月1日版", "2025年3月7日版"])
        let content = try document.nodes(forXPath: "//*[local-name()='entry'][2]/*[local-name()='content']").first?.stringValue ?? ""
        // Every page names its language's feed in its head, for feed readers given any page's address.
        #expect(try #require(Self.files["ja/items/rto/index.html"]).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../../feed.xml\" title=\"更新フィード（Atom）\">"))
        #expect(try #require(Self.files["en/changes/2025-06-01/index.html"]).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../../feed.xml\" title=\"Updates feed (Atom)\">"))
        #expect(try #require(Self.files["404.html"]).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/ja/feed.xml\" title=\"更新フィード（Atom）\">"))
        #expect(content.hasPrefix("<p>追加1件・変更2件・削除1件・番号のみ変更1件</p><p>稼働率の目標を改定しました。</p>\n<h2>追加された項目</h2><ul><li><a href=\"https://checksheet.example.com/ja/items/backup-method/\">2. バックアップの方法</a></li></ul>"))
    }

    /// An English subscriber learns of every change the English changes page lists: the Japanese change awaiting
    /// translation too (the feed's count said "3 changed" and its list named two), and the items renumbered.
    @Test func theFeedListsWhatTheChangesPageLists() throws {
        let feed = try XMLDocument(data: try #require(Self.outcome.files?.first { $0.path == "en/feed.xml" }).contents)
        let contents = try feed.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='content']").map { $0.stringValue ?? "" }
        #expect(contents[0] == "<p>0 added, 3 changed, 0 removed</p><h2>Changed items</h2><ul>"
            + "<li><a href=\"https://checksheet.example.com/en/items/service-hours/\">1. Service hours</a></li>"
            + "<li><a href=\"https://checksheet.example.com/en/items/encryption-in-transit/\">4. Communication encryption level</a></li>"
            + "<li><a href=\"https://checksheet.example.com/en/items/rto/\">5. Recovery time objective (RTO)</a></li></ul>")
        #expect(contents[1].hasSuffix("<h2>Items whose number alone changed</h2><ul><li><a href=\"https://checksheet.example.com/en/items/encryption-in-transit/\">"
            + "4. Communication encryption level</a> (No. 5 → 4)</li></ul>"))
    }

    /// The changes download says what the revision's changes page says, in its language: the item's name, the kind
    /// of change and the field by their headers, an added item's answer, and on English pages the Japanese changes
    /// that await translation, with their note (it had English machine keys and left those out).
    @Test func aRevisionsChangesDownloadListsWhatItsPageDoes() throws {
        func csv(_ lines: [String]) -> String { "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n" }
        let japanese: [String] = [
            "slug,No.,サービスレベル項目,変更の種類,欄,変更前,変更後,注記",
            "availability-rate,3,サービス稼働率,変更,設定等,99.9%以上,99.95%以上,",
            "rto,5,目標復旧時間(RTO),番号変更,No.,4,5,",
            "rto,5,目標復旧時間(RTO),変更,設定等,非公開,4時間以内,",
            "backup-method,2,バックアップの方法,追加,設定等,,有。日次で取得,",
            "planned-outage-notice,2,計画停止予定通知,削除,設定等,有,,",
            "encryption-in-transit,4,通信の暗号化レベル,番号変更,No.,5,4,",
        ]
        #expect(try #require(Self.files["ja/downloads/changes-2025-06-01.csv"]) == csv(japanese))
        let pending = "\"Translation pending: the Japanese changed in the version dated September 1, 2025. The current Japanese text is shown.\""
        let english: [String] = [
            "slug,No.,Service level item,Change,Field,Before,After,Note",
            "service-hours,1,Service hours,Changed,Definition,サービスを提供する時間帯,サービスを提供する時間帯（計画停止時間を含む）," + pending,
            "encryption-in-transit,4,Communication encryption level,Changed,Provider's response,Yes. TLS 1.2,Yes. TLS 1.3,",
            // The English page showed the Japanese until this translation of it.
            "rto,5,Recovery time objective (RTO),Translated,Provider's response,4時間以内,Within 4 hours,"
                + "\"Translation of the Japanese change in the version dated June 1, 2025: the English replaces the Japanese shown until then.\"",
        ]
        #expect(try #require(Self.files["en/downloads/changes-2025-09-01.csv"]) == csv(english))
    }

    /// The copy button copies what the page says around the answer: that the item was removed, and that an English
    /// answer is the Japanese awaiting translation (both were left out of what a customer pastes into a form).
    @Test func aCopiedAnswerSaysTheItemWasRemovedOrItsTranslationIsPending() throws {
        let removed = try #require(Self.files["en/items/planned-outage-notice/index.html"])
        #expect(removed.contains("data-answer=\"Yes\" data-citation=\"— No. 2 Advance notice of planned outages (Version dated March 7, 2025; removed in the version dated June 1, 2025) https://checksheet.example.com/en/items/planned-outage-notice/\""))
        let japanese = try #require(Self.files["ja/items/planned-outage-notice/index.html"])
        #expect(japanese.contains("data-citation=\"— No. 2 計画停止予定通知（2025年3月7日版、2025年6月1日版で削除）https://checksheet.example.com/ja/items/planned-outage-notice/\""))
        let pending = try #require(Self.files["en/revisions/2025-06-01/items/rto/index.html"])
        #expect(pending.contains("data-answer=\"4時間以内\" data-citation=\"— No. 5 Recovery time objective (RTO) (Version dated June 1, 2025) https://checksheet.example.com/en/revisions/2025-06-01/items/rto/\n"
            + "Translation pending in this version: the Japanese had changed in the version dated June 1, 2025, and the Japanese text was shown.\""))
        // The current English answer is translated: no note.
        #expect(try #require(Self.files["en/items/rto/index.html"]).contains("data-citation=\"— No. 5 Recovery time objective (RTO) (Version dated September 1, 2025) https://checksheet.example.com/en/items/rto/\""))
    }

    /// An English download shows the Japanese of a field whose translation is pending, as the page does; it says so, in a
    /// last column (CSV, Excel) and a `pending` list (JSON), where it carried Japanese in an English file unexplained.
    @Test func anEnglishDownloadSaysWhichFieldsAreTheJapaneseAwaitingTranslation() throws {
        let csv = try #require(Self.files["en/downloads/checksheet-2025-09-01.csv"])
        #expect(csv.hasPrefix("\u{FEFF}No.,Section,Category,Service level item,Definition,Unit of measure,Provider's response,Version date,Permanent URL,Note\r\n"
            + "1,Application operations,Availability,Service hours,サービスを提供する時間帯（計画停止時間を含む）,time window,24/7,2025-09-01,"
            + "https://checksheet.example.com/en/items/service-hours/,\"Translation pending: the Japanese changed in the version dated September 1, 2025. The current Japanese text is shown.\"\r\n"
            + "2,Data management,Data management,Backup method,\"Backup contents, data storage location / format\",Yes/No / details,Yes. Taken daily,2025-09-01,"
            + "https://checksheet.example.com/en/items/backup-method/,\r\n"))
        let json = try #require(Self.files["en/downloads/checksheet-2025-09-01.json"])
        #expect(json.contains("\"no\" : 1,\n      \"pending\" : [\n        \"definition\"\n      ],\n      \"section\""))
        #expect(json.components(separatedBy: "\"pending\"").count == 2)
        // Titled as a printed page is headed: the sheet and the version set apart.
        #expect(json.contains("\"title\" : \"Security check sheet based on the METI Cloud Service Level Checklist — Version dated September 1, 2025\""))
        // Nothing pending, no column: the Japanese and the fully translated downloads are as they were.
        #expect(try #require(Self.files["ja/downloads/checksheet-2025-09-01.csv"]).hasPrefix("\u{FEFF}No.,区分,種別,サービスレベル項目,規定内容,測定単位,設定等,版の日付,固定URL\r\n"))
        #expect(try #require(Self.files["en/downloads/checksheet-2025-03-07.csv"]).hasPrefix("\u{FEFF}No.,Section,Category,Service level item,Definition,Unit of measure,Provider's response,Version date,Permanent URL\r\n"))
    }

    /// A revision's notes link to items as answers do (`../rto/index.html`, from an item's page); the notes are shown
    /// on pages at three depths and in the feed, where the same text led nowhere and the release gate refused it.
    @Test func linksInARevisionsNotesLeadToTheItemFromEveryPageThatShowsThem() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Self.root, toPath: work + "/content")
        let file = work + "/content/revisions/2025-09-01/revision.yml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
            + "notes:\n  ja: \"[目標復旧時間](../rto/index.html#answer)を改定しました。\"\n  en: \"We revised the [RTO](../rto/index.html).\"\n"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = Pipeline.build(content: ContentSource.read(from: work + "/content"), theme: Theme.read(from: Repository.theme))
        let files = Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        #expect(try #require(files["ja/index.html"]).contains("<a href=\"items/rto/index.html#answer\">目標復旧時間</a>を改定しました。"))
        #expect(try #require(files["ja/changes/index.html"]).contains("<a href=\"../items/rto/index.html#answer\">目標復旧時間</a>"))
        #expect(try #require(files["ja/changes/2025-09-01/index.html"]).contains("<a href=\"../../items/rto/index.html#answer\">目標復旧時間</a>"))
        #expect(try #require(files["en/changes/2025-09-01/index.html"]).contains("We revised the <a href=\"../../items/rto/index.html\">RTO</a>."))
        #expect(try #require(files["en/feed.xml"]).contains("We revised the &lt;a href=&quot;https://checksheet.example.com/en/items/rto/&quot;&gt;RTO&lt;/a&gt;."))
    }

    /// The fixture's site with a fourth revision, 2025-12-01: the third's pages, and as No. 6 the page the first had
    /// as No. 2 (the item 2025-06-01 removed), as `page` makes it of that page in each language; its files by path.
    static func withDecember(_ page: (String) -> String) throws -> [String: String] {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revisions = work + "/content/revisions"
        try FileManager.default.copyItem(atPath: root, toPath: work + "/content")
        try FileManager.default.copyItem(atPath: revisions + "/2025-09-01", toPath: revisions + "/2025-12-01")
        try "date: 2025-12-01\ntitle:\n  ja: 2025年12月1日版\n  en: Version dated December 1, 2025\n".write(toFile: revisions + "/2025-12-01/revision.yml", atomically: true, encoding: .utf8)
        for language in ["ja", "en"] {
            let made = page(try String(contentsOfFile: revisions + "/2025-03-07/\(language)/02-planned-outage-notice.md", encoding: .utf8))
            let slug = try #require(made.firstMatch(of: /slug: ([a-z0-9-]+)/)).output.1
            try made.write(toFile: revisions + "/2025-12-01/\(language)/06-\(slug).md", atomically: true, encoding: .utf8)
        }
        let outcome = Pipeline.build(content: ContentSource.read(from: work + "/content"), theme: Theme.read(from: Repository.theme))
        return Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// An item a revision removed and a later one brings back is restored, not new: its history, the sheet's badge,
    /// the changes page and its download say so (they said "added" and "New", as for an item never seen before).
    @Test func anItemBroughtBackIsRestoredNotNew() throws {
        let files = try Self.withDecember { old in old.replacingOccurrences(of: "no: 2\n", with: "no: 6\n") }
        let item = try #require(files["ja/items/planned-outage-notice/index.html"])
        let events = item.matches(of: /<time datetime="([0-9-]+)">[^<]+<\/time><\/a> <span class="badge history-what">([^<]+)<\/span>/).map { "\($0.1) \($0.2)" }
        #expect(events == ["2025-12-01 再掲載", "2025-06-01 削除", "2025-03-07 初版で掲載"])
        // Its answer came back as it was: it last changed when first published.
        #expect(item.contains("<p class=\"answer-changed\">設定等の最終変更：2025年3月7日</p>"))
        #expect(try #require(files["en/index.html"]).contains(">Advance notice of planned outages</a> <span class=\"badge badge-new\">Restored</span>"))
        #expect(try #require(files["ja/changes/2025-12-01/index.html"]).contains("<h3><a href=\"../../items/planned-outage-notice/index.html\">6. 計画停止予定通知</a> <span class=\"change-note\">再掲載</span></h3>"))
        #expect(try #require(files["ja/downloads/changes-2025-12-01.csv"]).contains("\r\nplanned-outage-notice,6,計画停止予定通知,再掲載,設定等,,有,\r\n"))
        // Since 2025-06-01, which lacked it, it is back; backup-method, first added then, is new wherever it is listed.
        #expect(try #require(files["en/changes/since/2025-06-01/index.html"]).contains("6. Advance notice of planned outages</a> <span class=\"change-note\">Restored</span></h3>"))
        #expect(try #require(files["ja/items/backup-method/index.html"]).contains("<span class=\"badge history-what\">追加</span>"))
        #expect(!(try #require(files["ja/changes/since/2025-03-07/index.html"]).contains("再掲載")))
    }

    /// An added or removed item's answer is shown on the changes pages, deeper than its item page its links are
    /// written from: they lead to the item there too (they led nowhere, and the release gate refused every later
    /// revision for it).
    @Test func linksInAnAddedOrRemovedItemsAnswerWorkOnTheChangesPages() throws {
        let files = try Self.withDecember { old in
            old.replacingOccurrences(of: "no: 2\n", with: "no: 6\n").replacingOccurrences(of: "slug: planned-outage-notice", with: "slug: outage-history")
                + "\nSee [RTO](../rto/index.html#answer).\n"
        }
        #expect(try #require(files["en/changes/2025-12-01/index.html"]).contains("See <a href=\"../../items/rto/index.html#answer\">RTO</a>."))
        #expect(try #require(files["en/changes/since/2025-03-07/index.html"]).contains("See <a href=\"../../../items/rto/index.html#answer\">RTO</a>."))
    }

    /// Search and questionnaire answers say what the pages say: an English field whose translation is pending is the
    /// current Japanese there too (the index held the English the Japanese no longer says, and answers gave it).
    @Test func searchAndAnswersGiveThePendingJapaneseAsThePagesDo() throws {
        let index = try #require(Self.files["en/search-index.json"])
        #expect(index.contains("サービスを提供する時間帯（計画停止時間を含む）"))
        #expect(!index.contains("Hours during which the service is provided"))
        let sheet = ContentLoader.load(ContentSource.read(from: Self.root)).sheet!
        let questionnaire = try Questionnaire.read(Data("Question\nWhat are your service hours?\n".utf8), file: "q.csv").get()
        let answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: .en))
        #expect(answers.rows.first?.answer.matches.first?.slug == "service-hours")
        let japanese = try #require(QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: .ja))
        #expect(japanese.revision.items.ja == sheet.current!.items.ja)
        #expect(answers.revision.item("service-hours", .en)?.definition == "サービスを提供する時間帯（計画停止時間を含む）")
    }

    @Test func everyURLOfEveryRevisionStillExists() throws {
        let paths = Set(Self.files.keys)
        for entry in Self.history.entries {
            for language in Language.allCases {
                for item in entry.revision.items[language] {
                    #expect(paths.contains(SitePath.item(item.slug, language)))
                    #expect(paths.contains(SitePath.archivedItem(item.slug, entry.revision.date, language)))
                }
                #expect(paths.contains(SitePath.archive(entry.revision.date, language)))
            }
        }
    }
}
