import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// Clumsy and hostile inputs get one precise message each, at their place, and nothing else.
@Suite struct InputProblemTests {
    /// A copy of the real content to spoil, removed by the caller.
    static func contentCopy() throws -> String {
        let folder = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder + "/Content")
        return folder + "/Content"
    }

    static let page = "/revisions/2025-03-07/ja/11-rto.md"

    static func messages(_ content: String) -> [String] {
        Pipeline.check(content: ContentSource.read(from: content), theme: Theme.read(from: Repository.theme)).diagnostics
            .map { $0.formatted.replacingOccurrences(of: content, with: "Content") }
    }

    @Test func aNulByteIsReportedAsSuchAtItsPlace() throws {
        let content = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let path = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/revisions/2025-03-07/ja").first { $0.hasPrefix("11-") })
        var bytes = try Data(contentsOf: URL(fileURLWithPath: content + "/revisions/2025-03-07/ja/" + path))
        let thirdLine = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(contentsOf: Data("ab".utf8) + Data([0]), at: thirdLine)
        try bytes.write(to: URL(fileURLWithPath: content + "/revisions/2025-03-07/ja/" + path))
        #expect(Self.messages(content) == [
            "Content/revisions/2025-03-07/ja/\(path):3:3: error: the file contains a NUL byte (0x00)\n  hint: remove it; NUL bytes come from binary files or text saved in another encoding",
        ])
    }

    @Test func invalidUTF8HasALineAndAColumn() {
        let text = Data("---\nno: 1\nitem: サービス".utf8) + Data([0x82, 0xA0]) + Data("\n".utf8)
        #expect(TextProblem.find(in: text) == TextProblem(line: 3, column: 11, message: "the file is not valid UTF-8 text: byte 0x82 does not belong to a UTF-8 character",
                                                        hint: "save it as UTF-8; Shift_JIS or Windows-1252 text must be converted (for example with `iconv -f CP932 -t UTF-8`)"))
        // Overlong forms and surrogates are not UTF-8 either.
        #expect(TextProblem.find(in: Data([0x61, 0xC0, 0xAF]))?.column == 2)
        #expect(TextProblem.find(in: Data([0xED, 0xA0, 0x80]))?.column == 1)
        #expect(TextProblem.find(in: Data("正しい\n".utf8)) == nil)
    }

    @Test(arguments: [(String.Encoding.utf16LittleEndian, "UTF-16 (little-endian)"), (.utf16BigEndian, "UTF-16 (big-endian)"), (.utf16, "UTF-16")])
    func utf16IsNamed(encoding: String.Encoding, name: String) throws {
        let data = try #require("---\nno: 1\nslug: rto\n---\n有。\n".data(using: encoding))
        let problem = try #require(TextProblem.find(in: data))
        #expect(problem.message.hasPrefix("the file is \(name)"))
        #expect(problem.message.hasSuffix("text, not UTF-8"))
    }

    @Test func filesTheLoaderPassesOverAreWarnings() throws {
        let content = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let revision = content + "/revisions/2025-03-07"
        try FileManager.default.createDirectory(atPath: revision + "/fr", withIntermediateDirectories: true)
        try "x".write(toFile: revision + "/fr/01-service-hours.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: revision + "/ja/50-new.MD", atomically: true, encoding: .utf8)
        try "x".write(toFile: revision + "/notes.txt", atomically: true, encoding: .utf8)
        try "x".write(toFile: content + "/revisions/README", atomically: true, encoding: .utf8)
        try "x".write(toFile: revision + "/en/.DS_Store", atomically: true, encoding: .utf8)
        let outcome = Pipeline.check(content: ContentSource.read(from: content), theme: Theme.read(from: Repository.theme))
        #expect(outcome.files != nil, "warnings do not stop a build")
        #expect(outcome.diagnostics.map { $0.formatted.replacingOccurrences(of: content, with: "Content") } == [
            "Content/revisions/2025-03-07/fr: warning: ignored: it is not a language of the site\n  hint: item pages go in 'ja' and 'en'; rename the folder or move it out of the revision",
            "Content/revisions/2025-03-07/ja/50-new.MD: warning: ignored: it is not an item page\n  hint: item pages end in `.md`; rename it 50-new.md to publish it, or move it elsewhere",
            "Content/revisions/2025-03-07/notes.txt: warning: ignored: it is not part of a revision\n  hint: a revision holds revision.yml and the folders 'ja' and 'en'; move this file elsewhere",
            "Content/revisions/README: warning: ignored: it is not a revision folder\n  hint: each revision is a folder named by its date, YYYY-MM-DD; move this file elsewhere",
        ])
    }

    @Test(arguments: [("slg", "slug"), ("Slug", "slug"), ("defintion", "definition"), ("catgeory", "category"), ("unti", "unit"), ("x", nil), ("secret", nil), ("nos", "no")] as [(String, String?)])
    func theHintNamesTheNearestKnownKey(typed: String, expected: String?) {
        let known = ["no", "slug", "section", "category", "item", "definition", "unit"]
        #expect(YAMLDocument.nearest(to: typed, in: known) == expected)
    }

    @Test func aBrokenJapanesePageIsReportedOnceNotAlsoAsAMissingItem() throws {
        let content = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let folder = content + "/revisions/2025-03-07"
        for language in ["ja", "en"] {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder + "/" + language).first { $0.hasPrefix("42-") })
            let path = folder + "/" + language + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "\nunit:", with: "\nunit: [\nbroken:").write(toFile: path, atomically: true, encoding: .utf8)
            let problems = Self.messages(content)
            #expect(problems.count == 1, "\(problems)")
            #expect(!problems.joined().contains("has no"), "\(problems)")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// A mistake elsewhere in site.yml hides none of the pages' problems: they are still checked against its sections.
    @Test func anUnknownKeyInSiteYmlHidesNoSectionMistakeOfThePages() throws {
        let content = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let site = try String(contentsOfFile: content + "/site.yml", encoding: .utf8)
        let line = try #require(site.components(separatedBy: "\n").firstIndex { $0.hasPrefix("baseURL:") }) + 1
        try site.replacingOccurrences(of: "\nbaseURL:", with: "\nbaseUrl:").write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let page = content + "/revisions/2025-03-07/ja/13-system-monitoring.md"
        try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "section: アプリケーション運用", with: "section: アプリ運用")
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(Self.messages(content) == [
            "Content/revisions/2025-03-07/ja/13-system-monitoring.md:4:1: error: unknown section 'アプリ運用'\n  hint: use one of 'アプリケーション運用', 'サポート', 'データ管理', 'セキュリティ', or add the section to site.yml",
            "Content/site.yml:1:1: error: missing required field 'baseURL'\n  hint: add a line `baseURL: …` with the absolute URL the site is published at, for example `https://example.com/checksheet/`",
            "Content/site.yml:\(line):1: error: unknown key 'baseUrl'\n  hint: did you mean 'baseURL'? the known keys are 'title', 'shortTitle', 'provider', 'logo', 'favicon', 'contact', 'baseURL', 'sections'",
        ])
    }

    /// A page that takes another's slug gives that one error, on the page whose file name says otherwise, and no
    /// follow-on error: not "no Japanese page" for its English page, not "use no: 4" for the other item's English page.
    @Test func aDuplicateSlugIsOneErrorWithoutMisleadingFollowOns() throws {
        let content = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let page = content + "/revisions/2025-03-07/ja/04-sudden-discontinuation.md"
        try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "slug: sudden-discontinuation", with: "slug: availability-rate")
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(Self.messages(content) == [
            "Content/revisions/2025-03-07/ja/04-sudden-discontinuation.md:3:1: error: slug 'availability-rate' is also used by Content/revisions/2025-03-07/ja/05-availability-rate.md\n"
                + "  hint: each item has its own slug; keep the published one and give the other item a new slug (this file is named for 'sudden-discontinuation')",
        ])
    }

    /// Where two pages of a language share a slug, the other language's page of the same file name is still compared.
    @Test func aDuplicateSlugStillComparesThePageOfTheSameName() throws {
        func page(_ file: String, _ language: Language, no: Int, slug: String) throws -> ItemPage {
            try ItemPage.parse("---\nno: \(no)\nslug: \(slug)\nsection: s\ncategory: c\nitem: i\ndefinition: d\nunit: u\n---\n有\n", file: file, language: language).get()
        }
        let pages = Localized(ja: [try page("ja/04-a.md", .ja, no: 4, slug: "a"), try page("ja/05-b.md", .ja, no: 5, slug: "a")],
                              en: [try page("en/04-a.md", .en, no: 6, slug: "a"), try page("en/05-b.md", .en, no: 5, slug: "b")])
        var problems: [Diagnostic] = []
        ContentLoader.checkTranslations(pages, revisionPath: "r", configuration: nil, problems: &problems)
        #expect(problems.map(\.formatted) == ["en/04-a.md:2:1: error: item 'a' is number 6 here but 4 in ja/04-a.md\n  hint: the Japanese page decides the number; use `no: 4`"])
    }

    @Test func aTabIndentingFrontMatterIsNamed() {
        let page = "---\nno: 1\nslug: a\nsection: s\ncategory: c\nitem: i\ndefinition: d\nunit:\n\t- 有無\n---\n有\n"
        guard case let .failure(error) = ItemPage.parse(page, file: "p.md", language: .ja) else {
            Issue.record("a tab must not parse")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == [
            "p.md:9:1: error: invalid YAML: a tab indents this line; YAML indents with spaces only\n  hint: replace the tab with spaces, for example `  - 有無`",
        ])
        guard case let .failure(later) = ItemPage.parse(page.replacingOccurrences(of: "\t- ", with: "  \t- "), file: "p.md", language: .ja) else {
            Issue.record("a tab must not parse")
            return
        }
        #expect(later.diagnostics.map(\.formatted) == [
            "p.md:9:3: error: invalid YAML: a tab indents this line; YAML indents with spaces only\n  hint: replace the tab with spaces, for example `    - 有無`",
        ])
        // A key like the others, not nested under one: the fix is no indent (two spaces would be the next error).
        guard case let .failure(key) = ItemPage.parse(page.replacingOccurrences(of: "slug: a", with: "\tslug: a"), file: "p.md", language: .ja) else {
            Issue.record("a tab must not parse")
            return
        }
        #expect(key.diagnostics.map(\.formatted) == [
            "p.md:3:1: error: invalid YAML: a tab indents this line; YAML indents with spaces only\n  hint: remove the tab: `slug: a`",
        ])
    }

    @Test func templateMistakesAreErrorsAtTheirPlace() throws {
        var theme = try Theme.read(from: Repository.theme).get()
        theme.templates["item"] = theme.templates["item"]!.replacingOccurrences(of: "{{headers.definition}}", with: "{{headers.defintion}}")
            .replacingOccurrences(of: "{{>banner}}", with: "{{>baner}}") + "{{page.t.nothingLikeThis}}\n"
        theme.templates["banner"] = nil
        let outcome = Pipeline.check(content: ContentSource.read(from: Repository.content), theme: .success(theme))
        #expect(outcome.files == nil)
        let lines = outcome.diagnostics.map(\.formatted).map { $0.replacingOccurrences(of: Repository.theme, with: "Site") }
        let item = theme.templates["item"]!.components(separatedBy: "\n")
        let definitionLine = try #require(item.firstIndex { $0.contains("{{headers.defintion}}") }) + 1
        let definitionColumn = try #require(item[definitionLine - 1].range(of: "{{headers.defintion}}")).lowerBound.utf16Offset(in: item[definitionLine - 1]) + 1
        #expect(lines.contains("Site/templates/item.mustache:\(definitionLine):\(definitionColumn): error: unknown name 'defintion' in {{headers.defintion}}\n  hint: did you mean 'definition'? a template can show the fields of its page's view; see README, \"Where to change what\""), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Site/templates/item.mustache:3:1: error: partial 'baner' does not exist\n") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Site/templates/item.mustache:\(item.count - 1):1: error: UI string 'nothingLikeThis' is not defined\n") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Site/templates/banner.mustache: error: the theme has no 'banner' template\n") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Site/templates/sheet.mustache:3:1: error: partial 'banner' does not exist\n") }, "\(lines)")
        #expect(lines.count == 5, "\(lines)")
    }

    @Test func theRealThemeHasNoTemplateProblem() {
        #expect(Repository.buildRealSite().diagnostics.isEmpty)
    }

    @Test(arguments: ["javascript:alert(1)", "ftp://example.com/", "example.com/sheet/", "https://", "https://user:pw@example.com/", "https://example.com/?q=1", "https://exa mple.com/", "https://example.com/\"><script>"])
    func aBaseURLOtherThanAnAbsoluteWebAddressIsRefused(url: String) throws {
        #expect(SiteConfiguration.baseURL(url) == nil)
        let outcome = Pipeline.build(content: ContentSource.read(from: Repository.content), theme: Theme.read(from: Repository.theme), options: .init(baseURL: url))
        #expect(outcome.files == nil)
        #expect(outcome.diagnostics.map(\.formatted) == ["--base-url: error: '\(url)' is not an absolute http(s) URL\n  hint: write it in full, for example `https://example.com/checksheet/`"])
    }

    @Test func descriptionsAreCutForLinkPreviews() throws {
        #expect(MetaDescription.cut("短い回答") == "短い回答")
        let japanese = String(repeating: "あ", count: 400)
        #expect(MetaDescription.cut(japanese) == String(repeating: "あ", count: 159) + "…")
        let english = Array(repeating: "word", count: 100).joined(separator: " \n ")
        let cut = MetaDescription.cut(english)
        #expect(cut.count <= 160 && cut.hasSuffix("word…") && !cut.contains("\n"))
        // Every page of the real site: no description over 160 characters.
        let files = try #require(Repository.buildRealSite().files)
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for match in html.matches(of: /<meta (?:name|property)="(?:description|og:description|twitter:description)" content="([^"]*)">/) {
                let text = String(match.1).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
                #expect(text.count <= 160, "\(file.path)")
            }
        }
    }
}
