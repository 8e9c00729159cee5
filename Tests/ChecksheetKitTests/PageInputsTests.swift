import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// What page fingerprints read of site.yml: its configuration as `String(reflecting:)` prints it, so that a field
/// added later is part of every fingerprint without anyone listing it.
@Suite struct PageInputsTests {
    /// Reflection prints a dictionary or a set in its hash order, which changes from process to process, and an object
    /// by its address: either would give every build other fingerprints and render every page anew. The real
    /// configuration, with a logo and a favicon, holds neither anywhere in its tree.
    @Test func theConfigurationPrintsTheSameInEveryProcess() throws {
        let loaded = ContentLoader.load(ContentSource.read(from: Repository.content))
        var configuration = try #require(loaded.sheet).configuration
        configuration.logo = SiteImage(path: "logo.png", file: "site.yml", line: 1, column: 1)
        configuration.logo?.contents = Data([1, 2, 3])
        configuration.favicon = configuration.logo
        configuration.provider = Localized(ja: "提供者", en: "Provider")
        configuration.shortTitle = configuration.provider
        configuration.contact = "security@example.com"
        func visit(_ value: Any, at path: String) {
            let mirror = Mirror(reflecting: value)
            #expect(mirror.displayStyle != .dictionary && mirror.displayStyle != .set && mirror.displayStyle != .class, "\(path): \(type(of: value))")
            for (index, child) in mirror.children.enumerated() { visit(child.value, at: path + "." + (child.label ?? String(index))) }
        }
        visit(configuration, at: "configuration")
        #expect(String(reflecting: configuration).contains("security@example.com"))
    }
}
