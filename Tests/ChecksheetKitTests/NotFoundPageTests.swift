import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// The pages a server sends for a missing path: one per language, planned and fingerprinted like every page, in the
/// reader's language throughout, offering the other language, with links from the site's root path.
@Suite struct NotFoundPageTests {
    /// The real sheet built for `https://example.com/trust/`.
    static let belowAPath: [String: String] = {
        let outcome = Pipeline.build(content: ContentSource.read(from: Repository.content), theme: Theme.read(from: Repository.theme),
                                     options: .init(baseURL: "https://example.com/trust/"))
        return Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }()

    @Test func thePlanHasANotFoundPageInEachLanguage() throws {
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet)
        let renderer = try SiteRenderer.make(sheet: sheet, theme: try Theme.read(from: Repository.theme).get()).get()
        let pages = renderer.plan.pages.filter { if case .notFound = $0.kind { return true } else { return false } }
        #expect(pages.map(\.kind) == [.notFound(.ja), .notFound(.en)])
        #expect(pages.map(\.path) == ["404.html", "en/404.html"])
        #expect(pages.allSatisfy { $0.kind.template == "404" && $0.fingerprint.count == 16 })
        #expect(SitePath.notFoundFolder(.ja) == "" && SitePath.notFoundFolder(.en) == "en/")
    }

    @Test func theEnglishPageIsEnglishAndOffersJapanese() throws {
        let page = try #require(BuildTests.files["en/404.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" "))
        #expect(page.contains("<title>Page not found | Security check sheet based on the METI Cloud Service Level Checklist</title>\n"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://checksheet.example.com/en/404.html\">\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/en/feed.xml\" title=\"Updates feed (Atom)\">\n"))
        #expect(page.contains("<form class=\"search\" role=\"search\" action=\"/en/search/index.html\" method=\"get\" data-search data-lang=\"en\" data-other-lang=\"ja\" data-index=\"/en/search-index.json\" data-index-script=\"/en/search-index.js\" data-items=\"/en/items/\" "))
        #expect(page.contains("<input id=\"search-input\" type=\"search\" name=\"q\" placeholder=\"e.g. backup, RTO\" "))
        #expect(page.contains("<nav class=\"language-switch\" aria-label=\"Language\"><a href=\"/ja/index.html\" hreflang=\"ja\" lang=\"ja\">日本語</a></nav>"))
        #expect(page.contains(Self.main(english: true)))
        #expect(page.contains("<p><a href=\"/en/index.html\">Check sheet</a> · <a href=\"/en/changes/index.html\">Change history</a> · <a href=\"/en/questionnaire/index.html\">Answer a questionnaire</a></p>"))
        #expect(!page.contains("/ja/search") && !page.contains("検索"))
    }

    @Test func theJapanesePageIsJapaneseAndOffersEnglish() throws {
        let page = try #require(BuildTests.files["404.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\" "))
        #expect(page.contains("<title>ページが見つかりません | クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート</title>\n"))
        #expect(page.contains("<form class=\"search\" role=\"search\" action=\"/ja/search/index.html\" method=\"get\" data-search data-lang=\"ja\" data-other-lang=\"en\" data-index=\"/ja/search-index.json\" data-index-script=\"/ja/search-index.js\" data-items=\"/ja/items/\" "))
        #expect(page.contains("<nav class=\"language-switch\" aria-label=\"言語\"><a href=\"/en/index.html\" hreflang=\"en\" lang=\"en\">English</a></nav>"))
        #expect(page.contains(Self.main(english: false)))
    }

    /// Below a path, every link of both pages starts there, as the hosting files name it.
    @Test func belowAPathEveryLinkStartsThere() throws {
        let english = try #require(Self.belowAPath["en/404.html"])
        #expect(english.contains(Self.main(english: true).replacingOccurrences(of: "href=\"/", with: "href=\"/trust/")))
        #expect(english.contains("action=\"/trust/en/search/index.html\" "))
        let links = english.matches(of: /(?:href|src|action|data-index|data-index-script|data-items)="(\/[^"]*)"/).map { String($0.1) }
        #expect(links.count == 16 && links.allSatisfy { $0.hasPrefix("/trust/") }, "\(links)")
        let japanese = try #require(Self.belowAPath["404.html"])
        #expect(japanese.contains(Self.main(english: false).replacingOccurrences(of: "href=\"/", with: "href=\"/trust/")))
        #expect(Self.belowAPath["_headers"] == HostingHeaders.netlify(rootPath: "/trust/"))
        #expect(Self.belowAPath["nginx-headers.conf"] == HostingHeaders.nginx(rootPath: "/trust/"))
    }

    /// The page's `<main>`: the heading and the lead in its language, then both sheets, its own first.
    static func main(english: Bool) -> String {
        let en = """
            <li lang="en"><a href="/en/index.html" hreflang="en"><span class="chooser-name">The check sheet in English</span><span class="chooser-title">Security check sheet based on the METI Cloud Service Level Checklist</span></a></li>
            """
        let ja = """
            <li lang="ja"><a href="/ja/index.html" hreflang="ja"><span class="chooser-name">日本語のチェックシート</span><span class="chooser-title">クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート</span></a></li>
            """
        let lead = english
            ? "<h1>Page not found</h1>\n<p>The page you are looking for does not exist.</p>\n<p>Search for the item with the box at the top of the page, or go to the check sheet.</p>"
            : "<h1>ページが見つかりません</h1>\n<p>お探しのページは見つかりませんでした。</p>\n<p>ページ上部の検索欄で項目を探すか、チェックシートをご覧ください。</p>"
        return "<main id=\"main\" tabindex=\"-1\">\n" + lead + "\n<ul class=\"chooser-list\">\n" + (english ? en + "\n" + ja : ja + "\n" + en) + "\n</ul>\n"
    }
}
