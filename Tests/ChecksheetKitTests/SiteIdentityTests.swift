import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// `site.yml`'s provider, short title, logo, favicon and contact: checked with positions, and carried into the
/// header, the link previews and the downloads.
@Suite struct SiteIdentityTests {
    static let sections = """
    sections:
      - name: {ja: セキュリティ, en: Security}
        categories:
          - {ja: セキュリティ, en: Security}
    """

    /// The real content with its `site.yml` replaced and extra images beside it.
    static func content(siteYAML: String, images: [String: Data] = [:]) -> ContentSource {
        var source = ContentSource.read(from: Repository.content)
        let real = source.site!.text
        let sections = String(real[real.range(of: "# The sections of the sheet")!.lowerBound...])
        source.site = SourceFile(path: "Content/site.yml", text: siteYAML + sections)
        source.images = images
        return source
    }

    static let head = """
    title:
      ja: クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート
      en: Security check sheet based on the METI Cloud Service Level Checklist
    baseURL: https://checksheet.example.com/

    """

    /// A one-pixel PNG, as a provider's logo.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    @Test func everyKeyIsCheckedWithItsPosition() {
        let yaml = Self.head + """
        provider: {ja: 例示株式会社}
        shortTitle: {ja: チェックシート, en: Check sheet}
        logo: ../logo.svg
        favicon: brand/icon.gif
        contact: security at example
        colour: blue

        """ + Self.sections
        let result = SiteConfiguration.parse(SourceFile(path: "Content/site.yml", text: yaml))
        guard case let .failure(error) = result else { Issue.record("expected errors"); return }
        #expect(error.diagnostics.map(\.formatted) == [
            "Content/site.yml:5:1: error: 'provider' has no English text\n  hint: add `en: …` under 'provider' giving the provider's name, such as `{ja: 例示株式会社, en: Example Corp.}`",
            "Content/site.yml:7:7: error: logo '../logo.svg' must be a path inside the content folder or the theme's assets\n  hint: write it relative to Content/ (or to the theme's assets/), for example `logo.svg`",
            "Content/site.yml:8:10: error: favicon 'brand/icon.gif' is not an image of a kind browsers show here\n  hint: use a .svg, .png, .ico file",
            "Content/site.yml:9:10: error: contact 'security at example' is neither an e-mail address nor an http(s) URL\n  hint: write `security@example.com` or `https://example.com/security`",
            "Content/site.yml:10:1: error: unknown key 'colour'\n  hint: the known keys are 'title', 'shortTitle', 'provider', 'logo', 'favicon', 'contact', 'baseURL', 'sections'",
        ])
    }

    @Test func contactsBecomeLinks() throws {
        for (written, link) in [("security@example.com", "mailto:security@example.com"), ("mailto:psirt@example.co.jp", "mailto:psirt@example.co.jp"),
                                ("https://example.com/security?from=sheet", "https://example.com/security?from=sheet")] {
            let yaml = Self.head + "contact: \(written)\n" + Self.sections
            let configuration = try SiteConfiguration.parse(SourceFile(path: "site.yml", text: yaml)).get()
            #expect(configuration.contact == link)
        }
        for bad in ["ftp://example.com/", "https://localhost", "javascript:alert(1)", "a@b"] {
            let yaml = Self.head + "contact: \"\(bad)\"\n" + Self.sections
            #expect((try? SiteConfiguration.parse(SourceFile(path: "site.yml", text: yaml)).get()) == nil, "\(bad)")
        }
    }

    @Test func aLogoInNeitherPlaceIsAnErrorAtItsLine() {
        let outcome = Pipeline.check(content: Self.content(siteYAML: Self.head + "logo: brand/logo.png\n"), theme: Theme.read(from: Repository.theme))
        #expect(outcome.diagnostics.map(\.formatted) == [
            "Content/site.yml:5:7: error: logo 'brand/logo.png' is neither in the content folder nor in the theme's assets\n  hint: put the file at Content/brand/logo.png (or \(Repository.theme)/assets/brand/logo.png), or fix the path",
        ])
    }

    @Test func theProviderNamesTheHeaderTitlesPreviewsAndDownloads() throws {
        let yaml = Self.head + """
        shortTitle: {ja: セキュリティチェックシート, en: Security check sheet}
        provider: {ja: 例示株式会社, en: Example Corp.}
        logo: brand/logo.png
        contact: security@example.com

        """
        let outcome = Pipeline.build(content: Self.content(siteYAML: yaml, images: ["brand/logo.png": Self.png]), theme: Theme.read(from: Repository.theme))
        #expect(outcome.diagnostics == [])
        let files = Dictionary(uniqueKeysWithValues: try #require(outcome.files).map { ($0.path, $0.contents) })
        let logo = try #require(files.keys.first { $0.hasPrefix("assets/content/brand/logo.") && $0.hasSuffix(".png") })
        #expect(files[logo] == Self.png)
        let page = String(decoding: try #require(files["en/items/rto/index.html"]), as: UTF8.self)
        for tag in ["<title>No. 11 Recovery time objective (RTO) — Example Corp.</title>",
                    "<meta property=\"og:title\" content=\"No. 11 Recovery time objective (RTO) — Example Corp.\">",
                    "<meta property=\"og:description\" content=\"Provider&#39;s response: Not disclosed — Definition: ",
                    "<meta property=\"og:site_name\" content=\"Example Corp. Security check sheet\">",
                    "<meta property=\"og:image\" content=\"https://checksheet.example.com/\(logo)\">",
                    "<meta name=\"twitter:card\" content=\"summary\">",
                    "data-print-header=\"Example Corp. — ",
                    "<a class=\"site-title\" href=\"../../index.html\"><img class=\"site-logo\" src=\"../../../\(logo)\" alt=\"\" height=\"32\"><span class=\"site-provider\">Example Corp.</span> <span class=\"site-short-title\">Security check sheet</span></a>",
                    "<p class=\"site-contact\"><a href=\"mailto:security@example.com\">Security questions</a></p>",
                    "data-citation=\"— No. 11 Recovery time objective (RTO) (Version dated March 7, 2025) https://checksheet.example.com/en/items/rto/\""] {
            #expect(page.contains(tag), "\(tag)")
        }
        let sheet = String(decoding: try #require(files["ja/index.html"]), as: UTF8.self)
        #expect(sheet.contains("<title>クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート — 例示株式会社</title>"))
        let jsonData = try #require(files["ja/downloads/checksheet-2025-03-07.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        #expect(json["provider"] as? String == "例示株式会社")
        #expect(json["title"] as? String == "例示株式会社 — クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート — 2025年3月7日版")
    }
}
