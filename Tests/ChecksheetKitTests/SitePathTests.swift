import Testing
@testable import ChecksheetKit
import TestSupport

/// The byte-level relative link gives exactly what splitting into parts gives, for every pair of files of the real
/// site and for paths it must leave to the general way (empty parts, non-ASCII, canonically equivalent names).
@Suite struct SitePathTests {
    static let oddPaths = ["", "/", "//", "index.html", "/ja/index.html", "ja/index.html/", "ja//items/a/index.html", "ja/items//index.html",
                           "ja/items/a/", "ja/items/café/index.html", "ja/items/cafe\u{301}/index.html", "ja/項目/index.html", "a/b/c/d/e/f/index.html",
                           "ja/items/a/index.html", "ja/items/ab/index.html", "ja/items", "ja", "ja/", "../ja/index.html", "ja/./items/index.html"]

    @Test func everyLinkBetweenTwoFilesOfTheRealSiteIsAsSplittingGivesIt() throws {
        let paths = try #require(Repository.buildRealSite().files).map(\.path)
        #expect(paths.count > 200)
        var fast = 0
        for from in paths + Self.oddPaths {
            for to in paths + Self.oddPaths {
                let expected = SitePath.splitRelative(from: from, to: to)
                #expect(SitePath.relative(from: from, to: to) == expected, "\(from) → \(to)")
                if let shortcut = SitePath.fastRelative(from: from, to: to) {
                    #expect(shortcut == expected, "\(from) → \(to)")
                    fast += 1
                }
            }
        }
        // The site's own paths all take the byte-level way.
        #expect(fast >= paths.count * paths.count)
    }

    @Test func pathsWithEmptyPartsOrOtherThanASCIITakeTheGeneralWay() {
        for odd in ["", "/", "/ja/index.html", "ja/index.html/", "ja//items/a/index.html", "ja/items/café/index.html", "ja/items/cafe\u{301}/index.html"] {
            #expect(SitePath.fastRelative(from: odd, to: "ja/index.html") == nil, "\(odd)")
            #expect(SitePath.fastRelative(from: "ja/index.html", to: odd) == nil, "\(odd)")
        }
        // Canonically equivalent names are one folder to Swift's strings: no way up and down again.
        #expect(SitePath.relative(from: "ja/items/café/index.html", to: "ja/items/cafe\u{301}/x.png") == "x.png")
        #expect(SitePath.relative(from: "ja/items/a/index.html", to: "ja/index.html") == "../../index.html")
        #expect(SitePath.relative(from: "ja/items/a/index.html", to: "ja/items/ab/index.html") == "../ab/index.html")
        #expect(SitePath.relative(from: "index.html", to: "assets/style.css") == "assets/style.css")
        #expect(SitePath.relative(from: "ja/changes/index.html", to: "ja/changes/index.html") == "index.html")
    }
}
