import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// What `check` and `build` say of content that would publish otherwise than its writer meant: a pipe table, a heading
/// of the page's own level, a field too long for Excel, a link that leads nowhere, a full-width space in YAML, an
/// editor's backup beside the pages.
@Suite struct ContentWarningTests {
    /// The real content with `edit` applied to the text of the Japanese page whose name ends in `page`, checked; the
    /// diagnostics as printed, and the page's path.
    static func check(_ page: String, language: Language = .ja, _ edit: (String) -> String) throws -> (messages: [String], path: String, built: Bool) {
        var content = ContentSource.read(from: Repository.content)
        let index = try #require(content.revisions[0].pages[language]?.firstIndex { $0.path.hasSuffix(page) })
        content.revisions[0].pages[language]![index].text = edit(content.revisions[0].pages[language]![index].text)
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: Repository.theme))
        return (outcome.diagnostics.map(\.formatted), content.revisions[0].pages[language]![index].path, outcome.files != nil)
    }

    @Test func aPipeTableInAnAnswerIsAWarningAtItsHeaderRow() throws {
        let (messages, path, built) = try Self.check("/05-availability-rate.md") {
            $0 + "\n\n| 月 | 稼働率 |\n|:---|---:|\n| 1月 | 99.99% |\n\n```\n| a | b |\n|---|---|\n```\n\n> - x | y\n>   --|--\n"
        }
        let hint = "  hint: use a list instead, one `- ` line per row, such as `- 平日: 9:00〜18:00`"
        #expect(messages == [
            "\(path):14:1: warning: the answer of 'availability-rate' holds a table, '| 月 | 稼働率 |': tables are not supported; the text shows as written, with its pipes\n" + hint,
            "\(path):23:3: warning: the answer of 'availability-rate' holds a table, '- x | y': tables are not supported; the text shows as written, with its pipes\n" + hint,
        ])
        #expect(built, "a warning does not stop a build")
        // A header row and a delimiter row of different widths are no table, nor are pipes alone.
        #expect(Markdown.unsupported("| a | b |\n|---|\n\na | b\n").isEmpty)
        #expect(Markdown.unsupported("a | b\n-|-") == [Markdown.Unsupported(kind: .table, text: "a | b", line: 1)])
    }

    @Test func aPipeTableInTheNotesIsAWarningAtItsLine() throws {
        var content = ContentSource.read(from: Repository.content)
        var metadata = try #require(content.revisions[0].metadata)
        metadata.text += "notes:\n  ja: |\n    変更点:\n\n    | 項目 | 変更 |\n    |---|---|\n    | 5 | 稼働率 |\n  en: Nothing changed.\n"
        content.revisions[0].metadata = metadata
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: Repository.theme))
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(metadata.path):9:5: warning: the ja notes hold a table: tables are not supported; the text shows as written, with its pipes\n"
                + "  hint: use a list instead, one `- ` line per row",
        ])
    }

    @Test func aHeadingOfThePagesOwnLevelsInAnAnswerIsAWarning() throws {
        let (messages, path, _) = try Self.check("/10-mttr.md") { $0 + "\n\n# 体制\n\n詳細\n===\n\n## 手順\n\n### 細目\n\n- # 項目\n" }
        let hint = "  hint: the item's name is the page's heading: write this as bold text on its own line (`**…**`), or as a `###` heading"
        #expect(messages == [
            "\(path):14:1: warning: the answer of 'mttr' holds a heading, '# 体制', which becomes a second <h1> on the item page\n" + hint,
            "\(path):16:1: warning: the answer of 'mttr' holds a heading, '詳細', which becomes a second <h1> on the item page\n" + hint,
            "\(path):19:1: warning: the answer of 'mttr' holds a heading, '## 手順', which becomes an <h2> among the item page's own section headings\n" + hint,
            "\(path):23:3: warning: the answer of 'mttr' holds a heading, '# 項目', which becomes a second <h1> on the item page\n" + hint,
        ])
    }

    @Test func aLineBreakWrittenAsBrIsToldHowToWriteOne() throws {
        let (messages, path, _) = try Self.check("/05-availability-rate.md") { $0 + "<br>（計画停止を除く）" }
        #expect(messages == [
            "\(path):12:1: warning: the answer of 'availability-rate' holds raw HTML, '<br>', which the page leaves out\n"
                + "  hint: to break the line in Markdown, end it with a backslash (`\\`) and go on on the next line; a blank line starts a new paragraph",
        ])
    }

    @Test func aFieldLongerThanAnExcelCellIsAWarningAtTheField() throws {
        let long = String(repeating: "長い回答。", count: 8_000)
        let (messages, path, built) = try Self.check("/05-availability-rate.md", language: .en) { $0 + "\n\n" + long }
        #expect(messages == [
            "\(path):11:1: warning: the answer of 'availability-rate' is 40,014 characters in the downloads, more than the 32,767 an Excel cell holds\n"
                + "  hint: Excel refuses to open the XLSX download or cuts the cell: shorten the answer, and link to a page with the details",
        ])
        #expect(built)
        // Just under the limit, nothing is said.
        #expect(try Self.check("/05-availability-rate.md", language: .en) { $0 + "\n\n" + String(repeating: "x", count: 32_767 - 14) }.messages == [])
    }

    @Test func aFullWidthSpaceAfterAKeysColonIsNamedAtItsPlace() {
        let page = "---\nno: 10\nslug: mttr\nsection: アプリケーション運用\ncategory: 信頼性\nitem: 平均復旧時間(MTTR)\ndefinition: 障害発生から修理完了までの平均時間\nunit:\u{3000}時間\n---\n非公開\n"
        guard case let .failure(error) = ItemPage.parse(page, file: "p.md", language: .ja) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == [
            "p.md:8:6: error: a full-width space (U+3000) follows 'unit:'; YAML needs an ASCII space\n  hint: replace it with an ordinary space: `unit: 時間`",
        ])
        // In site.yml and revision.yml too, a no-break space named as one.
        let metadata = SourceFile(path: "revision.yml", text: "date: '2025-03-07'\ntitle:\n  ja:\u{A0}2025年3月7日版\n  en: Version\n")
        #expect(RevisionMetadata.parse(metadata, folderName: "2025-03-07").failureMessages == [
            "revision.yml:3:6: error: a no-break space (U+00A0) follows 'ja:'; YAML needs an ASCII space\n  hint: replace it with an ordinary space: `ja: 2025年3月7日版`",
        ])
    }

    @Test func anEditorsBackupBesideItsPageIsNotToBeRenamedOverIt() throws {
        let content = try InputProblemTests.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let folder = content + "/revisions/2025-03-07/ja"
        for name in ["01-service-hours.md~", "#02-planned-outage-notice.md#", "03-end-of-service-notice.md.bak", "04-sudden-discontinuation.md.orig",
                     "05-availability-rate.md.swp", "06-disaster-recovery.txt", "60-new-item.md~"] {
            try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let read = ContentSource.read(from: content)
        func backup(_ name: String, _ page: String) -> String {
            "Content/revisions/2025-03-07/ja/\(name): warning: ignored: it is not an item page\n"
                + "  hint: it looks like an editor's backup of \(page), which is the item's page: delete it, or move it out of Content/revisions/2025-03-07/ja"
        }
        #expect(read.diagnostics.map { $0.formatted.replacingOccurrences(of: content, with: "Content") } == [
            backup("#02-planned-outage-notice.md#", "02-planned-outage-notice.md"),
            backup("01-service-hours.md~", "01-service-hours.md"),
            backup("03-end-of-service-notice.md.bak", "03-end-of-service-notice.md"),
            backup("04-sudden-discontinuation.md.orig", "04-sudden-discontinuation.md"),
            backup("05-availability-rate.md.swp", "05-availability-rate.md"),
            "Content/revisions/2025-03-07/ja/06-disaster-recovery.txt: warning: ignored: it is not an item page\n"
                + "  hint: item pages end in `.md`, and 06-disaster-recovery.md is a page already: delete this file, or move it out of Content/revisions/2025-03-07/ja",
            "Content/revisions/2025-03-07/ja/60-new-item.md~: warning: ignored: it is not an item page\n"
                + "  hint: item pages end in `.md`; rename it 60-new-item.md to publish it, or move it elsewhere",
        ])
    }

    /// The release gate's link check, as warnings of `check` and `build`: at the link, in the gate's words.
    @Test func brokenLinksAndMissingImagesInAnswersAreWarningsOfCheckAndBuild() throws {
        var content = ContentSource.read(from: Repository.content)
        let index = try #require(content.revisions[0].pages[.ja]?.firstIndex { $0.path.hasSuffix("/07-major-failure-alternatives.md") })
        content.revisions[0].pages[.ja]![index].text += "（[RTO](rto)、[#](#top)、[RTO](../rto/)、![構成図](diagram.png)、[RPO](../rpo/index.html)）\n"
        let path = content.revisions[0].pages[.ja]![index].path
        let expected = [
            "\(path):12:8: warning: the answer of 'major-failure-alternatives' links to 'rto', which is not a page of the site\n  hint: link to the item as `../rto/index.html`",
            "\(path):12:17: warning: the answer of 'major-failure-alternatives' links to '#top', but ja/items/major-failure-alternatives/index.html has no element with id 'top'\n"
                + "  hint: link to an id this page has",
            "\(path):12:29: warning: the answer of 'major-failure-alternatives' links to '../rto/', a link to a folder, which shows a file listing instead of the page when the site is opened from disk\n"
                + "  hint: write it relative to the item's page: `../rto/index.html`",
            "\(path):12:45: warning: the answer of 'major-failure-alternatives' shows the image 'diagram.png', which is not a file of the site\n"
                + "  hint: no file can be at ja/items/major-failure-alternatives/diagram.png: the build publishes no images for answers (of Content/ it takes only site.yml's logo and favicon); "
                + "embed the image in the answer as `![…](data:image/png;base64,…)`, or describe it in words",
        ]
        let theme = Theme.read(from: Repository.theme)
        let check = Pipeline.check(content: content, theme: theme)
        #expect(check.diagnostics.map(\.formatted) == expected)
        #expect(check.files != nil)
        let build = Pipeline.build(content: content, theme: theme)
        #expect(build.diagnostics.map(\.formatted) == expected)
        #expect(build.files != nil, "a warning does not stop a build")
    }
}

private extension Result where Success == RevisionMetadata, Failure == DiagnosticsError {
    var failureMessages: [String] {
        guard case let .failure(error) = self else { return [] }
        return error.diagnostics.map(\.formatted)
    }
}
