import Foundation
import Testing
import TestSupport

/// The docs team's release workflow through the real binary: drafts, the release gate, `publish`, and the
/// translation round trip through translate-toolkit (XLIFF 1.2, validated against the OASIS schema) and CSV.
@Suite(.serialized) struct ReleaseWorkflowTests {
    typealias CLI = CommandLineTests
    static let seed = Repository.fixtures + "/import/checksheet-2025-03-07.tsv"
    /// Text that appears nowhere but in the draft.
    static let marker = "4時間以内（目標値）"

    /// A copy of the real Content/ with a draft 2025-09-01 imported from the seed export with three answers changed.
    static func contentWithDraft(_ work: String) throws -> String {
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        try nextExport(to: work + "/export.tsv")
        let run = try CLI.run(["import", work + "/export.tsv", "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        return content
    }

    /// The seed sheet as the next Excel export: MTTR published, longer backups, TLS 1.3.
    static func nextExport(to path: String) throws {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
            .replacingOccurrences(of: "障害発生から修理完了までの平均時間（修理時間の和 ÷ 故障回数）\t時間\t非公開", with: "障害発生から修理完了までの平均時間（修理時間の和 ÷ 故障回数）\t時間\t\(marker)")
            .replacingOccurrences(of: "\t72時間", with: "\t96時間")
            .replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3")
            .replacingOccurrences(of: "2025年3月7日版", with: "2025年9月1日版")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A copy of the real content in `work` with a draft revision of 2025-10-01 started by `new-revision`, given
    /// release notes when there are `notes`.
    static func draftOfOctober(in work: String, notes: (ja: String, en: String)? = nil) throws -> (content: String, revision: String) {
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        #expect(try CLI.run(["new-revision", "2025-10-01", "--content", content]).status == 0)
        let revision = content + "/revisions/2025-10-01"
        if let notes {
            try write("date: '2025-10-01'\ntitle:\n  ja: 2025年10月1日版\n  en: Version dated October 1, 2025\ndraft: true\nnotes:\n  ja: \(notes.ja)\n  en: \(notes.en)\n",
                      to: revision + "/revision.yml")
        }
        return (content, revision)
    }

    @Test func importAndNewRevisionMakeDraftsThatBuildLeavesOutOfEveryFile() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Self.contentWithDraft(work)
        #expect(try String(contentsOfFile: content + "/revisions/2025-09-01/revision.yml", encoding: .utf8)
            == "date: '2025-09-01'\ntitle:\n  ja: 2025年9月1日版\n  en: Version dated September 1, 2025\ndraft: true\n")

        let withDraft = try CLI.run(["build", "--content", content, "--output", work + "/with-draft"])
        let without = try CLI.run(["build", "--output", work + "/published"])
        #expect(withDraft.status == 0 && without.status == 0, "\(withDraft.errors)")
        #expect(withDraft.errors == "")
        // Nothing of the draft anywhere: the build is byte for byte the build of the published content alone.
        // (The folders' markers differ: they record what each build read, the draft included.)
        let published = FileTree.read(work + "/with-draft").filter { $0.key != ".checksheet-build.json" }
        #expect(published == FileTree.read(work + "/published").filter { $0.key != ".checksheet-build.json" })
        for (path, data) in published {
            let text = String(decoding: data, as: UTF8.self)
            for needle in ["2025-09-01", "2025年9月1日", "September 1, 2025", Self.marker, "96時間", "TLS 1.3", "banner-draft"] {
                #expect(!text.contains(needle), "\(path) mentions \(needle)")
            }
        }

        let drafts = try CLI.run(["build", "--drafts", "--content", content, "--output", work + "/drafts"])
        #expect(drafts.status == 0, "\(drafts.errors)")
        let preview = FileTree.read(work + "/drafts")
        let pages = preview.filter { $0.key.hasSuffix(".html") && $0.key != "index.html" }
        #expect(pages.count > 200)
        for (path, data) in pages {
            let text = String(decoding: data, as: UTF8.self)
            let notice = path.hasPrefix("en/")
                ? "<div class=\"banner banner-draft\" role=\"note\"><p><strong>Draft, not published: the version dated September 1, 2025 is shown for review before publication.</strong></p></div>"
                : "<div class=\"banner banner-draft\" role=\"note\"><p><strong>下書き・未公開：2025年9月1日版は公開前の確認用です。</strong></p></div>"
            #expect(text.contains(notice), "\(path) has no draft notice")
        }
        #expect(String(decoding: preview["ja/items/mttr/index.html"]!, as: UTF8.self).contains(Self.marker))

        // new-revision starts a draft too; `check` validates drafts like everything else.
        #expect(try CLI.run(["new-revision", "2025-10-01", "--content", content]).status == 0)
        try Self.write("---\nno: 10\nslug: mttr\n", to: content + "/revisions/2025-10-01/ja/10-mttr.md")
        let check = try CLI.run(["check", "--content", content])
        #expect(check.status == 1)
        #expect(check.errors.contains("\(content)/revisions/2025-10-01/ja/10-mttr.md:1:1: error: the front matter is not closed\n"))
    }

    @Test func theGateListsEveryProblemAndPublishChangesNothing() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        var export = try String(contentsOfFile: Self.seed, encoding: .utf8).replacingOccurrences(of: "\t72時間", with: "\t96時間")
        export = export.trimmingCharacters(in: .newlines) + "\n50\t\t多要素認証\t多要素認証の提供有無\t有無\t有。全プランで提供\n"
        try Self.write(export, to: work + "/export.tsv")
        #expect(try CLI.run(["import", work + "/export.tsv", "--date", "2025-09-01", "--content", content]).status == 0)
        let revision = content + "/revisions/2025-09-01"
        // An answer that shows nothing, and one that links to a page the site does not have.
        let hours = try String(contentsOfFile: revision + "/ja/01-service-hours.md", encoding: .utf8)
        try Self.write(hours.replacingOccurrences(of: "24時間365日（計画停止／定期保守を除く）", with: "<!-- 未定 -->"), to: revision + "/ja/01-service-hours.md")
        try Self.write("---\nno: 2\nslug: planned-outage-notice\nsection: Application operations\ncategory: Availability\nitem: Advance notice of planned outages\ndefinition: Advance notice of maintenance\nunit: Yes/No\n---\nYes. See [the schedule](../maintenance-schedule/index.html).\n",
                       to: revision + "/en/02-planned-outage-notice.md")
        // A second draft dated before the current sheet.
        try FileManager.default.createDirectory(atPath: content + "/revisions/2025-01-01", withIntermediateDirectories: true)
        for entry in try FileManager.default.contentsOfDirectory(atPath: content + "/revisions/2025-03-07") where entry != "revision.yml" {
            try FileManager.default.copyItem(atPath: content + "/revisions/2025-03-07/" + entry, toPath: content + "/revisions/2025-01-01/" + entry)
        }
        try Self.write("date: '2025-01-01'\ntitle:\n  ja: 2025年1月1日版\n  en: Version dated January 1, 2025\ndraft: true\nnotes:\n  ja: 誤り\n  en: A mistake\n", to: content + "/revisions/2025-01-01/revision.yml")

        let gate = try CLI.run(["check", "--release", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.output == "")
        #expect(gate.errors == """
            \(content)/revisions/2025-01-01/revision.yml:1:1: error: the revision is dated 2025-01-01, before the current sheet of 2025-03-07
              hint: a new revision is dated after the one it replaces; rename the folder and its `date:`
            \(revision)/en/01-service-hours.md:11:1: error: the English 'answer' of 'service-hours' is pending: its Japanese changed in 2025-09-01
              hint: translate the change: `checksheet translations export --revision 2025-09-01`
            \(revision)/en/02-planned-outage-notice.md:10:1: error: the English 'answer' of 'planned-outage-notice' links to ../maintenance-schedule/index.html, the Japanese nowhere
              hint: an English answer links where its Japanese does: correct the English link targets (links are not translated), or change the Japanese answer first
            \(revision)/en/02-planned-outage-notice.md:10:25: error: the answer of 'planned-outage-notice' links to '../maintenance-schedule/index.html', which is not a page of the site
              hint: link to an item as `../OTHER-SLUG/index.html`, or give a full https:// address
            \(revision)/en/30-backup-retention.md:11:1: error: the English 'answer' of 'backup-retention' is pending: its Japanese changed in 2025-09-01
              hint: translate the change: `checksheet translations export --revision 2025-09-01`
            \(revision)/ja/01-service-hours.md:11:1: warning: the answer of 'service-hours' holds raw HTML, '<!-- 未定 -->', which the page leaves out
              hint: readers never see it, and the page's source says `<!-- raw HTML omitted -->` in its place: delete it, or keep such notes outside the answer
            \(revision)/ja/01-service-hours.md:11:1: error: the answer of 'service-hours' shows no text
              hint: write the provider's answer (設定等)
            \(revision)/ja/50-item-50.md:3:1: error: 'item-50' is a provisional slug
              hint: give the item its permanent URL name (in both languages' pages) before it is published; it never changes afterwards
            \(revision)/ja/50-item-50.md:3:1: error: item 'item-50' has no English page
              hint: translate it: `checksheet translations export --revision 2025-09-01`, then `checksheet translations import FILE`
            \(revision)/revision.yml:1:1: error: the revision has no English notes
              hint: add `notes:` with `ja:` and `en:`: what changed, for the changes page and the feed
            \(revision)/revision.yml:1:1: error: the revision has no Japanese notes
              hint: add `notes:` with `ja:` and `en:`: what changed, for the changes page and the feed
            10 errors, 1 warning

            """)
        let before = FileTree.read(content)
        let publish = try CLI.run(["publish", "2025-09-01", "--content", content])
        #expect(publish.status == 1)
        #expect(publish.errors.hasSuffix("9 errors, 1 warning\nThe revision 2025-09-01 was not published; fix the problems above and run `checksheet publish 2025-09-01` again.\n"))
        #expect(FileTree.read(content) == before)
        // A revision published already is left as it is: nothing to fix, nothing done (it said "fix the problems above").
        let published = try CLI.run(["publish", "2025-03-07", "--content", content])
        #expect(published.status == 0)
        #expect(published.errors == "")
        #expect(published.output == "The revision 2025-03-07 is published already: it has been the current sheet since 2025-03-07. Nothing to publish; nothing was changed.\n")
        #expect(FileTree.read(content) == before)
    }

    @Test func aCleanDraftPassesAndPublishingRemovesOnlyTheFlag() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.draftOfOctober(in: work)
        let metadata = "# Edited by the docs team.\ndate: '2025-10-01'\ntitle:\n  ja: 2025年10月1日版   # 表紙の表記\n  en: Version dated October 1, 2025\ndraft: true  # until `checksheet publish`\nnotes:\n  ja: 変更はありません。\n  en: Nothing changed.\n"
        try Self.write(metadata, to: revision + "/revision.yml")
        let english = try String(contentsOfFile: revision + "/en/42-encryption-in-transit.md", encoding: .utf8)
        try Self.write(english.replacingOccurrences(of: "Yes. TLS 1.2", with: "Yes. TLS 1.2 or later"), to: revision + "/en/42-encryption-in-transit.md")

        let gate = try CLI.run(["check", "--release", "--content", content])
        #expect(gate.status == 0, "\(gate.errors)")
        #expect(gate.output == "Release 2025-10-01 (replaces 2025-03-07), 49 items: 0 added, 0 changed, 0 removed, 0 renumbered\nReady: checksheet publish 2025-10-01\n")
        let publish = try CLI.run(["publish", "2025-10-01", "--content", content])
        #expect(publish.status == 0, "\(publish.errors)")
        #expect(publish.output == """
            Published 2025-10-01: removed `draft: true` from \(revision)/revision.yml
            Release 2025-10-01 (replaces 2025-03-07), 49 items: 0 added, 0 changed, 0 removed, 0 renumbered
            Now build the site: checksheet build

            """)
        #expect(try String(contentsOfFile: revision + "/revision.yml", encoding: .utf8) == metadata.replacingOccurrences(of: "draft: true  # until `checksheet publish`\n", with: ""))
        let build = try CLI.run(["build", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0)
        #expect(FileTree.read(work + "/public")["en/changes/2025-10-01/index.html"] != nil)
    }

    /// English translated inside a draft, whose Japanese is then edited again in the same draft, is pending: the
    /// import records what each field translates (`translations.yml`), so the gate refuses it at the English page's
    /// line. English edited by hand after that counts as the translation.
    @Test func englishTranslatedInADraftIsPendingWhenItsJapaneseChangesAgain() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.draftOfOctober(in: work, notes: ("TLS 1.3に移行。", "Moved to TLS 1.3."))
        let japanesePage = revision + "/ja/42-encryption-in-transit.md", englishPage = revision + "/en/42-encryption-in-transit.md"
        let japanese = try String(contentsOfFile: japanesePage, encoding: .utf8)
        try Self.write(japanese.replacingOccurrences(of: "---\n有。TLS 1.2\n", with: "---\n有。TLS 1.3\n"), to: japanesePage)
        let csv = work + "/translations.csv"
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--content", content]).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(exported.hasSuffix("encryption-in-transit/answer,42,通信の暗号化レベル,answer,有。TLS 1.3,有。TLS 1.2,Yes. TLS 1.2,\r\n"))
        try Self.write(exported.replacingOccurrences(of: "Yes. TLS 1.2,\r\n", with: "Yes. TLS 1.2,Yes. TLS 1.3\r\n"), to: csv)
        let imported = try CLI.run(["translations", "import", csv, "--content", content])
        #expect(imported.output == "Wrote 1 field into 1 English page of 2025-10-01:\n  \(englishPage): answer\nNo English is missing or pending in 2025-10-01.\n")
        #expect(try String(contentsOfFile: revision + "/translations.yml", encoding: .utf8) == """
            # Written by `checksheet translations import`: for each English field it wrote (slug/field), a hash of the
            # Japanese it translated (ja) and of the English it wrote (en). While the English stays as written, a change
            # of that Japanese makes the field pending translation. Not edited by hand.
            encryption-in-transit/answer:
              ja: f32e4c12ac23ea6a
              en: 77afcd37badc4c37

            """)
        let release = "Release 2025-10-01 (replaces 2025-03-07), 49 items: 0 added, 1 changed, 0 removed, 0 renumbered\n"
            + "  changed     42. 通信の暗号化レベル [encryption-in-transit]: answer\n"
        let ready = try CLI.run(["check", "--release", "--content", content])
        #expect(ready.status == 0, "\(ready.errors)")
        #expect(ready.output.hasPrefix(release))

        // The Japanese changes again; the English still says what it translated.
        try Self.write(japanese.replacingOccurrences(of: "---\n有。TLS 1.2\n", with: "---\n有。TLS 1.3のみ（TLS 1.2は2025年12月に廃止）\n"), to: japanesePage)
        let gate = try CLI.run(["check", "--release", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.output == "")
        #expect(gate.errors == """
            \(englishPage):11:1: error: the English 'answer' of 'encryption-in-transit' is pending: its Japanese changed in 2025-10-01
              hint: translate the change: `checksheet translations export --revision 2025-10-01`
            1 error

            """)
        let strict = try CLI.run(["check", "--strict", "--content", content])
        #expect(strict.status == 1)
        #expect(strict.errors == """
            \(englishPage):11:1: error: the Japanese 'answer' of 'encryption-in-transit' changed in revision 2025-10-01 but its English did not
              hint: translate the change; until then the English site shows the current Japanese with a “translation pending” notice
            1 error

            """)
        #expect(try CLI.run(["publish", "2025-10-01", "--content", content]).status == 1)
        // The unit to translate again offers the English written, but no previous Japanese: the one it translated is not 有。TLS 1.2.
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--force", "--content", content]).status == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasSuffix(
            "encryption-in-transit/answer,42,通信の暗号化レベル,answer,有。TLS 1.3のみ（TLS 1.2は2025年12月に廃止）,,Yes. TLS 1.3,\r\n"))
        let xliff = work + "/translations.xlf"
        #expect(try CLI.run(["translations", "export", "--out", xliff, "--content", content]).status == 0)
        let units = try String(contentsOfFile: xliff, encoding: .utf8)
        #expect(units.contains("<note from=\"checksheet\">No. 42 通信の暗号化レベル: answer; the Japanese changed; the previous English needs updating</note>\n      </trans-unit>"))
        #expect(!units.contains("<alt-trans"))
        let build = try CLI.run(["build", "--drafts", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0, "\(build.errors)")
        let page = String(decoding: FileTree.read(work + "/public")["en/items/encryption-in-transit/index.html"]!, as: UTF8.self)
        #expect(page.contains("有。TLS 1.3のみ（TLS 1.2は2025年12月に廃止）"))
        #expect(!page.contains("<p>Yes. TLS 1.3</p>"))

        // Edited by hand, the English is its translation.
        let english = try String(contentsOfFile: englishPage, encoding: .utf8)
        try Self.write(english.replacingOccurrences(of: "---\nYes. TLS 1.3\n", with: "---\nYes. TLS 1.3 only (TLS 1.2 retired in December 2025)\n"), to: englishPage)
        let passed = try CLI.run(["check", "--release", "--content", content])
        #expect(passed.status == 0, "\(passed.errors)")
        #expect(passed.output == release + "Ready: checksheet publish 2025-10-01\n")
        #expect(try CLI.run(["check", "--strict", "--content", content]).status == 0)
    }

    /// The OASIS XLIFF 1.2 strict schema as Debian ships it (php-symfony-translation), its xml.xsd import made local.
    static func schema(in work: String) throws -> String {
        let folder = ProcessInfo.processInfo.environment["XLIFF_SCHEMAS"] ?? "/usr/local/share/xliff-schemas"
        let original = try String(contentsOfFile: folder + "/xliff-core-1.2-strict.xsd", encoding: .utf8)
        let local = original.replacingOccurrences(of: "schemaLocation=\"http://www.w3.org/2001/xml.xsd\"", with: "schemaLocation=\"\(folder)/xml.xsd\"")
        try Self.write(local, to: work + "/xliff-core-1.2-strict.xsd")
        return work + "/xliff-core-1.2-strict.xsd"
    }

    static func tool(_ path: String, _ arguments: [String]) throws -> CLI.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    static let english = [
        "mttr/answer": "Within 4 hours (target)",
        "backup-retention/answer": "96 hours",
        "encryption-in-transit/answer": "Yes. TLS 1.3",
    ]

    /// An answer's link to an id its target page does not have, from the site's root, or to a folder works on a web
    /// server's root at best: opened from disk, or published below a path, it leads nowhere. The gate refuses each at
    /// its place in the answer, with the link that works; links to real ids pass.
    @Test func theGateRefusesAnswerLinksThatOnlyWorkFromAServersRoot() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        let page = revision + "/en/10-mttr.md"
        let mttr = try String(contentsOfFile: page, encoding: .utf8)
        try Self.write(mttr.replacingOccurrences(of: "---\nNot disclosed\n", with: """
            ---
            Not disclosed; see [RTO](../rto/index.html#item-rto) and [the sheet](../../index.html#rto).
            Broken: [RTO](../rto/index.html#nope), [RTO](/en/items/rto/index.html),
            [RTO](../rto/) and [RTO](../rto/index.html#nope) again.

            """), to: page)

        let gate = try CLI.run(["check", "--release", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.output == "")
        let anchor = """
            error: the answer of 'mttr' links to '../rto/index.html#nope', but en/items/rto/index.html has no element with id 'nope'
              hint: link to the page, `../rto/index.html`, or to one of its ids (#history-heading, #item-rto, #main, #search-input, #search-results, #search-status)
            """
        #expect(gate.errors == """
            \(page):11:1: error: the English 'answer' of 'mttr' links to ../../index.html#rto, ../rto/, ../rto/index.html#item-rto, ../rto/index.html#nope, ../rto/index.html#nope and /en/items/rto/index.html, the Japanese nowhere
              hint: an English answer links where its Japanese does: correct the English link targets (links are not translated), or change the Japanese answer first
            \(page):12:15: \(anchor)
            \(page):12:46: error: the answer of 'mttr' links to '/en/items/rto/index.html', a link from the site's root, which leads nowhere when the site is opened from disk or published below a path
              hint: write it relative to the item's page: `../rto/index.html`
            \(page):13:7: error: the answer of 'mttr' links to '../rto/', a link to a folder, which shows a file listing instead of the page when the site is opened from disk
              hint: write it relative to the item's page: `../rto/index.html`
            \(page):13:26: \(anchor)
            5 errors

            """)
        let publish = try CLI.run(["publish", "2025-10-01", "--content", content])
        #expect(publish.status == 1)
        #expect(publish.errors.contains("\n\(page):12:15: \(anchor)\n"))
        #expect(try String(contentsOfFile: revision + "/revision.yml", encoding: .utf8).contains("draft: true\n"))
    }

    /// A revision's notes are written as answers are; the gate refuses their broken links where the docs team wrote
    /// them, in revision.yml, once each (they were reported against every built page that shows the notes).
    @Test func theGateRefusesBrokenLinksInNotesAtTheirPlaceInRevisionYml() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.draftOfOctober(in: work, notes: ("'[目標復旧時間](../rto/index.html#nope)を改定。[RTO](/ja/items/rto/index.html)'",
                                                                            "See [RTO](../nope/index.html) and [RPO](../rpo/index.html)."))
        let file = revision + "/revision.yml"
        let gate = try CLI.run(["check", "--release", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.errors == """
            \(file):7:17: error: the ja notes link to '../rto/index.html#nope', but ja/items/rto/index.html has no element with id 'nope'
              hint: link to the page, `../rto/index.html`, or to one of its ids (#history-heading, #item-rto, #main, #search-input, #search-results, #search-status)
            \(file):7:50: error: the ja notes link to '/ja/items/rto/index.html', a link from the site's root, which leads nowhere when the site is opened from disk or published below a path
              hint: write it relative to an item's page, as in answers: `../rto/index.html`
            \(file):8:17: error: the en notes link to '../nope/index.html', which is not a page of the site
              hint: link to an item as `../OTHER-SLUG/index.html`, or give a full https:// address
            3 errors

            """)
    }

    /// A half-edited draft does not keep a fix to the published sheet from shipping: `build` leaves the draft out and
    /// lists its errors as warnings that say so; `check`, `build --drafts` and the gate still refuse it.
    @Test func aBrokenDraftDoesNotStopTheBuildOfThePublishedSheet() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        let page = revision + "/ja/10-mttr.md"
        try Self.write(try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "no: 10\n", with: "no: 三\n"), to: page)
        let error = "\(page):2:5: error: 'no' must be a whole number from 1, found '三'"
        let check = try CLI.run(["check", "--content", content])
        #expect(check.status == 1)
        #expect(check.errors.contains(error + "\n"), "\(check.errors)")

        let build = try CLI.run(["build", "--content", content, "--output", work + "/out"])
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.errors.contains("\(page):2:5: warning: in draft 2025-10-01, which this build leaves out: 'no' must be a whole number from 1, found '三'\n"), "\(build.errors)")
        #expect(!build.errors.contains("error:"))
        let published = try CLI.run(["build", "--output", work + "/published"])
        #expect(published.status == 0)
        #expect(FileTree.read(work + "/out").filter { $0.key != ".checksheet-build.json" } == FileTree.read(work + "/published").filter { $0.key != ".checksheet-build.json" })

        let drafts = try CLI.run(["build", "--drafts", "--content", content, "--output", work + "/drafts"])
        #expect(drafts.status == 1 && drafts.errors.contains(error + "\n"))
        // Outside the draft, an error stops the build as ever.
        let current = content + "/revisions/2025-03-07/ja/10-mttr.md"
        try Self.write(try String(contentsOfFile: current, encoding: .utf8).replacingOccurrences(of: "no: 10\n", with: "no: 十\n"), to: current)
        #expect(try CLI.run(["build", "--content", content, "--output", work + "/out"]).status == 1)
    }

    @Test func xliffRoundTripThroughTranslateToolkit() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Self.contentWithDraft(work)
        let revision = content + "/revisions/2025-09-01"
        // A comment and a quoted value the docs team wrote: the import must keep both.
        let mttr = try String(contentsOfFile: revision + "/en/10-mttr.md", encoding: .utf8)
            .replacingOccurrences(of: "unit: hours\n", with: "unit: 'hours'  # as in the SLA\n# Reviewed by legal.\n")
        try Self.write(mttr, to: revision + "/en/10-mttr.md")

        let xliff = work + "/translations.xlf"
        let export = try CLI.run(["translations", "export", "--out", xliff, "--content", content])
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.output == "Wrote 3 fields of 3 items of 2025-09-01 to \(xliff)\n  mttr/answer\n  backup-retention/answer\n  encryption-in-transit/answer\n")
        let text = try String(contentsOfFile: xliff, encoding: .utf8)
        #expect(text.contains("""
                  <trans-unit id="mttr/answer" resname="mttr/answer" xml:space="preserve">
                    <source xml:lang="ja">\(Self.marker)</source>
                    <context-group name="mttr/answer" purpose="information">
                      <context context-type="x-item-number">10</context>
                      <context context-type="x-item-name">平均復旧時間(MTTR)</context>
                      <context context-type="x-field">answer</context>
                      <context context-type="x-previous-source">非公開</context>
                      <context context-type="x-previous-target">Not disclosed</context>
                    </context-group>
                    <note from="checksheet">No. 10 平均復旧時間(MTTR): answer; the Japanese changed; the previous English needs updating</note>
                    <alt-trans origin="previous revision">
                      <source xml:lang="ja">非公開</source>
                      <target xml:lang="en">Not disclosed</target>
                    </alt-trans>
                  </trans-unit>
            """))
        let schema = try Self.schema(in: work)
        let valid = try Self.tool("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", schema, xliff])
        #expect(valid.status == 0 && valid.errors == "\(xliff) validates\n", "\(valid.errors)")

        // The translator's tool: translate-toolkit reads the units and their context and writes the English back.
        try Self.write(String(decoding: try JSONSerialization.data(withJSONObject: Self.english), as: UTF8.self), to: work + "/english.json")
        let translated = try Self.tool(Repository.root + "/Tests/Translation/translate_xliff.py", [xliff, work + "/english.json"])
        #expect(translated.status == 0, "\(translated.errors)")
        #expect(translated.output == """
            mttr/answer\tNo. 10 平均復旧時間(MTTR)\tanswer\tprevious: Not disclosed\tstate: translated
            backup-retention/answer\tNo. 30 バックアップデータの保存期間\tanswer\tprevious: 72 hours\tstate: translated
            encryption-in-transit/answer\tNo. 42 通信の暗号化レベル\tanswer\tprevious: Yes. TLS 1.2\tstate: translated

            """)
        #expect(try Self.tool("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", schema, xliff]).status == 0)

        let japanese = FileTree.read(revision + "/ja")
        let imported = try CLI.run(["translations", "import", xliff, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == """
            Wrote 3 fields into 3 English pages of 2025-09-01:
              \(revision)/en/10-mttr.md: answer
              \(revision)/en/30-backup-retention.md: answer
              \(revision)/en/42-encryption-in-transit.md: answer
            No English is missing or pending in 2025-09-01.

            """)
        #expect(FileTree.read(revision + "/ja") == japanese)
        #expect(try String(contentsOfFile: revision + "/en/10-mttr.md", encoding: .utf8) == mttr.replacingOccurrences(of: "Not disclosed", with: "Within 4 hours (target)"))

        let build = try CLI.run(["build", "--drafts", "--strict", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0)
        #expect(build.errors == "")
        let page = String(decoding: FileTree.read(work + "/public")["en/items/backup-retention/index.html"]!, as: UTF8.self)
        #expect(page.contains("<p>96 hours</p>"))
        #expect(!page.contains("Translation pending"))
    }

    /// A revision started as a copy of the draft has the same Japanese, so the translations of an XLIFF file exported
    /// from the draft would land in the copy if the import took the newest revision: it takes the one the file names.
    @Test func anXLIFFFileGoesBackToTheRevisionItWasExportedFrom() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Self.contentWithDraft(work)
        let xliff = work + "/translations.xlf"
        #expect(try CLI.run(["translations", "export", "--out", xliff, "--content", content]).status == 0)
        #expect(try CLI.run(["new-revision", "2025-12-01", "--content", content]).status == 0)
        let text = try String(contentsOfFile: xliff, encoding: .utf8)
        let source = #"<source xml:lang="ja">96時間</source>"#
        #expect(text.contains(source))
        try Self.write(text.replacingOccurrences(of: source, with: source + #"<target xml:lang="en" state="translated">96 hours</target>"#), to: xliff)

        let refused = try CLI.run(["translations", "import", xliff, "--revision", "2025-12-01", "--content", content])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            \(xliff): error: the file was exported from the revision of 2025-09-01, not of 2025-12-01
              hint: import it with --revision 2025-09-01, or export 2025-12-01 with `checksheet translations export --revision 2025-12-01`
            1 error

            """)
        let imported = try CLI.run(["translations", "import", xliff, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.hasPrefix("Wrote 1 field into 1 English page of 2025-09-01:\n  \(content)/revisions/2025-09-01/en/30-backup-retention.md: answer\n"))
        #expect(try String(contentsOfFile: content + "/revisions/2025-09-01/en/30-backup-retention.md", encoding: .utf8).hasSuffix("---\n96 hours\n"))
        #expect(try String(contentsOfFile: content + "/revisions/2025-12-01/en/30-backup-retention.md", encoding: .utf8).hasSuffix("---\n72 hours\n"))
    }

    /// A filled target the import leaves out says so, at its line, with its state: it used to be "Wrote 0 fields"
    /// and nothing more. A bare target and one under approved="yes" are translations; a CR sent as `&#13;` (with or
    /// without the LF after it) is a line break, not a byte in the page: a line break the page shows (the answers are plain
    /// text, so each line break is written as Markdown's `\`).
    @Test func targetsTheImportLeavesOutAreNamedAndCarriageReturnsAreLineBreaks() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Self.contentWithDraft(work)
        let revision = content + "/revisions/2025-09-01"
        let xliff = work + "/translations.xlf"
        #expect(try CLI.run(["translations", "export", "--out", xliff, "--content", content]).status == 0)
        var text = try String(contentsOfFile: xliff, encoding: .utf8)
        text = text
            .replacingOccurrences(of: "<source xml:lang=\"ja\">\(Self.marker)</source>\n",
                                  with: "<source xml:lang=\"ja\">\(Self.marker)</source>\n        <target xml:lang=\"en\">Within 4 hours&#13;\n(target)</target>\n")
            .replacingOccurrences(of: "<trans-unit id=\"backup-retention/answer\" resname=\"backup-retention/answer\" xml:space=\"preserve\">",
                                  with: "<trans-unit id=\"backup-retention/answer\" resname=\"backup-retention/answer\" xml:space=\"preserve\" approved=\"yes\">")
            .replacingOccurrences(of: "<source xml:lang=\"ja\">96時間</source>\n",
                                  with: "<source xml:lang=\"ja\">96時間</source>\n        <target xml:lang=\"en\" state=\"needs-review-translation\">96 hours&#13;kept offsite</target>\n")
            .replacingOccurrences(of: "<source xml:lang=\"ja\">有。TLS 1.3</source>\n",
                                  with: "<source xml:lang=\"ja\">有。TLS 1.3</source>\n        <target xml:lang=\"en\" state=\"needs-review-translation\">Yes. TLS 1.3</target>\n")
        try Self.write(text, to: xliff)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let held = try #require(lines.firstIndex { $0.contains(">Yes. TLS 1.3</target>") }) + 1
        #expect(lines.filter { $0.contains("<target xml:lang=\"en\"") && !$0.contains("</target>") }.count == 1)

        let imported = try CLI.run(["translations", "import", xliff, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors == """
            \(xliff):\(held):9: warning: the translation of 'encryption-in-transit/answer' was not imported: its target's state is 'needs-review-translation'
              hint: a target counts as translated when its state is translated, final or signed-off, when its trans-unit has approved="yes", or when it has no state (and no approved="no"); finish the unit in the translation tool and import the file again
            1 warning

            """)
        #expect(imported.output == """
            Wrote 2 fields into 2 English pages of 2025-09-01:
              \(revision)/en/10-mttr.md: answer
              \(revision)/en/30-backup-retention.md: answer
            Still missing or pending (1):
              encryption-in-transit/answer: not imported: its target's state is 'needs-review-translation'

            """)
        let mttr = try #require(FileManager.default.contents(atPath: revision + "/en/10-mttr.md"))
        #expect(String(decoding: mttr, as: UTF8.self).hasSuffix("---\nWithin 4 hours\\\n(target)\n"))
        let backup = try #require(FileManager.default.contents(atPath: revision + "/en/30-backup-retention.md"))
        #expect(String(decoding: backup, as: UTF8.self).hasSuffix("---\n96 hours\\\nkept offsite\n"))
        #expect(!mttr.contains(13) && !backup.contains(13))
    }

    @Test func csvRoundTripAndRefusals() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = try Self.contentWithDraft(work)
        let csv = work + "/translations.csv"
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--content", content]).status == 0)
        let data = try #require(FileManager.default.contents(atPath: csv))
        let text = String(decoding: data, as: UTF8.self)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text == "\u{FEFF}id,no,item,field,japanese,previous_japanese,previous_english,english\r\n"
            + "mttr/answer,10,平均復旧時間(MTTR),answer,\(Self.marker),非公開,Not disclosed,\r\n"
            + "backup-retention/answer,30,バックアップデータの保存期間,answer,96時間,72時間,72 hours,\r\n"
            + "encryption-in-transit/answer,42,通信の暗号化レベル,answer,有。TLS 1.3,有。TLS 1.2,Yes. TLS 1.2,\r\n")

        // Excel fills two cells; one quoted, with a comma.
        let filled = text.replacingOccurrences(of: "72 hours,\r\n", with: "72 hours,\"96 hours, kept offsite\"\r\n")
            .replacingOccurrences(of: "Not disclosed,\r\n", with: "Not disclosed,Within 4 hours (target)\r\n")
        try Self.write(filled, to: csv)
        let imported = try CLI.run(["translations", "import", csv, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        let revision = content + "/revisions/2025-09-01"
        #expect(imported.output == """
            Wrote 2 fields into 2 English pages of 2025-09-01:
              \(revision)/en/10-mttr.md: answer
              \(revision)/en/30-backup-retention.md: answer
            Still missing or pending (1):
              encryption-in-transit/answer: the file has no translation for it

            """)
        #expect(try String(contentsOfFile: revision + "/en/30-backup-retention.md", encoding: .utf8).hasSuffix("---\n96 hours, kept offsite\n"))

        // Unknown ids and Japanese that changed since the export are errors, and nothing is written.
        let stale = "\u{FEFF}id,japanese,english\r\nencryption-in-transit/answer,有。TLS 1.2,Yes. TLS 1.3\r\nrto/summary,x,y\r\nno-such-item/answer,x,y\r\n"
        try Self.write(stale, to: work + "/stale.csv")
        let before = FileTree.read(content)
        let refused = try CLI.run(["translations", "import", work + "/stale.csv", "--content", content])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            \(work)/stale.csv:2: error: the Japanese of 'encryption-in-transit/answer' changed since the export; its translation was not imported
              hint: export the unit again (`checksheet translations export --revision 2025-09-01`) and translate the current Japanese
            \(work)/stale.csv:3: error: unknown unit 'rto/summary'
              hint: ids are `slug/field` of an item of 2025-09-01 (item, definition, unit or answer); was the file exported from another revision?
            \(work)/stale.csv:4: error: unknown unit 'no-such-item/answer'
              hint: ids are `slug/field` of an item of 2025-09-01 (item, definition, unit or answer); was the file exported from another revision?
            3 errors
            Nothing was written.

            """)
        #expect(FileTree.read(content) == before)
    }

    /// The seed sheet as an export whose answers Markdown would misread: `&` and `<…>`, a line starting with `- `, a
    /// line break. The sheet import escapes them in the pages (`1日1回 \& \<毎晩\>`).
    static func awkwardExport(to path: String) throws {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
            .replacingOccurrences(of: "\t72時間", with: "\t1日1回 & <毎晩>")
            .replacingOccurrences(of: "\t有。TLS 1.2", with: "\t\"最大4時間\n- 夜間は翌朝まで\"")
            .replacingOccurrences(of: "2025年3月7日版", with: "2025年9月1日版")
        try write(text, to: path)
    }

    /// Translators get each answer as readers see it, and the page shows exactly what they wrote: `Once a day &
    /// <nightly>` was published as "Once a day &", and "- Maximum…" became a list on one line. An answer written in
    /// Markdown goes out as Markdown (and says so), and English that would lose HTML or the Japanese layout is named.
    @Test func answersRoundTripAsReadersSeeThemThroughTranslateToolkitAndCSV() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        try Self.awkwardExport(to: work + "/export.tsv")
        let run = try CLI.run(["import", work + "/export.tsv", "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        let revision = content + "/revisions/2025-09-01"
        #expect(try String(contentsOfFile: revision + "/ja/30-backup-retention.md", encoding: .utf8).hasSuffix("---\n1日1回 \\& \\<毎晩\\>\n"))
        #expect(try String(contentsOfFile: revision + "/ja/42-encryption-in-transit.md", encoding: .utf8).hasSuffix("---\n最大4時間\\\n\\- 夜間は翌朝まで\n"))
        // The docs team writes one answer as a Markdown list.
        let mttr = try String(contentsOfFile: revision + "/ja/10-mttr.md", encoding: .utf8)
        try Self.write(mttr.replacingOccurrences(of: "---\n非公開\n", with: "---\n- 平日: 4時間以内\n- 休日: 8時間以内\n"), to: revision + "/ja/10-mttr.md")
        try FileManager.default.copyItem(atPath: content, toPath: work + "/ContentForCSV")

        let xliff = work + "/translations.xlf", returned = work + "/translations.en.xlf"
        #expect(try CLI.run(["translations", "export", "--out", xliff, "--content", content]).status == 0)
        let text = try String(contentsOfFile: xliff, encoding: .utf8)
        #expect(text.contains("<source xml:lang=\"ja\">- 平日: 4時間以内\n- 休日: 8時間以内</source>"))
        #expect(text.contains("<note from=\"checksheet\">No. 10 平均復旧時間(MTTR): answer (Markdown); the Japanese changed; the previous English needs updating</note>"))
        #expect(text.contains("<source xml:lang=\"ja\">1日1回 &amp; &lt;毎晩&gt;</source>"))
        #expect(text.contains("<note from=\"checksheet\">No. 30 バックアップデータの保存期間: answer; the Japanese changed; the previous English needs updating</note>"))
        #expect(text.contains("<source xml:lang=\"ja\">最大4時間\n- 夜間は翌朝まで</source>"))
        #expect(!text.contains("\\"))
        try Self.write(String(decoding: try JSONSerialization.data(withJSONObject: Self.awkwardEnglish), as: UTF8.self), to: work + "/english.json")
        let translated = try Self.tool(Repository.root + "/Tests/Translation/translate_xliff.py", [xliff, work + "/english.json", returned])
        #expect(translated.status == 0, "\(translated.errors)")

        let imported = try CLI.run(["translations", "import", returned, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors == "")
        #expect(imported.output == """
            Wrote 3 fields into 3 English pages of 2025-09-01:
              \(revision)/en/10-mttr.md: answer
              \(revision)/en/30-backup-retention.md: answer
              \(revision)/en/42-encryption-in-transit.md: answer
            No English is missing or pending in 2025-09-01.

            """)
        #expect(try String(contentsOfFile: revision + "/en/10-mttr.md", encoding: .utf8).hasSuffix("---\n- Weekdays: within 4 hours\n- Holidays: within 8 hours\n"))
        #expect(try String(contentsOfFile: revision + "/en/30-backup-retention.md", encoding: .utf8).hasSuffix("---\nOnce a day \\& \\<nightly\\>\n"))
        #expect(try String(contentsOfFile: revision + "/en/42-encryption-in-transit.md", encoding: .utf8)
            .hasSuffix("---\n\\- Maximum 4 hours\\\n\\- At night, by the next morning\n"))
        let build = try CLI.run(["build", "--drafts", "--strict", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0, "\(build.errors)")
        let site = FileTree.read(work + "/public")
        func page(_ slug: String) -> String { String(decoding: site["en/items/\(slug)/index.html"] ?? Data(), as: UTF8.self) }
        #expect(page("mttr").contains("<ul>\n<li>Weekdays: within 4 hours</li>\n<li>Holidays: within 8 hours</li>\n</ul>"))
        #expect(page("backup-retention").contains("<p>Once a day &amp; &lt;nightly&gt;</p>"))
        #expect(page("encryption-in-transit").contains("<p>- Maximum 4 hours<br />\n- At night, by the next morning</p>"))

        // The same through CSV, where the translator's English for the list comes as one line with HTML in it.
        let other = work + "/ContentForCSV", csv = work + "/translations.csv"
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--content", other]).status == 0)
        let exported = String(decoding: try #require(FileManager.default.contents(atPath: csv)), as: UTF8.self)
        #expect(exported == "\u{FEFF}id,no,item,field,japanese,previous_japanese,previous_english,english\r\n"
            + "mttr/answer,10,平均復旧時間(MTTR),answer,\"'- 平日: 4時間以内\r\n- 休日: 8時間以内\",非公開,Not disclosed,\r\n"
            + "backup-retention/answer,30,バックアップデータの保存期間,answer,1日1回 & <毎晩>,72時間,72 hours,\r\n"
            + "encryption-in-transit/answer,42,通信の暗号化レベル,answer,\"最大4時間\r\n- 夜間は翌朝まで\",有。TLS 1.2,Yes. TLS 1.2,\r\n")
        try Self.write(exported
            .replacingOccurrences(of: "Not disclosed,\r\n", with: "Not disclosed,Weekdays: within 4 hours<br>Holidays: within 8 hours\r\n")
            .replacingOccurrences(of: "72 hours,\r\n", with: "72 hours,Once a day & <nightly>\r\n")
            .replacingOccurrences(of: "Yes. TLS 1.2,\r\n", with: "Yes. TLS 1.2,\"- Maximum 4 hours\r\n- At night, by the next morning\"\r\n"), to: csv)
        let fromCSV = try CLI.run(["translations", "import", csv, "--content", other])
        #expect(fromCSV.status == 0, "\(fromCSV.errors)")
        #expect(fromCSV.errors == """
            \(csv):2: warning: the English of 'mttr/answer' holds HTML ('<br>'), which the page leaves out
              hint: the answer is Markdown, as its Japanese is: write `\\<` for a `<` meant as text
            \(csv):2: warning: the English of 'mttr/answer' is laid out otherwise than its Japanese: 1 paragraph, where the Japanese has 2 list items
              hint: the answer is Markdown: keep the Japanese answer's list markers (`- `, `1. `), blank lines between paragraphs and `\\` at line breaks
            2 warnings

            """)
        let otherRevision = other + "/revisions/2025-09-01"
        for page in ["30-backup-retention.md", "42-encryption-in-transit.md"] {
            #expect(FileManager.default.contents(atPath: otherRevision + "/en/" + page) == FileManager.default.contents(atPath: revision + "/en/" + page))
        }
        #expect(try String(contentsOfFile: otherRevision + "/en/10-mttr.md", encoding: .utf8).hasSuffix("---\nWeekdays: within 4 hours<br>Holidays: within 8 hours\n"))
    }

    static let awkwardEnglish = [
        "mttr/answer": "- Weekdays: within 4 hours\n- Holidays: within 8 hours",
        "backup-retention/answer": "Once a day & <nightly>",
        "encryption-in-transit/answer": "- Maximum 4 hours\n- At night, by the next morning",
    ]

    /// A new item translated in three of its four fields wrote nothing and printed "Wrote 0 fields into 0 English
    /// pages …:" and the missing units without the reason: every unit not written now says why.
    @Test func whatTheImportDidNotWriteSaysWhy() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        var export = try String(contentsOfFile: Self.seed, encoding: .utf8).replacingOccurrences(of: "\t72時間", with: "\t96時間")
        export = export.trimmingCharacters(in: .newlines) + "\n50\t\t多要素認証\t多要素認証の提供有無\t有無\t有。全プランで提供\n"
        try Self.write(export, to: work + "/export.tsv")
        #expect(try CLI.run(["import", work + "/export.tsv", "--date", "2025-09-01", "--content", content]).status == 0)
        let csv = work + "/translations.csv"
        #expect(try CLI.run(["translations", "export", "--format", "csv", "--out", csv, "--content", content]).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8)
        var rows = exported.components(separatedBy: "\r\n")
        for (index, row) in rows.enumerated() where row.hasPrefix("item-50/") {
            let english = ["item-50/item": "Multi-factor authentication", "item-50/definition": "Whether multi-factor authentication is offered",
                           "item-50/answer": "Yes, on every plan"]
            rows[index] = row + (english[String(row.prefix { $0 != "," })] ?? "")
        }
        try Self.write(rows.joined(separator: "\r\n"), to: csv)
        let before = FileTree.read(content)
        let imported = try CLI.run(["translations", "import", csv, "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        let kept = "translated, but kept until unit is translated too: a new item's English page is written once all its fields are"
        #expect(imported.output == """
            Wrote 0 fields into 0 English pages of 2025-09-01.
            Still missing or pending (5):
              backup-retention/answer: the file has no translation for it
              item-50/item: \(kept)
              item-50/definition: \(kept)
              item-50/unit: the file has no translation for it
              item-50/answer: \(kept)

            """)
        #expect(FileTree.read(content) == before)
    }
}
