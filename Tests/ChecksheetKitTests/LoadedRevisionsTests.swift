import Testing
@testable import ChecksheetKit
import TestSupport

/// The preview's record of checked revisions: a load that takes unchanged revisions from it gives exactly what a load
/// from nothing gives, through edits, a broken page and its repair, and a configuration change.
@Suite struct LoadedRevisionsTests {
    /// The history fixture (three revisions) with one page's text replaced.
    static func content(editing page: String? = nil, with change: (String) -> String = { $0 }) -> ContentSource {
        var source = ContentSource.read(from: Repository.fixtures + "/history")
        guard let page else { return source }
        for index in source.revisions.indices {
            for (language, files) in source.revisions[index].pages {
                if let at = files.firstIndex(where: { $0.path.hasSuffix(page) }) {
                    source.revisions[index].pages[language]![at].text = change(files[at].text)
                }
            }
        }
        return source
    }

    func expectSame(_ source: ContentSource, record: LoadedRevisions, _ comment: Comment) {
        let remembered = ContentLoader.load(source, remembering: record)
        let fresh = ContentLoader.load(source)
        #expect(remembered.sheet == fresh.sheet, comment)
        #expect(remembered.diagnostics == fresh.diagnostics, comment)
        #expect(remembered.parsed.count == fresh.parsed.count, comment)
    }

    @Test func aLoadFromTheRecordIsALoadFromNothing() {
        let record = LoadedRevisions()
        expectSame(Self.content(), record: record, "first load")
        expectSame(Self.content(), record: record, "nothing changed")
        let answer = "2025-09-01/ja/05-rto.md"
        expectSame(Self.content(editing: answer) { $0 + "\n追記" }, record: record, "an answer edited")
        expectSame(Self.content(editing: answer) { $0.replacingOccurrences(of: "no: 5", with: "no: x") }, record: record, "a broken page")
        expectSame(Self.content(editing: answer) { $0 + "\n追記" }, record: record, "repaired")
        var configured = Self.content()
        let site = configured.site!.text
        configured.site?.text = site.replacingOccurrences(of: "可用性", with: "稼働")
        expectSame(configured, record: record, "a category renamed in site.yml: every page is checked against it")
        #expect(!ContentLoader.load(configured, remembering: record).diagnostics.isEmpty)
    }

    @Test func onlyRevisionsWhoseInputsAreUnchangedAreTaken() throws {
        let record = LoadedRevisions()
        let source = Self.content()
        _ = ContentLoader.load(source, remembering: record)
        let first = try #require(source.revisions.first)
        let configuration = try #require(ContentLoader.load(source).sheet?.configuration)
        #expect(record.loaded(first, configuration: configuration, unreadable: []) != nil)
        var edited = first
        edited.pages[.ja]![0].text += "\n"
        #expect(record.loaded(edited, configuration: configuration, unreadable: []) == nil)
        #expect(record.loaded(first, configuration: configuration, unreadable: [first.path + "/ja/x.md"]) == nil)
    }

    /// The preview's record as a build given it leaves it: through the pipeline, which knows the whole content.
    static func built(_ source: ContentSource, record: LoadedRevisions) -> Pipeline.Outcome {
        var options = Pipeline.Options()
        options.loaded = record
        return Pipeline.build(content: source, theme: Theme.read(from: Repository.theme), options: options)
    }

    @Test func aRevisionNoLongerInTheContentIsForgotten() throws {
        let record = LoadedRevisions()
        var source = Self.content()
        #expect(Self.built(source, record: record).files != nil)
        #expect(record.paths == Set(source.revisions.map(\.path)))
        let removed = try #require(source.revisions.last)
        source.revisions.removeLast()
        #expect(Self.built(source, record: record).files != nil)
        #expect(record.paths == Set(source.revisions.map(\.path)))
        #expect(!record.paths.contains(removed.path))
    }

    /// A build leaves out a draft with an error and loads the rest again: that second load, of part of the content,
    /// keeps the draft as the first load checked it, so the preview does not check it again after every save.
    @Test func aDraftLeftOutIsKeptAsChecked() throws {
        let record = LoadedRevisions()
        var source = Self.content(editing: "2025-09-01/ja/05-rto.md") { $0.replacingOccurrences(of: "no: 5", with: "no: x") }
        let newest = try #require(source.revisions.indices.last)
        source.revisions[newest].metadata?.text += "draft: true\n"
        #expect(source.revisions[newest].isDraft)
        let outcome = Self.built(source, record: record)
        #expect(outcome.files != nil)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("in draft 2025-09-01, which this build leaves out: ") })
        #expect(record.paths == Set(source.revisions.map(\.path)))
    }
}
