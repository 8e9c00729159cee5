import Foundation
import Testing
import TestSupport

/// `--out` of `translations export` and `answer` writes a new file, or an existing one with `--force`; never the
/// file the command reads, nor a file of the content or theme folder, whatever the flags. A refusal writes nothing.
@Suite(.serialized) struct OutFileTests {
    typealias CLI = CommandLineTests

    /// A work folder holding copies of the real Content/ and Site/, and a questionnaire `q.csv`.
    static func work() throws -> String {
        let work = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: work + "/Content")
        try FileManager.default.copyItem(atPath: Repository.root + "/Site", toPath: work + "/Site")
        try "Question\nIs data encrypted in transit?\n".write(toFile: work + "/q.csv", atomically: true, encoding: .utf8)
        return work
    }

    static func refusal(_ path: String, _ message: String, _ hint: String) -> String {
        "\(path): error: \(message)\n  hint: \(hint)\n1 error\n"
    }

    static let exists = "choose another file name, or pass --force to replace it; nothing was written"

    /// The README exported and imported one name: a second export replaced the translators' file (3 finished
    /// targets, then none).
    @Test func anExportDoesNotReplaceTheTranslatorsFileWithoutForce() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try ReleaseWorkflowTests.nextExport(to: work + "/export.tsv")
        #expect(try CLI.run(["import", "export.tsv", "--date", "2025-09-01"], in: work).status == 0)
        let returned = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><!-- three finished targets --></xliff>\n"
        try returned.write(toFile: work + "/returned.xlf", atomically: true, encoding: .utf8)

        let refused = try CLI.run(["translations", "export", "--out", "returned.xlf"], in: work)
        #expect(refused.status == 1)
        #expect(refused.output == "")
        #expect(refused.errors == Self.refusal("returned.xlf", "the file exists", Self.exists))
        #expect(try String(contentsOfFile: work + "/returned.xlf", encoding: .utf8) == returned)

        let forced = try CLI.run(["translations", "export", "--out", "returned.xlf", "--force"], in: work)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(forced.output.hasPrefix("Wrote 3 fields of 3 items of 2025-09-01 to returned.xlf\n"))
        #expect(try String(contentsOfFile: work + "/returned.xlf", encoding: .utf8).contains("<trans-unit id=\"mttr/answer\""))
        // The write goes through a temporary file beside it, which does not stay.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["Content", "Site", "export.tsv", "q.csv", "returned.xlf"])
    }

    /// `--out` into the content or theme folder is refused with or without `--force`, as `build --output` is; a
    /// folder that does not exist is a plain failure that leaves nothing behind.
    @Test func nothingIsWrittenIntoTheContentOrTheThemeFolder() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let before = FileTree.read(work)
        let inside = "the command would write over the files the site is built from; choose a file outside '%@'; nothing was written"
        for (arguments, path, message, folder) in [
            (["translations", "export", "--out", "Content/site.yml"], "Content/site.yml", "the file lies inside the content folder, 'Content'", "Content"),
            (["translations", "export", "--out", "Content/site.yml", "--force"], "Content/site.yml", "the file lies inside the content folder, 'Content'", "Content"),
            (["translations", "export", "--format", "csv", "--out", "./Site/../Content/new.csv", "--force"], "./Site/../Content/new.csv", "the file lies inside the content folder, 'Content'", "Content"),
            (["translations", "export", "--out", "Site/templates/item.mustache", "--force"], "Site/templates/item.mustache", "the file lies inside the theme folder, 'Site'", "Site"),
            (["answer", "q.csv", "--out", "Content/site.yml"], "Content/site.yml", "the file lies inside the content folder, 'Content'", "Content"),
            (["answer", "q.csv", "--out", "Content/site.yml", "--force"], "Content/site.yml", "the file lies inside the content folder, 'Content'", "Content"),
            (["answer", "q.csv", "--out", "Site/answers.csv", "--force"], "Site/answers.csv", "the file lies inside the theme folder, 'Site'", "Site"),
        ] {
            let run = try CLI.run(arguments, in: work)
            #expect(run.status == 1)
            #expect(run.output == "")
            #expect(run.errors == Self.refusal(path, message, inside.replacingOccurrences(of: "%@", with: folder)), "\(arguments)")
        }
        let missing = try CLI.run(["translations", "export", "--out", "sent/translations.xlf"], in: work)
        #expect(missing.status == 1)
        #expect(missing.errors == Self.refusal("sent/translations.xlf", "cannot write the file: no such file or directory",
                                               "check that its folder exists and can be written; nothing was written"))
        #expect(FileTree.read(work) == before)
    }

    /// `answer q.csv --out q.csv` wrote over the customer's original; an existing answers file needs `--force`.
    @Test func answerNeverWritesOverTheQuestionnaire() throws {
        let work = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let questionnaire = try String(contentsOfFile: work + "/q.csv", encoding: .utf8)
        for (arguments, path) in [(["answer", "q.csv", "--out", "q.csv"], "q.csv"), (["answer", "q.csv", "--out", "./q.csv", "--force"], "./q.csv"),
                                  (["answer", "q.csv", "--out", work + "/q.csv", "--force"], work + "/q.csv")] {
            let run = try CLI.run(arguments, in: work)
            #expect(run.status == 1)
            #expect(run.errors == Self.refusal(path, "this is the file the command reads", "write to another file; the original stays as it was, nothing was written"))
        }
        // A hard link is the same file under another name.
        #expect(link(work + "/q.csv", work + "/linked.csv") == 0)
        #expect(try CLI.run(["answer", "q.csv", "--out", "linked.csv", "--force"], in: work).errors
            == Self.refusal("linked.csv", "this is the file the command reads", "write to another file; the original stays as it was, nothing was written"))
        #expect(try String(contentsOfFile: work + "/q.csv", encoding: .utf8) == questionnaire)

        try "earlier answers\n".write(toFile: work + "/answers.csv", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["answer", "q.csv", "--out", "answers.csv"], in: work)
        #expect(refused.status == 1)
        #expect(refused.errors == Self.refusal("answers.csv", "the file exists", Self.exists))
        #expect(try String(contentsOfFile: work + "/answers.csv", encoding: .utf8) == "earlier answers\n")
        let forced = try CLI.run(["answer", "q.csv", "--lang", "en", "--out", "answers.csv", "--force"], in: work)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(try String(contentsOfFile: work + "/answers.csv", encoding: .utf8).contains("Question,Status,No.,Item,Answer,"))
    }
}
