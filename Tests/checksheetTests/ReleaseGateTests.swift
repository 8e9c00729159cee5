import Foundation
import Testing
import TestSupport

/// What the release gate stops that would break the public site or a customer's link, through the real binary: direct
/// edits to the published sheet, a renamed slug, an invisible character, a revision dated in the future, and `publish`
/// asked for a revision published already.
@Suite(.serialized) struct ReleaseGateTests {
    typealias CLI = CommandLineTests
    typealias Workflow = ReleaseWorkflowTests

    /// A copy of the real Content/ in `work`, and its published revision's folder.
    static func content(in work: String) throws -> (content: String, revision: String) {
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        return (content, content + "/revisions/2025-03-07")
    }

    /// `file` with `old` replaced by `new`; the test stops when `old` is not there.
    static func edit(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try #require(text.contains(old), "\(file) has no \(old)")
        try Workflow.write(text.replacingOccurrences(of: old, with: new), to: file)
    }

    @Test func withNoDraftTheGateChecksThePublishedRevisionAsTheSiteShowsIt() throws {
        let clean = try CLI.run(["check", "--release", "--today", "2026-01-01"])
        #expect(clean.status == 0, "\(clean.errors)")
        #expect(clean.errors == "")
        #expect(clean.output == "No draft revision in Content/revisions; the published revision 2025-03-07 passes the gate as the site shows it.\n")

        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.content(in: work)
        // Edited in place, as the docs team fixes a published answer: an answer wrapped in HTML, a missing image, a
        // slug written alone as a link, an image embedded as the hint says (which passes).
        try Self.edit(revision + "/ja/11-rto.md", "---\n非公開\n", "---\n<div>\n4時間以内（目標値）\n</div>\n")
        try Self.edit(revision + "/en/11-rto.md", "---\nNot disclosed\n", "---\nNot disclosed. ![構成図](diagram.png)\n")
        try Self.edit(revision + "/ja/12-failure-count.md", "---\n0回\n", "---\n0回（[x](rpo)）\n")
        try Self.edit(revision + "/en/12-failure-count.md", "---\n0\n", "---\n0 ![chart](data:image/png;base64,iVBORw0KGgo=)\n")

        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.output == "")
        #expect(gate.errors == """
            \(revision)/en/11-rto.md:11:23: error: the answer of 'rto' shows the image 'diagram.png', which is not a file of the site
              hint: no file can be at en/items/rto/diagram.png: the build publishes no images for answers (of Content/ it takes only site.yml's logo and favicon); embed the image in the answer as `![…](data:image/png;base64,…)`, or describe it in words
            \(revision)/ja/11-rto.md:11:1: warning: the answer of 'rto' holds raw HTML, '<div>', which the page leaves out
              hint: write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs
            \(revision)/ja/11-rto.md:11:1: error: the answer of 'rto' shows no text
              hint: the page leaves out raw HTML, and HTML such as '<div>' that starts a block takes the text after it up to the next blank line: write the answer in Markdown, without HTML tags
            \(revision)/ja/12-failure-count.md:11:8: error: the answer of 'failure-count' links to 'rpo', which is not a page of the site
              hint: link to the item as `../rpo/index.html`
            3 errors, 1 warning

            """)

        // The build publishes the empty answer, the missing image and the broken link: warnings there, with the same words.
        let warnings = """
            \(revision)/en/11-rto.md:11:23: warning: the answer of 'rto' shows the image 'diagram.png', which is not a file of the site
              hint: no file can be at en/items/rto/diagram.png: the build publishes no images for answers (of Content/ it takes only site.yml's logo and favicon); embed the image in the answer as `![…](data:image/png;base64,…)`, or describe it in words
            \(revision)/ja/11-rto.md:11:1: warning: the answer of 'rto' holds raw HTML, '<div>', which the page leaves out
              hint: write Markdown instead: **bold**, *emphasis*, [text](https://…) for a link, `- ` for a list item, a blank line between paragraphs
            \(revision)/ja/11-rto.md:11:1: warning: the answer of 'rto' shows no text
              hint: the page leaves out raw HTML, and HTML such as '<div>' that starts a block takes the text after it up to the next blank line: write the answer in Markdown, without HTML tags
            \(revision)/ja/12-failure-count.md:11:8: warning: the answer of 'failure-count' links to 'rpo', which is not a page of the site
              hint: link to the item as `../rpo/index.html`
            4 warnings

            """
        let check = try CLI.run(["check", "--today", "2026-01-01", "--content", content])
        #expect(check.status == 0)
        #expect(check.errors == warnings)
        let build = try CLI.run(["build", "--today", "2026-01-01", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0)
        #expect(build.errors == warnings)
    }

    /// Notes written in HTML alone show nothing on the changes page: refused, as an empty answer is.
    @Test func notesThatShowNoTextAreRefused() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("<div>変更なし</div>", "Nothing changed."))
        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.errors == """
            \(revision)/revision.yml:6:1: error: the ja notes show no text
              hint: the pages leave out raw HTML, and HTML that starts a block takes the text after it up to the next blank line: write the notes in Markdown, without HTML tags
            \(revision)/revision.yml:7:7: warning: the ja notes hold raw HTML, '<div>変更なし</div>', which the pages leave out
              hint: write Markdown instead: **bold**, *emphasis*, [text](../rto/index.html) for a link to an item
            1 error, 1 warning

            """)
    }

    /// A slug is the item's permanent URL: a draft that gives a published item a new slug is refused at its `slug:`,
    /// with the slug to keep. It used to publish with a warning that read as if a new item took a retired number.
    @Test func aDraftThatRenamesAPublishedItemsSlugIsRefused() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        for language in ["ja", "en"] {
            let renamed = revision + "/\(language)/11-recovery-time-objective.md"
            try FileManager.default.moveItem(atPath: revision + "/\(language)/11-rto.md", toPath: renamed)
            try Self.edit(renamed, "slug: rto\n", "slug: recovery-time-objective\n")
        }
        let refusal = """
            \(revision)/ja/11-recovery-time-objective.md:3:1: error: item 11 '目標復旧時間(RTO)' was published as 'rto' in 2025-03-07: the slug is the item's permanent URL, and links to ja/items/rto/ and en/items/rto/ would say the item was removed
              hint: keep `slug: rto` here and in \(revision)/en/11-recovery-time-objective.md:3; a new slug is for a new item only
            1 error

            """
        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.output == "")
        #expect(gate.errors == refusal)
        let publish = try CLI.run(["publish", "2025-10-01", "--today", "2026-01-01", "--content", content])
        #expect(publish.status == 1)
        #expect(publish.errors == refusal + "The revision 2025-10-01 was not published; fix the problems above and run `checksheet publish 2025-10-01` again.\n")
        #expect(try String(contentsOfFile: revision + "/revision.yml", encoding: .utf8).contains("draft: true\n"))

        // Under the new slug with another name and definition it is a new item: not a rename.
        for (language, name, definition) in [("ja", "目標復旧時間(RTO)", "障害発生後のサービス提供の再開に関して設定された目標時間"),
                                             ("en", "Recovery time objective (RTO)", "Target time set for resuming service provision after a failure")] {
            let page = revision + "/\(language)/11-recovery-time-objective.md"
            try Self.edit(page, "item: \(name)\n", "item: \(name)!\n")
            try Self.edit(page, "definition: \(definition)\n", "definition: \(definition)!\n")
        }
        let other = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(!other.errors.contains("permanent URL"), "\(other.errors)")
    }

    /// A draft's new slug is left to the gate, which refuses it at publish: `check` and `build` warn as they did.
    @Test func aDraftThatRenamesASlugIsAWarningOfCheck() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        for language in ["ja", "en"] { try Self.edit(revision + "/\(language)/11-rto.md", "slug: rto\n", "slug: recovery-time-objective\n") }
        let check = try CLI.run(["check", "--today", "2026-01-01", "--content", content])
        #expect(check.status == 0)
        #expect(check.errors == """
            \(revision)/ja/11-rto.md:2:1: warning: number 11 was item 'rto' until revision 2025-10-01 removed it
              hint: customers cite items by number: give 'recovery-time-objective' a number never used, such as 50, or keep the slug 'rto' if it is the same item
            1 warning

            """)
    }

    /// A published revision edited so that a slug changed is found too, against the revision before it.
    @Test func aPublishedRevisionThatRenamedASlugIsReported() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        #expect(try CLI.run(["publish", "2025-10-01", "--today", "2026-01-01", "--content", content]).status == 0)
        for language in ["ja", "en"] { try Self.edit(revision + "/\(language)/11-rto.md", "slug: rto\n", "slug: recovery-time-objective\n") }
        let refusal = """
            \(revision)/ja/11-rto.md:3:1: error: item 11 '目標復旧時間(RTO)' was published as 'rto' in 2025-03-07: the slug is the item's permanent URL, and links to ja/items/rto/ and en/items/rto/ would say the item was removed
              hint: keep `slug: rto` here and in \(revision)/en/11-rto.md:3; a new slug is for a new item only
            1 error

            """
        let gate = try CLI.run(["check", "--release", "--today", "2026-01-01", "--content", content])
        #expect(gate.status == 1)
        #expect(gate.errors == refusal)
        // `check` and `build` refuse it too, in the gate's words (they used to warn that a new item took a retired
        // number, and publish a page saying the item was removed); the build writes nothing.
        let check = try CLI.run(["check", "--today", "2026-01-01", "--content", content])
        #expect(check.status == 1)
        #expect(check.errors == refusal)
        let build = try CLI.run(["build", "--today", "2026-01-01", "--content", content, "--output", work + "/public"])
        #expect(build.status == 1)
        #expect(build.errors == refusal)
        #expect(!FileManager.default.fileExists(atPath: work + "/public"))
    }

    /// Publishing what is published already is done: said so, with since when, and exit status 0, nothing written.
    @Test func publishingARevisionPublishedAlreadySaysSoAndSucceeds() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, _) = try Workflow.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        let before = FileTree.read(content)
        let current = try CLI.run(["publish", "2025-03-07", "--today", "2026-01-01", "--content", content])
        #expect(current.status == 0)
        #expect(current.errors == "")
        #expect(current.output == "The revision 2025-03-07 is published already: it has been the current sheet since 2025-03-07. Nothing to publish; nothing was changed.\n")
        #expect(FileTree.read(content) == before)

        #expect(try CLI.run(["publish", "2025-10-01", "--today", "2026-01-01", "--content", content]).status == 0)
        let replaced = try CLI.run(["publish", "2025-03-07", "--today", "2026-01-01", "--content", content])
        #expect(replaced.status == 0)
        #expect(replaced.output == "The revision 2025-03-07 is published already: it was the current sheet from 2025-03-07 until 2025-10-01 replaced it. Nothing to publish; nothing was changed.\n")
        let again = try CLI.run(["publish", "2025-10-01", "--today", "2026-01-01", "--content", content])
        #expect(again.status == 0)
        #expect(again.output == "The revision 2025-10-01 is published already: it has been the current sheet since 2025-10-01. Nothing to publish; nothing was changed.\n")
    }

    /// A zero-width character looks like nothing: named, with its column. In a category it breaks the match with
    /// site.yml (it was "unknown category '信頼性​'" with a hint listing '信頼性'); elsewhere it is a warning.
    @Test func invisibleCharactersInFrontMatterAreNamedWithTheirColumn() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Self.content(in: work)
        try Self.edit(revision + "/ja/11-rto.md", "category: 信頼性\n", "category: 信頼性\u{200B}\n")
        try Self.edit(revision + "/en/12-failure-count.md", "item: Number of failures\n", "item: Number\u{2060} of failures\u{200D}\n")
        try Self.edit(revision + "/en/12-failure-count.md", "keywords: [number of outages,", "keywords: [number\u{FEFF} of outages,")
        let check = try CLI.run(["check", "--today", "2026-01-01", "--content", content])
        #expect(check.status == 1)
        #expect(check.errors == """
            \(revision)/en/12-failure-count.md:6:13: warning: 'item' holds an invisible character, U+2060 WORD JOINER at column 13
              hint: delete it: readers do not see it, but search, downloads and copied text keep it
            \(revision)/en/12-failure-count.md:6:26: warning: 'item' holds an invisible character, U+200D ZERO WIDTH JOINER at column 26
              hint: delete it: readers do not see it, but search, downloads and copied text keep it
            \(revision)/en/12-failure-count.md:9:18: warning: 'keywords' holds an invisible character, U+FEFF ZERO WIDTH NO-BREAK SPACE at column 18
              hint: delete it: readers do not see it, but search, downloads and copied text keep it
            \(revision)/ja/11-rto.md:5:14: error: 'category' holds an invisible character, U+200B ZERO WIDTH SPACE at column 14
              hint: delete it: with it the category is not the one of site.yml it looks like
            1 error, 3 warnings

            """)
    }

    /// A revision dated after today goes live with the next build: publishing ahead is allowed, so it is a warning, in
    /// the gate, in `publish`, then in `check` and `build` while the date is ahead.
    @Test func aRevisionDatedAfterTodayIsAWarning() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (content, revision) = try Workflow.draftOfOctober(in: work, notes: ("変更はありません。", "Nothing changed."))
        let ahead = """
            \(revision)/revision.yml:1:1: warning: the revision is dated 2025-10-01, after today (2025-09-15)
              hint: publishing ahead of its date is allowed: once published, the site shows it as the current sheet from the next build on
            1 warning

            """
        let gate = try CLI.run(["check", "--release", "--today", "2025-09-15", "--content", content])
        #expect(gate.status == 0)
        #expect(gate.errors == ahead)
        #expect(gate.output == "Release 2025-10-01 (replaces 2025-03-07), 49 items: 0 added, 0 changed, 0 removed, 0 renumbered\nReady: checksheet publish 2025-10-01\n")
        let publish = try CLI.run(["publish", "2025-10-01", "--today", "2025-09-15", "--content", content])
        #expect(publish.status == 0)
        #expect(publish.errors == ahead)

        let live = """
            \(revision)/revision.yml:1:1: warning: the published revision 2025-10-01 is dated after today (2025-09-15)
              hint: the site shows it as the current sheet from now on; to publish it on its date, put `draft: true` back until then
            1 warning

            """
        let check = try CLI.run(["check", "--today", "2025-09-15", "--content", content])
        #expect(check.status == 0)
        #expect(check.errors == live)
        let build = try CLI.run(["build", "--today", "2025-09-15", "--content", content, "--output", work + "/public"])
        #expect(build.status == 0)
        #expect(build.errors == live)
        let upToDate = try CLI.run(["build", "--today", "2025-09-15", "--content", content, "--output", work + "/public"])
        #expect(upToDate.errors == live)
        #expect(upToDate.output.hasPrefix("Up to date"))
        let released = try CLI.run(["check", "--release", "--today", "2025-09-15", "--content", content])
        #expect(released.errors == live)
        #expect(released.output == "No draft revision in \(content)/revisions; the published revision 2025-10-01 passes the gate as the site shows it.\n")
        // On its date it is no longer ahead.
        #expect(try CLI.run(["check", "--today", "2025-10-01", "--content", content]).errors == "")
        #expect(try CLI.run(["check", "--today", "2025-10-1", "--content", content]).errors.contains("--today must be a calendar date written YYYY-MM-DD, not '2025-10-1'\n"))
    }
}
