import Foundation
import Testing
import TestSupport

/// `checksheet import` run as a person runs it, on copies of the real content: what it keeps, what it refuses.
@Suite(.serialized) struct ImportCommandTests {
    typealias CLI = CommandLineTests
    static let seed = Repository.fixtures + "/import/checksheet-2025-03-07.tsv"
    static let seedText = try! String(contentsOfFile: seed, encoding: .utf8)

    /// A copy of the real Content/ in a fresh folder, and that folder.
    static func workspace() throws -> (work: String, content: String) {
        let work = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        return (work, work + "/Content")
    }

    /// The seed with `edit` applied, written into `work`.
    static func export(_ work: String, _ name: String = "export.tsv", edit: (String) -> String) throws -> String {
        let path = work + "/" + name
        try edit(seedText).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Marks the revision in `folder` as a draft, as if it had not been published yet.
    static func makeDraft(_ folder: String) throws {
        let metadata = try String(contentsOfFile: folder + "/revision.yml", encoding: .utf8)
        try (metadata + "draft: true\n").write(toFile: folder + "/revision.yml", atomically: true, encoding: .utf8)
    }

    static func tls13(_ text: String) -> String { text.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3") }

    /// The probe's x1.tsv: the seed with the answers of items 11 and 29 and the definition of item 30 changed.
    static func x1(_ text: String) -> String {
        text.replacingOccurrences(of: "\t時間\t非公開\n12\t", with: "\t時間\t4時間\n12\t")
            .replacingOccurrences(of: "\t時間\t24時間\n30\t", with: "\t時間\t1時間\n30\t")
            .replacingOccurrences(of: "\tデータをバックアップした媒体を保管する期限\t", with: "\tバックアップデータを保管する期限\t")
    }

    /// Readers have seen a published revision: `--force` never rewrites it, and nothing on disk changes.
    @Test func aPublishedRevisionIsNeverReplaced() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-03-07"
        let before = FileTree.read(content)
        let export = try Self.export(work, "x1.tsv", edit: Self.x1)
        #expect(Self.x1(Self.seedText) != Self.seedText)
        for arguments in [["--force"], []] {
            let run = try CLI.run(["import", export, "--date", "2025-03-07", "--content", content] + arguments)
            #expect(run.status == 1)
            #expect(run.output == "")
            #expect(run.errors == """
                \(revision): error: the revision 2025-03-07 is published: an import would rewrite what readers have already seen
                  hint: import the sheet as a new dated revision (`checksheet import \(export) --date YYYY-MM-DD`), or start one with `checksheet new-revision YYYY-MM-DD`
                1 error

                """)
            #expect(FileTree.read(content) == before)
        }
    }

    /// The probe's x1.tsv imported again into a draft the team has worked on: no English page is deleted, every English
    /// field whose Japanese did not change stays (the translator's new definition of item 30 too), only the changed fields
    /// are pending, the output says per item what was replaced, and the hand edit of a Japanese page is listed.
    @Test func reimportingADraftKeepsEveryEnglishPageAndMarksOnlyTheChangedFieldsPending() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-09-01"
        #expect(try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--content", content]).status == 0)
        // The translator rewrites item 30's English definition; someone corrects item 5's Japanese answer by hand.
        let retention = revision + "/en/30-backup-retention.md"
        let translated = try String(contentsOfFile: retention, encoding: .utf8)
            .replacingOccurrences(of: "\ndefinition: ", with: "\ndefinition: Revised by the translator. ")
        try translated.write(toFile: retention, atomically: true, encoding: .utf8)
        let availability = revision + "/ja/05-availability-rate.md"
        try String(contentsOfFile: availability, encoding: .utf8).replacingOccurrences(of: "\n99.9%以上\n", with: "\n99.95%以上\n")
            .write(toFile: availability, atomically: true, encoding: .utf8)
        let english = FileTree.read(revision + "/en")

        let export = try Self.export(work, "x1.tsv", edit: Self.x1)
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors == "")
        #expect(run.output == """
            Imported 49 items from \(export) (UTF-8, tab-separated) into \(revision)/
            Replaced the draft of 2025-09-01: 45 items unchanged, their English kept.
            Items whose Japanese this import replaced (4); the English of the other fields is kept:
              05-availability-rate.md  サービス稼働率: answer replaced; English kept
              11-rto.md  目標復旧時間(RTO): answer replaced; English pending: answer
              29-rpo.md  バックアップデータを取得するタイミング(RPO): answer replaced; English pending: answer
              30-backup-retention.md  バックアップデータの保存期間: definition replaced; English pending: definition
            Japanese pages edited by hand since the draft was imported, replaced by the sheet's text (git has the edits; the sheet is the source of the Japanese: make them there and import again):
              \(revision)/ja/05-availability-rate.md: differs from the sheet in answer
            Items that need English (3), to write in \(revision)/en/ (changed items keep their earlier English, shown as translation pending until updated):
              11-rto.md  目標復旧時間(RTO)
              29-rpo.md  バックアップデータを取得するタイミング(RPO)
              30-backup-retention.md  バックアップデータの保存期間

            """)
        // Every English page is there, byte for byte, the translator's definition included.
        #expect(FileTree.read(revision + "/en") == english)
        #expect(try String(contentsOfFile: availability, encoding: .utf8).hasSuffix("---\n99.9%以上\n"))
        // The translator's definition translates the draft's old Japanese: translations.yml says so, so it is pending.
        let records = try String(contentsOfFile: revision + "/translations.yml", encoding: .utf8)
        #expect(records.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix(" ") } == ["backup-retention/definition:"])
        let strict = try CLI.run(["check", "--strict", "--content", content])
        #expect(strict.status == 1)
        let errors = strict.errors.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(errors == ["\(revision)/en/11-rto.md", "\(revision)/en/29-rpo.md", "\(revision)/en/30-backup-retention.md"])
        #expect(strict.errors.contains("'definition' of 'backup-retention'"))
        #expect(strict.errors.hasSuffix("3 errors\n"))

        // Imported once more, the sheet changes nothing: nothing is replaced, listed or rewritten.
        let files = FileTree.read(revision)
        let again = try CLI.run(["import", export, "--date", "2025-09-01", "--force", "--content", content])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output == """
            Imported 49 items from \(export) (UTF-8, tab-separated) into \(revision)/
            Replaced the draft of 2025-09-01: 49 items unchanged, their English kept.
            Every item has its English page.

            """)
        #expect(FileTree.read(revision) == files)
    }

    @Test func forcedReimportOfTheNewerRevisionNeverRestoresOlderEnglish() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-09-01"
        let export = try Self.export(work, edit: Self.tls13)
        #expect(try CLI.run(["import", export, "--date", "2025-09-01", "--content", content]).status == 0)
        // The translator brings item 42 up to date and writes notes; someone leaves a file beside the pages.
        let page = revision + "/en/42-encryption-in-transit.md"
        let carried = try String(contentsOfFile: page, encoding: .utf8)
        let translated = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "Yes. TLS 1.2", with: "Yes. TLS 1.3")
        try translated.write(toFile: page, atomically: true, encoding: .utf8)
        try "date: '2025-09-01'\ntitle:\n  ja: 2025年9月1日版\n  en: Version dated September 1, 2025\ndraft: true\nnotes:\n  ja: TLS 1.3に対応\n  en: TLS 1.3 supported\n"
            .write(toFile: revision + "/revision.yml", atomically: true, encoding: .utf8)
        try "glossary for the translator\n".write(toFile: revision + "/en/terms.txt", atomically: true, encoding: .utf8)
        let before = FileTree.read(revision)

        let again = try CLI.run(["import", export, "--date", "2025-09-01", "--force", "--content", content])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.hasSuffix("Every item has its English page.\n"))
        #expect(FileTree.read(revision) == before)

        // The Japanese of 42 changes once more: the translator's English no longer translates it. It stays (never set
        // back to older text), and translations.yml records that it translates 「TLS 1.3」, so neither the strict check
        // nor the release gate lets "TLS 1.3" pass for 「TLS 1.3以上」.
        let newer = try Self.export(work, "newer.tsv") { $0.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3以上") }
        let third = try CLI.run(["import", newer, "--date", "2025-09-01", "--force", "--content", content])
        #expect(third.status == 0, "\(third.errors)")
        #expect(third.output.hasSuffix("""
            Replaced the draft of 2025-09-01: 48 items unchanged, their English kept.
            Items whose Japanese this import replaced (1); the English of the other fields is kept:
              42-encryption-in-transit.md  通信の暗号化レベル: answer replaced; English pending: answer
            Items that need English (1), to write in \(revision)/en/ (changed items keep their earlier English, shown as translation pending until updated):
              42-encryption-in-transit.md  通信の暗号化レベル

            """))
        #expect(try String(contentsOfFile: page, encoding: .utf8) == translated)
        #expect(carried != translated)
        let strict = try CLI.run(["check", "--strict", "--content", content])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("\(page):11:1: error: the Japanese 'answer' of 'encryption-in-transit' changed in revision 2025-09-01 but its English did not\n"))
        #expect(FileManager.default.contents(atPath: revision + "/en/terms.txt") == before["en/terms.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions").sorted() == ["2025-03-07", "2025-09-01"])
    }

    @Test func englishOfItemsTheSheetNoLongerHasIsKeptAndNamed() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-09-01"
        #expect(try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--content", content]).status == 0)
        let export = try Self.export(work) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("47\t") }.joined(separator: "\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("English pages kept although the sheet no longer has their item (delete them if the item was removed):\n  \(revision)/en/47-virus-scanning.md\n"))
        #expect(FileManager.default.fileExists(atPath: revision + "/en/47-virus-scanning.md"))
        #expect(!FileManager.default.fileExists(atPath: revision + "/ja/47-virus-scanning.md"))
    }

    /// A Japanese page the docs team added by hand to a draft, for an item the sheet does not have, goes with a forced
    /// import (the sheet is the source of the Japanese): the output names it, and its English page stays.
    @Test func aJapanesePageAddedByHandThatTheImportDeletesIsNamed() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-09-01"
        #expect(try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--content", content]).status == 0)
        for (language, name) in [("ja", "多要素認証"), ("en", "Multi-factor authentication")] {
            try "---\nno: 50\nslug: mfa\nsection: \(language == "ja" ? "セキュリティ" : "Security")\ncategory: \(language == "ja" ? "セキュリティ" : "Security")\nitem: \(name)\ndefinition: d\nunit: u\n---\n有\n"
                .write(toFile: revision + "/\(language)/50-mfa.md", atomically: true, encoding: .utf8)
        }
        let run = try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\n  \(revision)/ja/50-mfa.md (added by hand; the sheet does not have its item, so it is deleted)\n"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: revision + "/ja/50-mfa.md"))
        #expect(run.output.contains("English pages kept although the sheet no longer has their item (delete them if the item was removed):\n  \(revision)/en/50-mfa.md\n"))
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")))
    func aReplacedTreeThatCannotBeRemovedFailsTheRunUnderAnHonestName() throws {
        let (work, content) = try Self.workspace()
        #expect(try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--content", content]).status == 0)
        let stuck = content + "/revisions/2025-09-01/ja/01-service-hours.md"
        defer {
            for folder in (try? FileManager.default.contentsOfDirectory(atPath: content + "/revisions")) ?? [] {
                _ = try? CLI.runTool("/usr/bin/chattr", ["-i", content + "/revisions/" + folder + "/ja/01-service-hours.md"])
            }
            try? FileManager.default.removeItem(atPath: work)
        }
        #expect(try CLI.runTool("/usr/bin/chattr", ["+i", stuck]) == 0)
        let english = FileTree.read(content + "/revisions/2025-09-01/en")
        let run = try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--force", "--content", content])
        #expect(run.status == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: content + "/revisions").sorted()
        #expect(names.count == 3)
        #expect(names.last == "2025-09-01")
        let leftover = try #require(names.first)
        #expect(leftover.hasPrefix(".2025-09-01.replaced-"))
        #expect(run.errors.hasPrefix("\(content)/revisions/\(leftover): error: the revision was imported, but the files it replaced could not all be removed: \(content)/revisions/\(leftover)/ja/01-service-hours.md: Operation not permitted\n  hint: every English page was carried into \(content)/revisions/2025-09-01; delete \(content)/revisions/\(leftover) by hand\n"))
        #expect(FileTree.read(content + "/revisions/2025-09-01/en") == english)
    }

    @Test func aGlossarySlugThatIsNoURLNameIsAnErrorNotACrash() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.removeItem(atPath: content + "/revisions")
        let glossary = work + "/glossary.tsv"
        let text = try String(contentsOfFile: Repository.fixtures + "/import/glossary.tsv", encoding: .utf8)
            .replacingOccurrences(of: "\tservice-hours\n", with: "\t../../outside\n")
            .replacingOccurrences(of: "\trto\n", with: "\tRTO Bad\n")
        try text.write(toFile: glossary, atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", Self.seed, "--date", "2025-03-07", "--glossary", glossary, "--content", content])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(glossary):2:"))
        #expect(run.errors.contains(": error: slug '../../outside' is not a URL name\n"))
        #expect(run.errors.contains(": error: slug 'RTO Bad' is not a URL name\n"))
        #expect(run.errors.hasSuffix("2 errors\n"))
        #expect(!FileManager.default.fileExists(atPath: content + "/revisions"))
        #expect(!FileManager.default.fileExists(atPath: work + "/outside.md"))
    }

    @Test func aRetiredItemLeavesAGapThatCheckAndBuildAccept() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = try Self.export(work) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("43\t") }.joined(separator: "\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasSuffix("Every item has its English page.\n"))
        let check = try CLI.run(["check", "--content", content])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.errors == "")
        // An import is a draft until published: built with the drafts, it is the current sheet.
        let build = try CLI.run(["build", "--drafts", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0, "\(build.errors)")
        let sheet = try String(contentsOfFile: work + "/public/ja/index.html", encoding: .utf8)
        #expect(sheet.contains(">42<") && sheet.contains(">44<") && !sheet.contains(">43<"))
        // Retiring is not renumbering: the diff says one item was removed and none renumbered.
        let diff = try CLI.run(["diff", "2025-03-07", "2025-09-01", "--format", "json", "--content", content])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.output.utf8)) as? [String: Any])
        #expect((object["removed"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["audit-reports"])
        #expect((object["renumbered"] as? [Any])?.isEmpty == true)
    }

    @Test func backFillingKeepsEverySlugOfTheLaterRevision() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let run = try CLI.run(["import", Self.seed, "--date", "2024-10-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("provisional"))
        let names = Set(FileTree.read(content + "/revisions/2024-10-01/ja").keys)
        #expect(names == Set(FileTree.read(content + "/revisions/2025-03-07/ja").keys))
        #expect(try CLI.run(["check", "--content", content]).status == 0)
    }

    @Test func aQuoteLeftOpenRefusesTheSheetAndWritesNothing() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = try Self.export(work) { $0.replacingOccurrences(of: "\t有。1年以上前", with: "\t\"有。1年以上前") }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors == "\(export):11:64: error: the quoted cell opened here is never closed\n  hint: the rest of the file was read as this one cell: close it with \" (write a quote inside it as \"\")\n1 error\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions") == ["2025-03-07"])
    }

    @Test func anUnknownColumnIsImportedWithoutItAndNamedInAWarning() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = Repository.fixtures + "/import/english-headers-reordered.csv"
        try Self.makeDraft(content + "/revisions/2025-03-07")
        let before = FileTree.read(content + "/revisions/2025-03-07")
        let run = try CLI.run(["import", export, "--date", "2025-03-07", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.hasPrefix("\(export):7:10: warning: column '備考' is not imported\n"))
        #expect(run.output.hasSuffix("Every item has its English page.\n"))
        #expect(FileTree.read(content + "/revisions/2025-03-07").filter { $0.key != ".imported.yml" } == before)
    }

    /// Repro A of the probe: an export with a mostly empty `備考` column after the answer, where item 20 starts a
    /// category site.yml does not list. Every cell goes into its own field; the new category is a warning at its cell.
    @Test func aNewCategoryInAnExportWithARemarksColumnIsReadWhereItsCellsStand() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = try Self.export(work) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                if line.hasPrefix("No.\t") { return line + "\t備考" }
                if line.hasPrefix("5\t") { return line + "\t社内SLAに準拠" }
                if line.hasPrefix("20\t") { return line.replacingOccurrences(of: "20\t\t", with: "20\t性能新\t") + "\t" }
                return line.contains("\t") ? line + "\t" : String(line)
            }.joined(separator: "\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors == """
            \(export):7:32: warning: column '備考' is not imported
              hint: the importer reads the columns No., 種別, サービスレベル項目, 規定内容, 測定単位, 設定等; this column's cells are left out
            \(export):5:1: warning: the export's edition line says '2025年3月7日版', not the date of the import, 2025-09-01
              hint: the revision is titled '2025年9月1日版'; check that this is the export of 2025-09-01, or import it with the date its edition line names
            \(export):28:4: warning: category '性能新' is not listed under section 'アプリケーション運用' in site.yml
              hint: add it to that section's `categories` in site.yml, with its English name, before building; the revision cannot build until then
            3 warnings

            """)
        let revision = content + "/revisions/2025-09-01"
        #expect(try String(contentsOfFile: revision + "/ja/20-response-delay.md", encoding: .utf8) == """
            ---
            no: 20
            slug: response-delay
            section: アプリケーション運用
            category: 性能新
            item: 遅延
            definition: 処理の応答時間の遅延継続時間
            unit: 時間（分）
            keywords: [遅延, レスポンス低下]
            ---
            非公開

            """)
        // Only the category of 20 and of 21 (below it, blank: "as above") changed; every other page is as before.
        let before = FileTree.read(content + "/revisions/2025-03-07/ja")
        let after = FileTree.read(revision + "/ja")
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == ["20-response-delay.md", "21-batch-processing-time.md"])
    }

    /// Repro B of the probe: no extra column, item 20 with a new category and an empty 設定等. It is refused as a row
    /// with no answer (as it is with a known category), not read with its unit as its answer; nothing is written.
    @Test func aNewCategoryWithAnEmptyAnswerIsRefusedAsAnEmptyAnswer() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let export = try Self.export(work) {
            $0.replacingOccurrences(of: "\n20\t\t遅延\t処理の応答時間の遅延継続時間\t時間（分）\t非公開\n", with: "\n20\t性能新\t遅延\t処理の応答時間の遅延継続時間\t時間（分）\t\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors == """
            \(export):28:32: error: item 20 has no 設定等
              hint: fill in every column of the item's row; if its 種別 cell was deleted and the cells after it moved one to the left, move them back under their headers
            1 error

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions") == ["2025-03-07"])
    }

    /// The probe's row 12 replaced by another item: it does not inherit failure-count's URL and English, and `diff`
    /// says one item was added and one removed, not that failure-count changed.
    @Test func aDifferentItemUnderAnOldNumberGetsAProvisionalSlug() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-09-01"
        let export = try Self.export(work) {
            $0.replacingOccurrences(of: "\n12\t\t障害発生件数\t1年間に発生した障害件数／1年間に発生した対応に長時間（1日以上）要した障害件数\t回\t0回\n",
                                    with: "\n12\t\t多要素認証\t管理者のログインに多要素認証を必須とする\t有無\t有\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.hasSuffix("""
            \(export):20: warning: item 12 '多要素認証' has the number of 'failure-count' (障害発生件数) of an earlier revision, but neither its name nor its definition: it is a new item, with the provisional slug 'item-12'
              hint: if it is that item rewritten, keep its name or its definition in this import and change the rest afterwards, so that it keeps its URL and English; otherwise name its slug before publishing
            2 warnings

            """))
        #expect(run.output == """
            Imported 49 items from \(export) (UTF-8, tab-separated) into \(revision)/
            Compared with the revision of 2025-03-07: 48 items unchanged, their English carried over.
            Items of the revision of 2025-03-07 that this sheet no longer has (1):
              12. 障害発生件数 (failure-count)
            New items with a provisional slug (rename the slug before publishing; it never changes afterwards):
              12. 多要素認証: item-12
            Items that need English (1), to write in \(revision)/en/ (changed items keep their earlier English, shown as translation pending until updated):
              12-item-12.md  多要素認証

            """)
        #expect(FileManager.default.fileExists(atPath: revision + "/ja/12-item-12.md"))
        #expect(!FileManager.default.fileExists(atPath: revision + "/en/12-failure-count.md"))
        #expect(!FileManager.default.fileExists(atPath: revision + "/en/12-item-12.md"))
        let diff = try CLI.run(["diff", "2025-03-07", "2025-09-01", "--format", "json", "--content", content])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.output.utf8)) as? [String: Any])
        #expect((object["added"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["item-12"])
        #expect((object["removed"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["failure-count"])
        #expect((object["changed"] as? [Any])?.isEmpty == true)
    }

    /// A build's own Japanese downloads, CSV and workbook, import as the revision they were made from: the same pages,
    /// byte for byte, every English page carried over. The English download is refused with one error.
    @Test func aBuildsDownloadImportsAsTheRevisionItWasMadeFrom() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let build = try CLI.run(["build", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0, "\(build.errors)")
        // Into a new revision: nothing changed, the Japanese pages byte for byte, every English page carried over.
        // (Both workbooks hold both languages' tabs: the English one's Japanese tab is read.)
        var previous = "2025-03-07"
        for (date, format, path) in [("2025-09-01", "UTF-8 with BOM, comma-separated", "ja/downloads/checksheet-2025-03-07.csv"),
                                     ("2025-10-01", "Excel workbook", "ja/downloads/checksheet-2025-03-07.xlsx"),
                                     ("2025-11-01", "Excel workbook", "en/downloads/checksheet-2025-03-07.xlsx")] {
            let download = work + "/public/" + path
            let run = try CLI.run(["import", download, "--date", date, "--content", content])
            defer { previous = date }
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.errors == "")
            #expect(run.output == """
                Imported 49 items from \(download) (\(format)) into \(content)/revisions/\(date)/
                Compared with the revision of \(previous): 49 items unchanged, their English carried over.
                Every item has its English page.

                """)
            #expect(FileTree.read(content + "/revisions/" + date + "/ja") == FileTree.read(content + "/revisions/2025-03-07/ja"))
            #expect(FileTree.read(content + "/revisions/" + date + "/en").keys.sorted() == FileTree.read(content + "/revisions/2025-03-07/en").keys.sorted())
        }
        // Into the revision it was made from (as a draft): the very same files.
        try Self.makeDraft(content + "/revisions/2025-03-07")
        let original = FileTree.read(content + "/revisions/2025-03-07")
        for name in ["csv", "xlsx"] {
            let download = work + "/public/ja/downloads/checksheet-2025-03-07." + name
            let run = try CLI.run(["import", download, "--date", "2025-03-07", "--force", "--content", content])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.hasSuffix("Replaced the draft of 2025-03-07: 49 items unchanged, their English kept.\nEvery item has its English page.\n"))
            #expect(FileTree.read(content + "/revisions/2025-03-07").filter { $0.key != ".imported.yml" } == original)
        }
        let english = work + "/public/en/downloads/checksheet-2025-03-07.csv"
        let refused = try CLI.run(["import", english, "--date", "2025-12-01", "--content", content])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            \(english):1:68: error: this is the site's English download (its column 'Provider's response'): the import makes the Japanese pages, from Japanese cells
              hint: import the Japanese download of the same revision, ja/downloads/checksheet-DATE.csv or .xlsx, or the sheet exported from Excel
            1 error

            """)
        #expect(try CLI.run(["check", "--content", content]).status == 0)
    }

    /// site.yml renames a category's English: the import gives the new revision's English pages that name, not the
    /// old one carried over, so only the published revision's pages (which the import never touches) are reported.
    @Test func aCategoryRenamedInSiteYmlIsTheEnglishCategoryOfTheImport() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let site = try String(contentsOfFile: content + "/site.yml", encoding: .utf8)
        try site.replacingOccurrences(of: "{ja: 性能, en: Performance}", with: "{ja: 性能, en: Performance and capacity}")
            .write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", Self.seed, "--date", "2025-09-01", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        for page in ["19-response-time.md", "20-response-delay.md", "21-batch-processing-time.md"] {
            #expect(try String(contentsOfFile: content + "/revisions/2025-09-01/en/" + page, encoding: .utf8).contains("\ncategory: Performance and capacity\n"))
        }
        let check = try CLI.run(["check", "--content", content])
        #expect(check.status == 1)
        let files = check.errors.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(files == ["19-response-time.md", "20-response-delay.md", "21-batch-processing-time.md"].map { content + "/revisions/2025-03-07/en/" + $0 })
    }

    @Test func utf16WithoutAByteOrderMarkImports() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content/site.yml", toPath: work + "/site.yml")
        let export = work + "/export.txt"
        try #require(Self.seedText.data(using: .utf16LittleEndian)).write(to: URL(fileURLWithPath: export))
        let run = try CLI.run(["import", export, "--date", "2025-03-07", "--glossary", Repository.fixtures + "/import/glossary.tsv", "--content", work])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Imported 49 items from \(export) (UTF-16 little-endian without BOM, tab-separated)"))
        #expect(FileTree.read(work + "/revisions/2025-03-07/ja") == CLI.japanesePagesAsImported())
    }
}

extension CommandLineTests {
    /// Runs another program; its exit status.
    static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
