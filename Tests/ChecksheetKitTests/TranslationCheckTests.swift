import ChecksheetKit
import Testing

/// When an English field is no translation of its Japanese: the Japanese text itself, or links that lead elsewhere.
@Suite struct TranslationCheckTests {
    /// The share is of letters: digits, punctuation and spaces count for neither script. More than half makes text
    /// Japanese; a Latin name beside a Japanese word is not mostly Japanese, a Japanese sentence around one is.
    @Test func theShareOfKanaAndKanjiIsCountedInLetters() {
        let mixed = JapaneseScript.letters(in: "ISO/IEC 27001 認証")
        #expect(mixed.japanese == 2 && mixed.all == 8)
        #expect(!JapaneseScript.isMostlyJapanese("ISO/IEC 27001 認証"))
        let sentence = JapaneseScript.letters(in: "ISO/IEC 27001 認証を取得しています")
        #expect(sentence.japanese == 10 && sentence.all == 16)
        #expect(JapaneseScript.isMostlyJapanese("ISO/IEC 27001 認証を取得しています"))
        // Exactly half is not more than half.
        #expect(!JapaneseScript.isMostlyJapanese("TLS 1.3 に対応"))
        #expect(JapaneseScript.isMostlyJapanese("TLS 1.3 に対応済"))
        // Half-width katakana, the iteration mark and a CJK Extension B kanji are Japanese letters; full-width Latin is not.
        #expect(JapaneseScript.letters(in: "ｶﾀｶﾅ 時々 𠮷野").japanese == 8)
        #expect(JapaneseScript.letters(in: "ＴＬＳ").japanese == 0)
        #expect(!JapaneseScript.isMostlyJapanese("99.9% / 24h") && !JapaneseScript.isMostlyJapanese("。、（）"))
    }

    @Test func anEnglishFieldIsTheJapaneseWhenItIsItsTextOrMostlyKanaAndKanji() {
        #expect(TranslationCheck.japaneseCopy(english: " 有。TLS 1.3\n", japanese: "有。TLS 1.3", field: .answer) == "is the Japanese text")
        #expect(TranslationCheck.japaneseCopy(english: "ISO/IEC 27001 認証", japanese: "ISO/IEC 27001 認証", field: .answer) == "is the Japanese text")
        #expect(TranslationCheck.japaneseCopy(english: "通信の暗号化レベル", japanese: "通信の暗号化強度", field: .item)
            == "is Japanese text (9 of its 9 letters are kana or kanji)")
        // What readers see counts: a link's address is no word, an escape no character.
        #expect(TranslationCheck.japaneseCopy(english: "詳細は[こちら](https://example.com/docs/security)を参照", japanese: "別の回答", field: .answer)
            == "is Japanese text (9 of its 9 letters are kana or kanji)")
        #expect(TranslationCheck.japaneseCopy(english: "1日1回 \\& \\<毎晩\\>", japanese: "1日1回 & <毎晩>", field: .answer) == "is the Japanese text")
        // A product's name in Latin letters, a figure, an acronym are the same in both languages; English that names a
        // Japanese certification beside Latin letters is not mostly Japanese.
        #expect(TranslationCheck.japaneseCopy(english: "CloudGuard", japanese: "CloudGuard", field: .item) == nil)
        #expect(TranslationCheck.japaneseCopy(english: "99.9%", japanese: "99.9%", field: .answer) == nil)
        #expect(TranslationCheck.japaneseCopy(english: "ISO/IEC 27001 certification", japanese: "ISO/IEC 27001 認証", field: .answer) == nil)
        #expect(TranslationCheck.japaneseCopy(english: "ISO/IEC 27001 認証", japanese: "ISO/IEC 27001 認証を取得しています", field: .answer) == nil)
    }

    /// Links are compared as multisets of targets: the order may change with the sentence, a target added, removed,
    /// changed or written once less may not.
    @Test func linksAreComparedAsMultisetsOfTargets() {
        let japanese = "[目標復旧時間](../rto/index.html)と[認証](https://example.com/certs)を参照"
        #expect(TranslationCheck.differingLinks(english: "See [certificates](https://example.com/certs) and [RTO](../rto/index.html)", japanese: japanese, field: .answer) == nil)
        let changed = TranslationCheck.differingLinks(english: "See [RPO](../rpo/index.html), [site](https://evil.example/) and https://example.com/certs",
                                                      japanese: japanese, field: .answer)
        #expect(changed.map(TranslationCheck.describe)
            == "links to ../rpo/index.html, https://evil.example/ and https://example.com/certs, the Japanese to ../rto/index.html and https://example.com/certs")
        let twice = TranslationCheck.differingLinks(english: "[a](../rto/index.html) [b](../rto/index.html) [c](https://example.com/certs)", japanese: japanese, field: .answer)
        #expect(twice.map(TranslationCheck.describe)
            == "links to ../rto/index.html, ../rto/index.html and https://example.com/certs, the Japanese to ../rto/index.html and https://example.com/certs")
        #expect(TranslationCheck.differingLinks(english: "See the certificates", japanese: japanese, field: .answer).map(TranslationCheck.describe)
            == "links nowhere, the Japanese to ../rto/index.html and https://example.com/certs")
        #expect(TranslationCheck.differingLinks(english: "[diagram](https://example.com/en/diagram)", japanese: "構成図", field: .answer).map(TranslationCheck.describe)
            == "links to https://example.com/en/diagram, the Japanese nowhere")
        // An image is no link: a diagram may be drawn per language.
        #expect(TranslationCheck.differingLinks(english: "![Diagram](diagram-en.png)", japanese: "![構成図](diagram-ja.png)", field: .answer) == nil)
        // Fields other than the answer are plain text on the page: nothing in them is a link.
        #expect(TranslationCheck.differingLinks(english: "https://evil.example/", japanese: "時間", field: .unit) == nil)
    }
}
