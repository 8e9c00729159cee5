import Mustache
import Testing
@testable import ChecksheetKit

/// The compiled templates' HTML escaping, byte by byte where it may be, gives swift-mustache's character-by-character
/// escaping for every short string of special characters, ASCII, Japanese, combining marks, prepended marks and line ends.
@Suite struct TemplateEscapingTests {
    static let pieces = ["a", "<", ">", "&", "'", "\"", "\u{301}", "日", "\u{600}", "\r", "\n", "\u{200D}", "é"]

    @Test func everyShortStringIsEscapedAsCharacterByCharacter() throws {
        var strings = [""]
        var level = [""]
        for _ in 1...3 {
            level = level.flatMap { prefix in Self.pieces.map { prefix + $0 } }
            strings += level
        }
        var library = MustacheLibrary()
        try library.register("{{text}}", named: "t")
        for text in strings {
            var output = ""
            ThemeTemplates.appendEscaped(text, to: &output)
            #expect(output == text.characterEscaped, "\(text.unicodeScalars.map(\.value))")
            #expect(output == library.render(["text": text], withTemplate: "t"), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
