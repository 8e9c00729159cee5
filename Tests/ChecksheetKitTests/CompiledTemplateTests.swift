import Testing
@testable import ChecksheetKit
import TestSupport

/// The parser places a tag by the line starts it found once: the same line and column as counting every character
/// before it, at every position of every template of the theme and of text with other line ends.
@Suite struct CompiledTemplateTests {
    @Test func everyPositionIsPlacedAsCountingTheCharactersBeforeItPlacesIt() throws {
        let theme = try Theme.read(from: Repository.theme).get()
        let texts = theme.templates.keys.sorted().map { theme.templates[$0]! } + ["", "\n", "a\r\nb\u{2028}c\n\nd", "{{x}}\r\n\r\n  {{#y}}\u{85}{{/y}}"]
        for text in texts {
            let cursor = CompiledTemplate.Cursor(Array(text))
            var line = 1, column = 1
            for offset in 0...cursor.characters.count + 1 {
                let placed = cursor.place(offset)
                #expect(placed.line == line && placed.column == column, "\(offset) in \(text.prefix(30))")
                if offset < cursor.characters.count {
                    if cursor.characters[offset].isNewline { line += 1; column = 1 } else { column += 1 }
                }
            }
        }
    }
}
