import Foundation
import Testing
@testable import ChecksheetKit

/// The text memos' values kept between builds: taken for their text without being made again, aged out when no build
/// asks for them, and read back from their cache file exactly as written or not at all.
@Suite struct KeptTextsTests {
    @Test func aMemoTakesWhatAnEarlierBuildMadeAndKeepsWhatTheNextMayAsk() {
        let memo = TextMemo<String>()
        memo.take([("asked", "kept value", 3), ("unasked", "old", 2), ("stale", "older", KeptTexts.maxAge)])
        // Taken, not made: the kept value is the answer even where making it would give another.
        #expect(memo.value(of: "asked") { _ in "made again" } == "kept value")
        #expect(!memo.madeAny)
        #expect(memo.value(of: "new") { $0.uppercased() } == "NEW")
        #expect(memo.madeAny)
        let kept = memo.entries(maxAge: KeptTexts.maxAge).sorted { $0.text < $1.text }
        #expect(kept.map(\.text) == ["asked", "new", "unasked"])
        #expect(kept.map(\.value) == ["kept value", "NEW", "old"])
        #expect(kept.map(\.age) == [0, 0, 3])
        // A value this process holds already is not replaced by a kept one.
        memo.take([("new", "other", 0)])
        #expect(memo.value(of: "new") { _ in "made" } == "NEW")
    }

    @Test func keptTextsSurviveTheirCacheFile() throws {
        let answers = ["**有**。TLS 1.2 以上で暗号化します。", "Yes. Encrypted with TLS 1.2 or later, services and backups.", "ISO/IEC 27001:2022 の認証を取得"]
        let tokens = answers.map { SearchText.tokens(normalized: SearchText.analysed($0), parts: true) }
        // A word stemmed ("services" → "servic") is written with its word; one that is its own word, with a flag.
        #expect(tokens[1].contains { !$0.word.sameBytes(as: $0.text) } && tokens[1].contains { $0.word.sameBytes(as: $0.text) })
        #expect(tokens[0].contains(where: \.isJapanese) && tokens[2].contains(where: \.isPart))
        let texts = KeptTexts(plainText: answers.enumerated().map { ($1, Markdown.plainText($1), $0) },
                              indexTokens: zip(answers, tokens).map { ($0, $1, 1) },
                              inlineDiffs: [("ja\u{0}24時間\u{0}1時間", "<del>24</del><ins>1</ins>時間", 0)],
                              readingKeys: [("Ａ１", "A1", 5), ("", "", 0)])
        let bytes = texts.encoded(tool: "test")
        let decoded = try #require(KeptTexts.decode(bytes, tool: "test"))
        #expect(decoded.plainText.map { "\($0.text)|\($0.value)|\($0.age)" } == texts.plainText.map { "\($0.text)|\($0.value)|\($0.age)" })
        #expect(decoded.indexTokens.map(\.text) == answers && decoded.indexTokens.map(\.value) == tokens && decoded.indexTokens.map(\.age) == [1, 1, 1])
        #expect(decoded.inlineDiffs.map { "\($0.text)|\($0.value)|\($0.age)" } == ["ja\u{0}24時間\u{0}1時間|<del>24</del><ins>1</ins>時間|0"])
        #expect(decoded.readingKeys.map { "\($0.text)|\($0.value)|\($0.age)" } == ["Ａ１|A1|5", "||0"])
        #expect(decoded.encoded(tool: "test") == bytes)
        // Another tool's, cut short, with a byte more, or not this format: not read.
        #expect(KeptTexts.decode(bytes, tool: "other") == nil)
        #expect(KeptTexts.decode(bytes + Data([0]), tool: "test") == nil)
        #expect(KeptTexts.decode(Data("checksheet".utf8), tool: "test") == nil)
        for length in 0..<bytes.count { #expect(KeptTexts.decode(bytes.prefix(length), tool: "test") == nil) }
    }
}
