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

    static func tls13(_ text: String) -> String { text.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3") }

    /// The English of the changed item translated the Japanese the import replaced, and no earlier revision has English
    /// the history could mark as pending: kept, it would publish "TLS 1.2" beside 「TLS 1.3」. It is left out, so that
    /// the build refuses until it is translated again; every other English page stays byte for byte.
    @Test func forcedReimportOfTheOnlyRevisionWithdrawsEnglishThatNoLongerTranslatesItsJapanese() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-03-07"
        let english = FileTree.read(revision + "/en")
        let metadata = FileTree.read(revision).filter { !$0.key.contains("/") }
        let export = try Self.export(work, edit: Self.tls13)

        let run = try CLI.run(["import", export, "--date", "2025-03-07", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors == "")
        #expect(run.output == """
            Imported 49 items from \(export) (UTF-8, tab-separated) into \(revision)/
            Replaced the revision of 2025-03-07: 48 items unchanged, their English kept.
            English pages removed because the Japanese they translate changed and no earlier revision has English to show as pending (translate them again; git has the old text):
              \(revision)/en/42-encryption-in-transit.md
            Items that need English (1), to write in \(revision)/en/:
              42-encryption-in-transit.md  通信の暗号化レベル

            """)
        #expect(FileTree.read(revision + "/en") == english.filter { $0.key != "42-encryption-in-transit.md" })
        #expect(FileTree.read(revision).filter { !$0.key.contains("/") } == metadata)
        let japanese = try String(contentsOfFile: revision + "/ja/42-encryption-in-transit.md", encoding: .utf8)
        #expect(japanese.hasSuffix("---\n有。TLS 1.3\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions") == ["2025-03-07"])
        let check = try CLI.run(["check", "--content", content])
        #expect(check.status == 1)
        #expect(check.errors == """
            \(revision)/ja/42-encryption-in-transit.md:3:1: error: item 'encryption-in-transit' has no English page
              hint: add \(revision)/en/42-encryption-in-transit.md, a translation of this page
            1 error

            """)
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
        try "date: '2025-09-01'\ntitle:\n  ja: 2025年9月1日版\n  en: Version dated September 1, 2025\nnotes:\n  ja: TLS 1.3に対応\n  en: TLS 1.3 supported\n"
            .write(toFile: revision + "/revision.yml", atomically: true, encoding: .utf8)
        try "glossary for the translator\n".write(toFile: revision + "/en/terms.txt", atomically: true, encoding: .utf8)
        let before = FileTree.read(revision)

        let again = try CLI.run(["import", export, "--date", "2025-09-01", "--force", "--content", content])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.hasSuffix("Every item has its English page.\n"))
        #expect(FileTree.read(revision) == before)

        // The Japanese of 42 changes once more: the translator's English no longer translates it. Its answer goes back
        // to the previous revision's English, which the history marks as pending, so neither the strict check nor
        // the release gate lets "TLS 1.3" pass for 「TLS 1.3以上」.
        let newer = try Self.export(work, "newer.tsv") { $0.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3以上") }
        let third = try CLI.run(["import", newer, "--date", "2025-09-01", "--force", "--content", content])
        #expect(third.status == 0, "\(third.errors)")
        #expect(third.output.hasSuffix("""
            English that translated Japanese this import changed, set back to the revision of 2025-03-07's and shown as translation pending until updated:
              \(page)
            Items that need English (1), to write in \(revision)/en/ (changed items keep their earlier English, shown as translation pending until updated):
              42-encryption-in-transit.md  通信の暗号化レベル

            """))
        #expect(try String(contentsOfFile: page, encoding: .utf8) == carried)
        let strict = try CLI.run(["check", "--strict", "--content", content])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("\(page):11:1: error: the Japanese 'answer' of 'encryption-in-transit' changed in revision 2025-09-01 but its English did not\n"))
        #expect(FileManager.default.contents(atPath: revision + "/en/terms.txt") == before["en/terms.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions").sorted() == ["2025-03-07", "2025-09-01"])
    }

    @Test func englishOfItemsTheSheetNoLongerHasIsKeptAndNamed() throws {
        let (work, content) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let revision = content + "/revisions/2025-03-07"
        let export = try Self.export(work) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("47\t") }.joined(separator: "\n")
        }
        let run = try CLI.run(["import", export, "--date", "2025-03-07", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("English pages kept although the sheet no longer has their item (delete them if the item was removed):\n  \(revision)/en/47-virus-scanning.md\n"))
        #expect(FileManager.default.fileExists(atPath: revision + "/en/47-virus-scanning.md"))
        #expect(!FileManager.default.fileExists(atPath: revision + "/ja/47-virus-scanning.md"))
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")))
    func aReplacedTreeThatCannotBeRemovedFailsTheRunUnderAnHonestName() throws {
        let (work, content) = try Self.workspace()
        let stuck = content + "/revisions/2025-03-07/ja/01-service-hours.md"
        defer {
            for folder in (try? FileManager.default.contentsOfDirectory(atPath: content + "/revisions")) ?? [] {
                _ = try? CLI.runTool("/usr/bin/chattr", ["-i", content + "/revisions/" + folder + "/ja/01-service-hours.md"])
            }
            try? FileManager.default.removeItem(atPath: work)
        }
        #expect(try CLI.runTool("/usr/bin/chattr", ["+i", stuck]) == 0)
        let run = try CLI.run(["import", Self.seed, "--date", "2025-03-07", "--force", "--content", content])
        #expect(run.status == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: content + "/revisions").sorted()
        #expect(names.count == 2)
        #expect(names.last == "2025-03-07")
        let leftover = try #require(names.first)
        #expect(leftover.hasPrefix(".2025-03-07.replaced-"))
        #expect(run.errors.hasPrefix("\(content)/revisions/\(leftover): error: the revision was imported, but the files it replaced could not all be removed: \(content)/revisions/\(leftover)/ja/01-service-hours.md: Operation not permitted\n  hint: every English page was carried into \(content)/revisions/2025-03-07; delete \(content)/revisions/\(leftover) by hand\n"))
        #expect(FileTree.read(content + "/revisions/2025-03-07/en") == FileTree.read(Repository.root + "/Content/revisions/2025-03-07/en"))
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
        let run = try CLI.run(["import", export, "--date", "2025-03-07", "--force", "--content", content])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.hasPrefix("\(export):7:10: warning: column '備考' is not imported\n"))
        #expect(run.output.hasSuffix("Every item has its English page.\n"))
        #expect(FileTree.read(content + "/revisions/2025-03-07") == FileTree.read(Repository.root + "/Content/revisions/2025-03-07"))
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
            \(export):28:1: error: item 20 has no 設定等
              hint: fill in every column of the item's row; if its 種別 cell was deleted and the cells after it moved one to the left, move them back under their headers
            1 error

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions") == ["2025-03-07"])
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
