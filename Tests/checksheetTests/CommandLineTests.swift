import Foundation
import Testing
import TestSupport

/// The `checksheet` binary run as a person runs it: arguments in, exit status and output out.
@Suite(.serialized) struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in directory: String = Repository.root, environment: [String: String] = [:], as user: String? = nil) throws -> Run {
        let process = Process()
        if let user {
            // setpriv drops root for the run, so that file permissions apply as they do to the docs team.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=65534", "--clear-groups", BuiltProduct.checksheet] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: BuiltProduct.checksheet)
            process.arguments = arguments
        }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// The Japanese pages of Content/ without the `keywords` line the docs team added for search after the import:
    /// everything else is exactly what importing the seed makes.
    static func japanesePagesAsImported() -> [String: Data] {
        FileTree.read(Repository.root + "/Content/revisions/2025-03-07/ja").mapValues {
            Data(String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("keywords: ") }.joined(separator: "\n").utf8)
        }
    }

    @Test func checkListsEveryProblemAndFails() throws {
        let run = try Self.run(["check", "--content", "Tests/ChecksheetKitTests/Fixtures/invalid"])
        #expect(run.status == 1)
        #expect(run.output == "")
        let lines = run.errors.split(separator: "\n")
        #expect(lines.last == "20 errors")
        #expect(lines.contains("Tests/ChecksheetKitTests/Fixtures/invalid/revisions/2025-03-07/ja/03-rto.md:2:5: error: 'no' must be a whole number from 1, found '三'"))
        #expect(lines.contains("  hint: write the item's place in the sheet, for example `no: 12`"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let output = work + "/public"
        let good = try Self.run(["build", "--output", output])
        #expect(good.status == 0)
        let before = FileTree.read(output)
        #expect(good.output.hasPrefix("Wrote \(before.count - 1) files"), "the marker is not a page of the site")
        #expect(before.count > 200)

        // Break one Japanese page in a copy of the content.
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        let page = content + "/revisions/2025-03-07/ja/42-encryption-in-transit.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "slug: encryption-in-transit", with: "slug: tls\nsecret: x").write(toFile: page, atomically: true, encoding: .utf8)
        let bad = try Self.run(["build", "--content", content, "--output", output])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("\(page):4:1: error: unknown key 'secret'"))
        // Only the real problem: the English page of the broken Japanese page is not reported as alone.
        #expect(!bad.errors.contains("has no Japanese page"))
        #expect(bad.errors.hasSuffix("1 error\n"), "\(bad.errors)")
        #expect(FileTree.read(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["Content", "public"])
    }

    @Test func twoBuildsWriteIdenticalTrees() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try Self.run(["build", "--output", work + "/a"]).status == 0)
        #expect(try Self.run(["build", "--output", work + "/b"]).status == 0)
        let a = FileTree.read(work + "/a"), b = FileTree.read(work + "/b")
        #expect(a.count > 200)
        #expect(a == b)
    }

    @Test(arguments: ["checksheet-2025-03-07.tsv", "checksheet-2025-03-07-excel.csv", "checksheet-2025-03-07-sjis.csv"])
    func importWritesTheJapanesePagesOfContent(file: String) throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content/site.yml", toPath: work + "/site.yml")
        let run = try Self.run(["import", Repository.fixtures + "/import/" + file, "--date", "2025-03-07", "--glossary", Repository.fixtures + "/import/glossary.tsv", "--content", work])
        #expect(run.status == 0, "\(run.errors)")
        let encoding = file.hasSuffix("sjis.csv") ? "Shift_JIS (CP932), comma-separated" : file.hasSuffix(".csv") ? "UTF-8 with BOM, comma-separated" : "UTF-8, tab-separated"
        #expect(run.output.hasPrefix("Imported 49 items from \(Repository.fixtures)/import/\(file) (\(encoding)) into \(work)/revisions/2025-03-07/\nItems that need English (49), to write in \(work)/revisions/2025-03-07/en/ (changed items keep their earlier English, shown as translation pending until updated):\n  01-service-hours.md  サービス時間\n"))
        let imported = FileTree.read(work + "/revisions/2025-03-07/ja")
        let content = Self.japanesePagesAsImported()
        #expect(imported.count == 49)
        #expect(imported == content)

        let again = try Self.run(["import", Repository.fixtures + "/import/" + file, "--date", "2025-03-07", "--content", work])
        #expect(again.status == 1)
        #expect(again.errors == "\(work)/revisions/2025-03-07: error: the revision 2025-03-07 exists already\n  hint: pass --force to replace it, or choose another --date\n1 error\n")
    }

    @Test func badArgumentsAreRefused() throws {
        let run = try Self.run(["import", "x.tsv", "--date", "2025-02-30"])
        #expect(run.status == 64)
        #expect(run.errors.hasPrefix("Error: --date must be a calendar date written YYYY-MM-DD, not '2025-02-30'\n"))
    }

    @Test func importingANewRevisionShowsExactlyWhatChangedAndKeepsEveryURL() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        #expect(try Self.run(["build", "--content", content, "--output", work + "/before"]).status == 0)
        let before = Set(FileTree.read(work + "/before").keys)

        // The next Excel export: two answers changed, item 47 removed (48 and 49 move up), a new item at the end.
        var lines = try String(contentsOfFile: Repository.fixtures + "/import/checksheet-2025-03-07.tsv", encoding: .utf8).components(separatedBy: "\n")
        lines = lines.map { line in
            line.replacingOccurrences(of: "\t有。TLS 1.2", with: "\t有。TLS 1.3")
                .replacingOccurrences(of: "\t72時間", with: "\t96時間")
                .replacingOccurrences(of: "2025年3月7日版", with: "2025年9月1日版")
        }
        lines.removeAll { $0.hasPrefix("47\t") }
        lines = lines.map { line in
            if line.hasPrefix("48\t") { return "47" + line.dropFirst(2) }
            if line.hasPrefix("49\t") { return "48" + line.dropFirst(2) }
            return line
        }
        let last = lines.lastIndex { $0.hasPrefix("48\t") }!
        lines.insert("49\t多要素認証\t多要素認証の提供有無\t有無\t有。全プランで提供", at: last + 1)
        let export = work + "/export.tsv"
        try lines.joined(separator: "\n").write(toFile: export, atomically: true, encoding: .utf8)

        let imported = try Self.run(["import", export, "--date", "2025-09-01", "--content", content])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("New items with a provisional slug (rename the slug before publishing; it never changes afterwards):\n  49. 多要素認証: item-49\n"))
        #expect(imported.output.hasSuffix("""
            Items that need English (3), to write in \(content)/revisions/2025-09-01/en/ (changed items keep their earlier English, shown as translation pending until updated):
              30-backup-retention.md  バックアップデータの保存期間
              42-encryption-in-transit.md  通信の暗号化レベル
              49-item-49.md  多要素認証

            """))

        // The docs team names the new item and translates it; the two changed answers stay pending for now.
        let revision = content + "/revisions/2025-09-01"
        let japanese = try String(contentsOfFile: revision + "/ja/49-item-49.md", encoding: .utf8).replacingOccurrences(of: "slug: item-49", with: "slug: multi-factor-authentication")
        try FileManager.default.removeItem(atPath: revision + "/ja/49-item-49.md")
        try japanese.write(toFile: revision + "/ja/49-multi-factor-authentication.md", atomically: true, encoding: .utf8)
        try "---\nno: 49\nslug: multi-factor-authentication\nsection: Security\ncategory: Security\nitem: Multi-factor authentication\ndefinition: Whether multi-factor authentication is provided\nunit: Yes/No\n---\nYes. Provided on all plans\n"
            .write(toFile: revision + "/en/49-multi-factor-authentication.md", atomically: true, encoding: .utf8)

        let built = try Self.run(["build", "--drafts", "--content", content, "--output", work + "/after"])
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors == """
            \(revision)/en/30-backup-retention.md:11:1: warning: the Japanese 'answer' of 'backup-retention' changed in revision 2025-09-01 but its English did not
              hint: translate the change; until then the English site shows the current Japanese with a “translation pending” notice
            \(revision)/en/42-encryption-in-transit.md:11:1: warning: the Japanese 'answer' of 'encryption-in-transit' changed in revision 2025-09-01 but its English did not
              hint: translate the change; until then the English site shows the current Japanese with a “translation pending” notice
            2 warnings

            """)
        let after = FileTree.read(work + "/after")
        #expect(before.subtracting(after.keys).isEmpty, "URLs lost: \(before.subtracting(after.keys).sorted())")
        let changes = String(decoding: after["ja/changes/2025-09-01/index.html"]!, as: UTF8.self)
        #expect(changes.contains("<p class=\"revision-summary\">追加1件・変更2件・削除1件・番号のみ変更2件</p>"))
        let changed = changes.matches(of: /<article class="change" id="[^"]+">\n<h3><a href="[^"]+">([^<]+)<\/a>/).map { String($0.1) }
        #expect(changed == ["30. バックアップデータの保存期間", "42. 通信の暗号化レベル"])
        // A changed number shows in place, whole; added and removed items show their answers.
        #expect(changes.contains("<p class=\"diff-text\"><del>72</del><ins>96</ins>時間</p>"))
        #expect(changes.contains("<p class=\"diff-text\">有。TLS <del>1.2</del><ins>1.3</ins></p>"))
        #expect(changes.contains("<li class=\"change\"><h3><a href=\"../../items/multi-factor-authentication/index.html\">49. 多要素認証</a></h3><div class=\"change-answer\"><p class=\"change-answer-label\">設定等</p><p>有。全プランで提供</p>\n</div></li>"))
        #expect(changes.contains("<li class=\"change\"><h3><a href=\"../../items/virus-scanning/index.html\">47. ウイルススキャン</a></h3><div class=\"change-answer\"><p class=\"change-answer-label\">設定等</p>"))
        let removed = String(decoding: after["en/items/virus-scanning/index.html"]!, as: UTF8.self)
        #expect(removed.contains("This item was removed in the version dated September 1, 2025."))

        let json = try Self.run(["diff", "2025-03-07", "2025-09-01", "--format", "json", "--content", content])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "2025-03-07")
        #expect(object["to"] as? String == "2025-09-01")
        let changedItems = try #require(object["changed"] as? [[String: Any]])
        #expect(changedItems.map { $0["slug"] as? String } == ["backup-retention", "encryption-in-transit"])
        #expect(changedItems.map { $0["fields"] as? [String] } == [["answer"], ["answer"]])
        #expect(changedItems.map { $0["title"] as? String } == ["バックアップデータの保存期間", "通信の暗号化レベル"])
        // Each changed field's text at either end, as the pages show it: what a reviewer copies into a form.
        #expect(changedItems.map { $0["before"] as? [String: String] } == [["answer": "72時間"], ["answer": "有。TLS 1.2"]])
        #expect(changedItems.map { $0["after"] as? [String: String] } == [["answer": "96時間"], ["answer": "有。TLS 1.3"]])
        #expect((object["added"] as? [[String: Any]])?.first?["answer"] as? String != nil)
        #expect((object["added"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["multi-factor-authentication"])
        #expect((object["removed"] as? [[String: Any]])?.map { $0["no"] as? Int } == [47])
        #expect((object["renumbered"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["storage-media-security", "data-residency"])

        // Dates given the wrong way round still compare (going back), but the run says so.
        let back = try Self.run(["diff", "2025-09-01", "2025-03-07", "--format", "json", "--content", content])
        #expect(back.status == 0)
        #expect(back.errors == """
            \(content)/revisions/2025-09-01: warning: 2025-09-01 is later than 2025-03-07: this lists the changes going back from 2025-09-01 to 2025-03-07
              hint: for what changed since 2025-03-07, give the earlier date first: `checksheet diff 2025-03-07 2025-09-01`
            1 warning

            """)
        let backObject = try #require(try JSONSerialization.jsonObject(with: Data(back.output.utf8)) as? [String: Any])
        #expect((backObject["added"] as? [[String: Any]])?.map { $0["no"] as? Int } == [47])
    }

    /// Customers cite items by number: an item that takes the number of one a revision removed is warned about, in
    /// the revision where it takes it.
    @Test func aRetiredNumberTakenByAnotherItemIsWarnedAbout() throws {
        let (work, content) = try ImportCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try Self.run(["new-revision", "2025-09-01", "--content", content]).status == 0)
        for language in ["ja", "en"] { try FileManager.default.removeItem(atPath: "\(content)/revisions/2025-09-01/\(language)/48-storage-media-security.md") }
        #expect(try Self.run(["check", "--content", content]).errors == "")
        #expect(try Self.run(["new-revision", "2025-12-01", "--content", content]).status == 0)
        for language in ["ja", "en"] {
            let old = try String(contentsOfFile: "\(content)/revisions/2025-03-07/\(language)/48-storage-media-security.md", encoding: .utf8)
            try old.replacingOccurrences(of: "slug: storage-media-security", with: "slug: media-disposal")
                .write(toFile: "\(content)/revisions/2025-12-01/\(language)/48-media-disposal.md", atomically: true, encoding: .utf8)
        }
        let check = try Self.run(["check", "--content", content])
        #expect(check.status == 0)
        #expect(check.errors == """
            \(content)/revisions/2025-12-01/ja/48-media-disposal.md:2:1: warning: number 48 was item 'storage-media-security' until revision 2025-09-01 removed it
              hint: customers cite items by number: give 'media-disposal' a number never used, such as 50, or keep the slug 'storage-media-security' if it is the same item
            1 warning

            """)
    }

    @Test func newRevisionStartsAsACopyOfTheNewest() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        let run = try Self.run(["new-revision", "2025-10-01", "--content", work + "/Content"])
        #expect(run.output == "Started \(work)/Content/revisions/2025-10-01/ as a copy of 2025-03-07 (49 items); edit it, preview it with `checksheet serve`, then `checksheet publish 2025-10-01`.\n")
        let copy = FileTree.read(work + "/Content/revisions/2025-10-01")
        let original = FileTree.read(Repository.root + "/Content/revisions/2025-03-07")
        #expect(copy.keys.sorted() == original.keys.sorted())
        for (path, data) in original where path != "revision.yml" { #expect(copy[path] == data, "\(path)") }
        #expect(String(decoding: copy["revision.yml"]!, as: UTF8.self) == "date: '2025-10-01'\ntitle:\n  ja: 2025年10月1日版\n  en: Version dated October 1, 2025\ndraft: true\n")
        let diff = try Self.run(["diff", "2025-03-07", "2025-10-01", "--content", work + "/Content"])
        #expect(diff.output == "Changes from 2025-03-07 to 2025-10-01 (ja): 0 added, 0 changed, 0 removed, 0 renumbered\n")
        // `build` leaves the draft out, and says so, on a first build and on one with nothing to do.
        let note = "Left out the draft revision 2025-10-01 (not published): preview with `checksheet serve`, or build with `--drafts` into another folder.\n"
        let built = try Self.run(["build", "--content", work + "/Content", "--output", work + "/public"])
        #expect(built.status == 0)
        #expect(built.output.hasSuffix("index.html\n" + note))
        let rebuilt = try Self.run(["build", "--content", work + "/Content", "--output", work + "/public"])
        #expect(rebuilt.output.hasPrefix("Up to date: "))
        #expect(rebuilt.output.hasSuffix(note))
        #expect(try Self.run(["build", "--drafts", "--content", work + "/Content", "--output", work + "/preview"]).output.contains("Left out") == false)
        let again = try Self.run(["new-revision", "2025-01-01", "--content", work + "/Content"])
        #expect(again.status == 1)
        #expect(again.errors.contains("error: 2025-01-01 is not after the newest revision, 2025-10-01"))
    }
}
