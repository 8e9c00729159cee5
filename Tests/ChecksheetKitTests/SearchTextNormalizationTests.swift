import Foundation
import Testing
import TestSupport
@testable import ChecksheetKit

/// `SearchText.normalize` takes a shortcut for text whose NFKC form is known without Foundation; the shortcut must
/// give exactly what Foundation gives.
@Suite struct SearchTextNormalizationTests {
    /// Every scalar the shortcut takes, one by one.
    static let simpleScalars: [Unicode.Scalar] = {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0xFF01...0xFF5E, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FC, 0x4E00...0x9FFF,
                                              0x3001...0x3002, 0x3005...0x3007, 0x300C...0x3011]
        return ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    }()

    @Test func theShortcutTakesEachScalarAsFoundationDoes() {
        var mismatches: [String] = []
        for scalar in Self.simpleScalars {
            let text = String(scalar)
            guard let simple = SearchText.simpleNormalized(text) else { mismatches.append("U+\(String(scalar.value, radix: 16)) refused"); continue }
            if simple != SearchText.foundationNormalized(text) { mismatches.append("U+\(String(scalar.value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func theShortcutTakesPairsAsFoundationDoes() {
        // Kana and the prolonged sound mark after one another, full-width forms, ASCII and kanji beside them.
        let kana: [UInt32] = Array(0x3041...0x3096) + Array(0x30A1...0x30FA) + [0x30FC]
        let others: [UInt32] = [0x41, 0x5A, 0x61, 0x20, 0x30, 0xFF21, 0xFF41, 0xFF10, 0xFF08, 0x3001, 0x300C, 0x4E00, 0x9FFF, 0x3005]
        var mismatches: [String] = []
        for first in kana + others {
            for second in kana + others {
                var text = ""
                text.unicodeScalars.append(Unicode.Scalar(first)!)
                text.unicodeScalars.append(Unicode.Scalar(second)!)
                text.unicodeScalars.append(Unicode.Scalar(0x30FC)!)
                if SearchText.simpleNormalized(text) != SearchText.foundationNormalized(text) { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func otherTextGoesToFoundation() {
        for text in ["ﾊﾞｯｸｱｯﾌﾟ", "Café", "ｶ", "か\u{3099}", "\u{309B}", "ゝ", "\u{3000}", "①", "Ⅳ", "ﬁle", "𝑇\u{308}", "e\u{301}"] {
            #expect(SearchText.simpleNormalized(text) == nil, "\(text)")
            #expect(SearchText.normalize(text) == SearchText.foundationNormalized(text))
        }
    }

    @Test func theRealSheetNormalizesAsFoundationDoes() throws {
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet)
        var checked = 0
        for revision in sheet.revisions {
            for language in Language.allCases {
                for item in revision.items[language] {
                    for text in Field.allCases.map({ item.value(of: $0) }) + item.keywords + [Markdown.plainText(item.answer)] {
                        #expect(SearchText.normalize(text) == SearchText.foundationNormalized(text), "\(text)")
                        if SearchText.simpleNormalized(text) != nil { checked += 1 }
                    }
                }
            }
        }
        // Most of the sheet takes the shortcut; the test would prove nothing if none did.
        #expect(checked > 100)
    }

    @Test func collapsingKeepsWordsApartByOneSpace() {
        for text in ["", " ", "a", " a ", "a  b", "\u{3000}日本\u{3000}\u{3000}語\t", "a\u{85}b\u{A0}\u{2028}c", "\r\n x \r\n"] {
            let words = text.unicodeScalars.split(whereSeparator: { SearchText.isSpace($0.value) }).map { String(String.UnicodeScalarView($0)) }
            #expect(SearchText.collapsed(text) == words.joined(separator: " "), "\(text.debugDescription)")
        }
    }

    @Test func asciiLettersAndDigitsAreWhatCharactersSay() {
        let characters = (0..<0x80).map { Character(Unicode.Scalar($0)!) } + ["\r\n", "é", "ａ", "１", "a\u{301}"]
        for character in characters {
            #expect(SearchIndex.isASCIILetterOrDigit(character) == (character.isASCII && (character.isLetter || character.isNumber)), "\(character.debugDescription)")
        }
    }

    /// The acronyms of a text, scanned by scalar, are those splitting it into Characters gives: for every name and
    /// answer of the real sheet and for texts where a mark joins an ASCII letter into a Character.
    @Test func acronymsAreThoseSplittingCharactersGives() throws {
        func byCharacters(_ text: String) -> [String] {
            let words: [Substring] = text.split(whereSeparator: { (character: Character) in !SearchIndex.isASCIILetterOrDigit(character) })
            return words.filter { $0.count >= 2 && $0.first!.isUppercase && $0.allSatisfy { $0.isUppercase || $0.isNumber } }.map(String.init)
        }
        let sheet = try #require(ContentLoader.load(ContentSource.read(from: Repository.content)).sheet?.current)
        var texts = Language.allCases.flatMap { language in sheet.items[language].flatMap { [$0.item, $0.answer, $0.definition] } }
        texts += ["", "A", "AB", "ISMS", "ISO27001", "TLSv1.2", "TLS 1.2", "AB\u{301}C", "AB\u{301}", "ABC\u{301}D", "\u{600}ABC", "x\u{600}AB",
                  "AB\u{200D}CD", "AB\u{FE0F}", "ＩＳＭＳ", "日本ISMS認証", "ISMS\r\nSOC2", "é ABC", "A\u{308}BC", "ABC\u{1F3FB}", "a1B2 C3 D", "99AB"]
        #expect(texts.count > 100)
        for text in texts { #expect(SearchIndex.acronyms(text) == byCharacters(text), "\(text.debugDescription)") }
    }
}
