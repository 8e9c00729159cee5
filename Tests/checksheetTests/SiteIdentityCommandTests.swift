import Foundation
import Testing
import TestSupport

/// `check` and `build` with a provider, a logo in the content folder and a contact, on a copy of the real content.
@Suite struct SiteIdentityCommandTests {
    @Test func checkPointsAtTheLineAndBuildCarriesTheLogo() throws {
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Repository.root + "/Content", toPath: content)
        try FileManager.default.createDirectory(atPath: content + "/brand", withIntermediateDirectories: true)
        let logo = Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>"#.utf8)
        try logo.write(to: URL(fileURLWithPath: content + "/brand/logo.svg"))
        let site = content + "/site.yml"
        let real = try String(contentsOfFile: site, encoding: .utf8)
        func write(_ lines: String) throws {
            try real.replacingOccurrences(of: "baseURL:", with: lines + "baseURL:").write(toFile: site, atomically: true, encoding: .utf8)
        }
        let lineOfBaseURL = real.prefix(upTo: real.range(of: "baseURL:")!.lowerBound).filter { $0 == "\n" }.count + 1

        try write("provider: {ja: 例示株式会社, en: Example Corp.}\nlogo: brand/logo.svg\nfavicon: brand/missing.png\ncontact: security@@example\n")
        let bad = try CommandLineTests.run(["check", "--content", content])
        #expect(bad.status == 1)
        #expect(bad.errors == """
            \(site):\(lineOfBaseURL + 2):10: error: favicon 'brand/missing.png' is neither in the content folder nor in the theme's assets
              hint: put the file at Content/brand/missing.png (or Site/assets/brand/missing.png), or fix the path
            \(site):\(lineOfBaseURL + 3):10: error: contact 'security@@example' is neither an e-mail address nor an http(s) URL
              hint: write `security@example.com` or `https://example.com/security`
            2 errors

            """)

        try write("provider: {ja: 例示株式会社, en: Example Corp.}\nlogo: brand/logo.svg\ncontact: security@example.com\n")
        #expect(try CommandLineTests.run(["check", "--content", content]).status == 0)
        let built = try CommandLineTests.run(["build", "--content", content, "--output", work + "/public"])
        #expect(built.status == 0, "\(built.errors)")
        let files = FileTree.read(work + "/public")
        let logoPath = try #require(files.keys.first { $0.hasPrefix("assets/content/brand/logo.") && $0.hasSuffix(".svg") })
        #expect(files[logoPath] == logo)
        let page = String(decoding: try #require(files["ja/items/rto/index.html"]), as: UTF8.self)
        #expect(page.contains("<a class=\"site-title\" href=\"../../index.html\"><img class=\"site-logo\" src=\"../../../\(logoPath)\" alt=\"\" height=\"32\"><span class=\"site-provider\">例示株式会社</span> <span class=\"site-short-title\">セキュリティチェックシート</span></a>"))
        #expect(page.contains("<title>No. 11 目標復旧時間(RTO) — 例示株式会社</title>"))
        // An SVG logo is not a link-preview image: the theme's card stays.
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
    }
}
