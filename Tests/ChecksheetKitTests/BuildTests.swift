import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

@Suite struct BuildTests {
    static let outcome = Repository.buildRealSite()
    static var files: [String: String] {
        Dictionary(uniqueKeysWithValues: (outcome.files ?? []).map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }
    static let glossary: [(no: Int, slug: String, ja: String, en: String)] = {
        let text = String(decoding: Repository.fixture("import/glossary.tsv"), as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (Int(cells[0])!, cells[7], cells[5], cells[6])
        }
    }()
    static let seed = try! ImportedSheet.read(DelimitedText.parse(String(decoding: Repository.fixture("import/checksheet-2025-03-07.tsv"), as: UTF8.self)), file: "seed").get()

    /// The content-hashed output path of a theme asset, such as `assets/card.1a2b3c4d5e6f7a8b.png`.
    static func asset(_ name: String) -> String {
        let dot = name.lastIndex(of: ".")!
        return files.keys.first { $0.hasPrefix("assets/" + name[..<dot] + ".") && $0.hasSuffix(String(name[dot...])) }!
    }

    /// HTML as the templates escape text.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func theRealSheetBuildsWithoutDiagnostics() {
        #expect(Self.outcome.diagnostics == [])
        #expect(Self.outcome.files != nil)
    }

    @Test func everyItemHasAPageInBothLanguagesAtItsGlossarySlug() throws {
        let files = Self.files
        #expect(Self.glossary.count == 49)
        let itemPages = files.keys.filter { $0.wholeMatch(of: /(ja|en)\/items\/[a-z0-9-]+\/index\.html/) != nil }
        #expect(itemPages.count == 98)
        for entry in Self.glossary {
            let ja = try #require(files["ja/items/\(entry.slug)/index.html"])
            let en = try #require(files["en/items/\(entry.slug)/index.html"])
            #expect(ja.contains("<html lang=\"ja\" "))
            #expect(en.contains("<html lang=\"en\" "))
            #expect(ja.contains("<h1><span class=\"item-no\">\(entry.no).</span> \(Self.escaped(entry.ja))</h1>"))
            #expect(en.contains("<h1><span class=\"item-no\">\(entry.no).</span> \(Self.escaped(entry.en))</h1>"))
            // The other language: switch, hreflang alternates, canonical.
            #expect(ja.contains("<a href=\"../../../en/items/\(entry.slug)/index.html\" hreflang=\"en\" lang=\"en\">English</a>"))
            #expect(en.contains("<a href=\"../../../ja/items/\(entry.slug)/index.html\" hreflang=\"ja\" lang=\"ja\">日本語</a>"))
            for page in [ja, en] {
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"https://checksheet.example.com/ja/items/\(entry.slug)/\">"))
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://checksheet.example.com/en/items/\(entry.slug)/\">"))
            }
            #expect(ja.contains("<link rel=\"canonical\" href=\"https://checksheet.example.com/ja/items/\(entry.slug)/\">"))
            #expect(en.contains("<link rel=\"canonical\" href=\"https://checksheet.example.com/en/items/\(entry.slug)/\">"))
        }
    }

    @Test func everyJapaneseFieldIsPublishedVerbatim() throws {
        let files = Self.files
        let sheet = try #require(files["ja/index.html"])
        for (row, entry) in zip(Self.seed.rows, Self.glossary) {
            let page = try #require(files["ja/items/\(entry.slug)/index.html"])
            #expect(page.contains("<dd>\(Self.escaped(row.definition))</dd>"), "definition of \(row.no)")
            #expect(page.contains("<dd>\(Self.escaped(row.unit))</dd>"), "unit of \(row.no)")
            #expect(page.contains("<dd class=\"answer\"><p>\(Self.escaped(row.answer))</p>"), "answer of \(row.no)")
            // The category field shows the category alone; the breadcrumb names the section.
            #expect(page.contains("<dd>\(row.category)</dd>"), "category of \(row.no)")
            let url = "https://checksheet.example.com/ja/items/\(entry.slug)/"
            #expect(sheet.contains("class=\"item-row\" data-url=\"\(url)\" data-answer=\"\(Self.escaped(row.answer))\" data-citation=\"— No. \(row.no) \(Self.escaped(row.item))（2025年3月7日版）\(url)\">\n<td class=\"col-no\" data-label=\"No.\">\(row.no)</td>\n<th scope=\"row\" class=\"col-item\"><a href=\"items/\(entry.slug)/index.html\" data-print-url=\"\(url)\">\(Self.escaped(row.item))</a></th>\n<td class=\"col-definition\" data-label=\"規定内容\">\(Self.escaped(row.definition))</td>\n<td class=\"col-unit\" data-label=\"測定単位\">\(Self.escaped(row.unit))</td>\n<td class=\"col-answer\" data-label=\"設定等\"><p>\(Self.escaped(row.answer))</p>\n</td>"), "row of \(row.no)")
        }
    }

    @Test func sheetKeepsTheOriginalOrderAndGrouping() throws {
        let sheet = try #require(Self.files["ja/index.html"])
        let rows = sheet.matches(of: /<tr id="([a-z0-9-]+)" class="item-row"/).map { String($0.1) }
        #expect(rows == Self.glossary.map(\.slug))
        let groups = sheet.matches(of: /<tr class="(?:section|category)-row"><th[^>]*>(.+?)<\/th>/).map { String($0.1).replacing(/<[^>]+>/, with: "") }
        #expect(groups == ["アプリケーション運用", "種別：可用性", "種別：信頼性", "種別：性能", "種別：拡張性", "サポート", "データ管理", "セキュリティ"])
    }

    @Test func itemPagesCarryLinkPreviewsAndCopyData() throws {
        let page = try #require(Self.files["ja/items/encryption-in-transit/index.html"])
        for tag in ["<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"No. 42 通信の暗号化レベル — セキュリティチェックシート\">",
                    "<title>No. 42 通信の暗号化レベル — セキュリティチェックシート</title>",
                    "<meta property=\"og:description\" content=\"設定等：有。TLS 1.2　規定内容：システムとやりとりされる通信の暗号化強度\">", "<meta property=\"og:url\" content=\"https://checksheet.example.com/ja/items/encryption-in-transit/\">",
                    "<meta property=\"og:site_name\" content=\"クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート\">",
                    "<meta property=\"og:locale\" content=\"ja_JP\">", "<meta property=\"og:locale:alternate\" content=\"en_US\">",
                    "<meta property=\"og:image\" content=\"https://checksheet.example.com/\(Self.asset("card.png"))\">",
                    "<meta name=\"twitter:card\" content=\"summary_large_image\">", "<meta name=\"twitter:title\" content=\"No. 42 通信の暗号化レベル — セキュリティチェックシート\">",
                    "<meta name=\"twitter:image\" content=\"https://checksheet.example.com/\(Self.asset("card.png"))\">",
                    "<link rel=\"icon\" href=\"../../../\(Self.asset("favicon.svg"))\" type=\"image/svg+xml\">",
                    "<a class=\"site-title\" href=\"../../index.html\"><span class=\"site-short-title\">セキュリティチェックシート</span></a>"] {
            #expect(page.contains(tag), "\(tag)")
        }
        // The permanent page of a version names the version in its tab and link preview: its text may differ from today's.
        let archived = try #require(Self.files["ja/revisions/2025-03-07/items/encryption-in-transit/index.html"])
        #expect(archived.contains("<title>No. 42 通信の暗号化レベル（2025年3月7日版） — セキュリティチェックシート</title>"))
        let archivedEnglish = try #require(Self.files["en/revisions/2025-03-07/items/encryption-in-transit/index.html"])
        #expect(archivedEnglish.contains("<title>No. 42 Communication encryption level (version dated March 7, 2025) — Security check sheet</title>"))
        // The link to send is the item's in no language, which opens in the reader's; the citation names this page.
        #expect(page.contains("<a href=\"https://checksheet.example.com/items/encryption-in-transit/\" class=\"permalink-url\">https://checksheet.example.com/items/encryption-in-transit/</a>"))
        #expect(page.contains("data-url=\"https://checksheet.example.com/items/encryption-in-transit/\" data-answer=\"有。TLS 1.2\" data-citation=\"— No. 42 通信の暗号化レベル（2025年3月7日版）https://checksheet.example.com/ja/items/encryption-in-transit/\""))
        let sheet = try #require(Self.files["en/index.html"])
        #expect(sheet.contains("<tr id=\"rto\" class=\"item-row\" data-url=\"https://checksheet.example.com/en/items/rto/\" data-answer=\"Not disclosed\" data-citation=\"— No. 11 Recovery time objective (RTO) (Version dated March 7, 2025) https://checksheet.example.com/en/items/rto/\">"))
        #expect(sheet.contains("<a href=\"downloads/checksheet-2025-03-07.csv\" download>CSV (for Excel)</a>"))
        // One date style on the page: the version's own title carries the date, once.
        #expect(sheet.contains("<p class=\"revision-line\"><time class=\"revision-title\" datetime=\"2025-03-07\">Version dated March 7, 2025</time> <span class=\"revision-meta\">· 49 items ·"))
        let japaneseSheet = try #require(Self.files["ja/index.html"])
        #expect(japaneseSheet.contains("<time class=\"revision-title\" datetime=\"2025-03-07\">2025年3月7日版</time> <span class=\"revision-meta\">· 49項目 ·"))
        #expect(japaneseSheet.contains("<span class=\"downloads-label\">ダウンロード：</span>"))
        #expect(japaneseSheet.contains("<title>クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート</title>"))
    }

    @Test func aBaseURLFromTheCommandLineMakesEveryAbsoluteLink() throws {
        let outcome = Pipeline.build(content: ContentSource.read(from: Repository.content), theme: Theme.read(from: Repository.theme),
                                     options: .init(baseURL: "https://sheet.example.org/security"))
        let page = String(decoding: try #require(outcome.files?.first { $0.path == "en/items/rto/index.html" }).contents, as: UTF8.self)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://sheet.example.org/security/en/items/rto/\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://sheet.example.org/security/en/items/rto/\">"))
        #expect(!page.contains("checksheet.example.com"))
    }

    @Test func previousAndNextFollowTheSheet() throws {
        let first = try #require(Self.files["ja/items/service-hours/index.html"])
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a class=\"pager-next\" rel=\"next\" href=\"../planned-outage-notice/index.html\"><span class=\"pager-label\">次の項目</span> 2. 計画停止予定通知</a>"))
        let last = try #require(Self.files["en/items/data-residency/index.html"])
        #expect(last.contains("<a class=\"pager-previous\" rel=\"prev\" href=\"../storage-media-security/index.html\"><span class=\"pager-label\">Previous item</span> 48. Security of secondary storage media</a>"))
        #expect(!last.contains("rel=\"next\""))
    }

    @Test func siteFilesAndSafety() throws {
        let files = Self.files
        let root = try #require(files["index.html"])
        #expect(root.range(of: "href=\"ja/index.html\"")!.lowerBound < root.range(of: "href=\"en/index.html\"")!.lowerBound)
        #expect(files["404.html"] != nil)
        #expect(files["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://checksheet.example.com/sitemap.xml\n")
        let sitemap = try #require(files["sitemap.xml"])
        // Both sheets, 49 items and the change history, each in two languages.
        #expect(sitemap.matches(of: /<loc>/).count == 102)
        #expect(sitemap.contains("<loc>https://checksheet.example.com/en/items/rto/</loc>\n<xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"https://checksheet.example.com/ja/items/rto/\"/>\n<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://checksheet.example.com/en/items/rto/\"/>"))
        let assets = files.keys.filter { $0.hasPrefix("assets/") }.sorted()
        #expect(assets.count == 7)
        #expect(assets[0].wholeMatch(of: /assets\/card\.[0-9a-f]{16}\.png/) != nil)
        #expect(assets[1].wholeMatch(of: /assets\/favicon\.[0-9a-f]{16}\.svg/) != nil)
        #expect(assets[2].wholeMatch(of: /assets\/language\.[0-9a-f]{16}\.js/) != nil)
        #expect(assets[3].wholeMatch(of: /assets\/questionnaire\.[0-9a-f]{16}\.js/) != nil)
        #expect(assets[4].wholeMatch(of: /assets\/search\.[0-9a-f]{16}\.js/) != nil)
        #expect(assets[5].wholeMatch(of: /assets\/share\.[0-9a-f]{16}\.js/) != nil)
        #expect(assets[6].wholeMatch(of: /assets\/style\.[0-9a-f]{16}\.css/) != nil)
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(text.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;;"), "\(path)")
            // Only the theme's own script files, never inline script.
            let scripts = text.matches(of: /<script[^>]*>[^<]*<\/script>/).map { String($0.0) }
            let prefix = Language.allCases.map(SitePath.notFound).contains(path) ? "/" : SitePath.root(from: path)
            // The questionnaire page alone adds its own script, an item's link in no language the one that picks the
            // reader's; no other page loads them.
            let names = path.hasSuffix("/questionnaire/index.html") ? ["search", "share", "questionnaire"]
                : path.hasPrefix("items/") ? ["language", "search", "share"] : ["search", "share"]
            #expect(scripts == names.map { "<script src=\"\(prefix)\(assetName(files, $0))\" defer></script>" }, "\(path) has scripts \(scripts)")
            #expect(text.components(separatedBy: "<script").count == names.count + 1, "\(path) has another script")
            #expect(!text.contains("style="), "\(path) has an inline style")
            // Nothing is loaded from outside the site: absolute URLs appear only in links a reader follows or shares.
            let absolute = text.matches(of: /<([a-z]+)[^>]+(?:src|href)="(?:[a-z]+:)?\/\/[^"]*"[^>]*>/).map { String($0.0) }
            #expect(absolute.allSatisfy { $0.hasPrefix("<link rel=\"canonical\"") || $0.hasPrefix("<link rel=\"alternate\"") || $0.hasPrefix("<a ") }, "\(path) loads from outside: \(absolute)")
            #expect(!text.contains("src=\"http") && !text.contains("src=\"//"), "\(path) loads from outside")
        }
    }

    func assetName(_ files: [String: String], _ name: String) -> String {
        files.keys.first { $0.hasPrefix("assets/\(name).") }!
    }

    @Test func twoBuildsAreByteIdentical() {
        let again = Repository.buildRealSite()
        #expect(again.files == Self.outcome.files)
    }

    @Test func hostileMarkdownIsNotPassedThrough() {
        #expect(Markdown.html("a <script>alert(1)</script> b") == "<p>a <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> b</p>\n")
        #expect(Markdown.html("<div onclick=\"x()\">hi</div>") == "<!-- raw HTML omitted -->\n")
        #expect(Markdown.html("[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://example.com/)") == "<p><a href=\"\">x</a> <a href=\"\">y</a> <a href=\"https://example.com/\">z</a></p>\n")
    }

    @Test func bareURLsInAnswersBecomeLinks() {
        #expect(Markdown.html("詳細はhttps://example.com/security/をご覧ください。") == "<p>詳細は<a href=\"https://example.com/security/\">https://example.com/security/</a>をご覧ください。</p>\n")
        #expect(Markdown.html("See https://example.com/a_b_c?x=1&y=2. Or (http://example.org/x).") == "<p>See <a href=\"https://example.com/a_b_c?x=1&amp;y=2\">https://example.com/a_b_c?x=1&amp;y=2</a>. Or (<a href=\"http://example.org/x\">http://example.org/x</a>).</p>\n")
        // Links already written stay as they are; a scheme alone and raw HTML stay text.
        #expect(Markdown.html("[site](https://example.com/) and <https://example.net/>") == "<p><a href=\"https://example.com/\">site</a> and <a href=\"https://example.net/\">https://example.net/</a></p>\n")
        #expect(Markdown.html("`https://example.com/` https:// x") == "<p><code>https://example.com/</code> https:// x</p>\n")
        #expect(Markdown.html("https://example.com/\"><script>") == "<p><a href=\"https://example.com/\">https://example.com/</a>&quot;&gt;<!-- raw HTML omitted --></p>\n")
        #expect(Markdown.plainText("詳細はhttps://example.com/をご覧ください。") == "詳細はhttps://example.com/をご覧ください。")
    }

    /// An answer links to another item as the release gate says, relative to its own page: the sheet's tables show
    /// the answer at another depth, where the links are rewritten to lead to the same pages.
    @Test func answerLinksToOtherItemsLeadThereFromTheSheetToo() throws {
        var content = ContentSource.read(from: Repository.content)
        let index = try #require(content.revisions[0].pages[.ja]?.firstIndex { $0.path.hasSuffix("/10-mttr.md") })
        content.revisions[0].pages[.ja]![index].text += "\n[RTO](../rto/index.html)、[RPO](../rpo/#x)、[先頭](#top)、[外部](https://example.com/a)\n"
        let files = try #require(Pipeline.build(content: content, theme: Theme.read(from: Repository.theme)).files)
        func page(_ path: String) throws -> String { String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self) }
        let onItemPage = ##"<a href="../rto/index.html">RTO</a>、<a href="../rpo/#x">RPO</a>、<a href="#top">先頭</a>、<a href="https://example.com/a">外部</a>"##
        let onSheet = ##"<a href="items/rto/index.html">RTO</a>、<a href="items/rpo/index.html#x">RPO</a>、<a href="#top">先頭</a>、<a href="https://example.com/a">外部</a>"##
        #expect(try page("ja/items/mttr/index.html").contains(onItemPage))
        #expect(try page("ja/revisions/2025-03-07/items/mttr/index.html").contains(onItemPage))
        #expect(try page("ja/index.html").contains(onSheet))
        #expect(try page("ja/revisions/2025-03-07/index.html").contains(onSheet))
        #expect(AnswerLinks.rebased(#"<img src="../rto/a.png">"#, from: "ja/items/mttr/index.html", to: "ja/index.html") == #"<img src="items/rto/a.png">"#)
        // A link that climbs out of the site, or is no relative path, is left as it is.
        for link in ["../../../../x", "/ja/", "//example.com/", "mailto:a@example.com", "?q=1", ""] {
            #expect(AnswerLinks.resolved(link, from: "ja/items/mttr/index.html") == nil, "\(link)")
        }
    }

    /// The pages allow images from the site only (`img-src 'self' data:`): an answer's image from another site would
    /// show as broken, so `check` says so; a relative one is no such warning (but the link check says when no file of
    /// the site is there).
    @Test func anImageFromAnotherSiteInAnAnswerIsAWarning() throws {
        var content = ContentSource.read(from: Repository.content)
        let index = try #require(content.revisions[0].pages[.ja]?.firstIndex { $0.path.hasSuffix("/10-mttr.md") })
        content.revisions[0].pages[.ja]![index].text += "\n![構成図](https://example.com/a.png?x=1&y=2) ![図](../../assets/a.png)\n"
        let outcome = Pipeline.check(content: content, theme: Theme.read(from: Repository.theme))
        let path = content.revisions[0].pages[.ja]![index].path
        #expect(outcome.diagnostics.map(\.formatted) == [
            "\(path):11:1: warning: the answer of 'mttr' shows an image from another site, 'https://example.com/a.png?x=1&y=2', which the pages' Content-Security-Policy blocks\n"
                + "  hint: readers would see a broken image: link to it instead, `[what it shows](https://example.com/a.png?x=1&y=2)`, or leave it out",
            "\(path):13:48: warning: the answer of 'mttr' shows the image '../../assets/a.png', which is not a file of the site\n"
                + "  hint: no file can be at ja/assets/a.png: the build publishes no images for answers (of Content/ it takes only site.yml's logo and favicon); "
                + "embed the image in the answer as `![…](data:image/png;base64,…)`, or describe it in words",
        ])
    }

    /// Downloads, the copy button and questionnaire answers take the plain text: a list's numbers and a link's address
    /// are what the answer says, not markup to drop.
    @Test func plainTextKeepsListNumbersBulletsAndLinkAddresses() {
        #expect(Markdown.plainText("手順：\n\n1. 申請書を提出\n2. 審査\n\n詳細は[利用規約](https://example.com/terms.pdf)を参照。")
            == "手順：\n1. 申請書を提出\n2. 審査\n詳細は利用規約 (https://example.com/terms.pdf)を参照。")
        #expect(Markdown.plainText("- なし\n- 年1回\n  1) 内部\n  2) 外部\n- [mail](mailto:sec@example.com) <https://example.com/>")
            == "• なし\n• 年1回\n  1) 内部\n  2) 外部\n• mail (mailto:sec@example.com) https://example.com/")
        // An address shown as its own text, a link that is no web or mail address, and an image are not repeated.
        #expect(Markdown.plainText("[sec@example.com](mailto:sec@example.com), [RTO](../rto/index.html), ![図](a.png)") == "sec@example.com, RTO, 図")
    }

    @Test(arguments: ["99.9%以上", "1. 最初", "# 見出し", "- 項目", "*強調* と _下線_ と `code` と <b> と &amp;", "---", "a\nb", "[リンク](x)", "1) x", "+ y", "==="])
    func importedAnswersRenderAsWritten(_ text: String) {
        #expect(Markdown.plainText(Markdown.escaped(text)) == text)
    }
}

@Suite struct HostingHeadersTests {
    static let security = """
        add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" always;
        add_header X-Content-Type-Options "nosniff" always;
        add_header Referrer-Policy "strict-origin-when-cross-origin" always;
        add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()" always;
        add_header X-Frame-Options "DENY" always;
        """

    @Test func headersForStaticHostsAndNginxComeFromOneList() throws {
        let files = BuildTests.files
        let netlify = try #require(files["_headers"])
        #expect(netlify.hasPrefix("/*\n  Content-Security-Policy: default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n"))
        #expect(netlify.hasSuffix("/assets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n"))
        let nginx = try #require(files["nginx-headers.conf"])
        #expect(nginx == HostingHeaders.nginx(rootPath: "/"))
        #expect(nginx.contains("error_page 404 /404.html;\n"))
        #expect(nginx.components(separatedBy: "add_header X-Content-Type-Options \"nosniff\" always;").count == 3)
        #expect(nginx.contains("location /assets/ {\n"))
        let page = try #require(files["ja/index.html"])
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; img-src &#39;self&#39; data:; base-uri &#39;none&#39;; form-action &#39;self&#39;\">"))
    }

    /// The include for a site below a path names that path everywhere: the not-found page of each language, the
    /// dot files and hosting files it refuses (the build's marker among them), the assets' caching; text/html is
    /// left out of `charset_types`, where nginx always has it and warns of a duplicate.
    @Test func theNginxIncludeNamesTheSitesPath() {
        let indented = Self.security.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        #expect(HostingHeaders.nginx(rootPath: "/trust/") == """
            # Generated by checksheet build. Include inside a server block whose root holds this folder at /trust/.
            # A missing path gets the not-found page of its language; dot files and these hosting files are not served.
            charset utf-8;
            charset_types text/css text/xml text/plain application/javascript application/json image/svg+xml;
            error_page 404 /trust/404.html;
            location /trust/en/ {
                error_page 404 /trust/en/404.html;
                location ~ ^/trust/(?!\\.well-known/)(?:.*/)?\\. { return 404; }
            }
            location ~ ^/trust/(?!\\.well-known/)(?:.*/)?\\. { return 404; }
            location ~ ^/trust/(?:_headers|nginx-headers\\.conf)$ { return 404; }
            \(Self.security)
            add_header Cache-Control "no-cache" always;
            location /trust/assets/ {
            \(indented)
                add_header Cache-Control "public, max-age=31536000, immutable" always;
            }

            """)
        #expect(HostingHeaders.netlify(rootPath: "/trust/").hasPrefix("/trust/*\n  Content-Security-Policy: "))
        #expect(HostingHeaders.netlify(rootPath: "/trust/").hasSuffix("\n/trust/assets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n"))
    }

    /// A path nginx would split or read as syntax is quoted; one with regular-expression characters is escaped in the
    /// expressions; a percent-encoded path is decoded, as nginx matches locations against the decoded path.
    @Test func anOddPathStaysOneWordAndMatchesOnlyItself() {
        let nginx = HostingHeaders.nginx(rootPath: "/a%20b%7B1%7D/c.d/")
        #expect(nginx.contains("\nerror_page 404 \"/a b{1}/c.d/404.html\";\n"))
        #expect(nginx.contains("\nlocation \"/a b{1}/c.d/en/\" {\n    error_page 404 \"/a b{1}/c.d/en/404.html\";\n"))
        #expect(nginx.contains("\nlocation ~ \"^/a b\\{1\\}/c\\.d/(?:_headers|nginx-headers\\.conf)$\" { return 404; }\n"))
        #expect(HostingHeaders.word("/say\"hi\"/") == "\"/say\\\"hi\\\"/\"")
        #expect(SitePath.rootPath(of: "https://example.com") == "/")
        #expect(SitePath.rootPath(of: "https://example.com/trust") == "/trust/")
        #expect(SitePath.rootPath(of: "https://example.com/%E4%BF%A1%E9%A0%BC/") == "/%E4%BF%A1%E9%A0%BC/")
    }
}
