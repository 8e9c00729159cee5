import ChecksheetKit
import Testing

/// What translators get of a field and what their English becomes on the page (real libcmark): the text readers see,
/// both ways, for plain text; Markdown as Markdown.
@Suite struct TranslationTextTests {
    /// Answers as `import` writes a sheet's cells: translators get the text without the escapes, and their English
    /// comes back so that the page shows it exactly, `&`, `<…>`, a leading `- ` and line breaks included.
    @Test(arguments: [
        ("1日1回 & <毎晩>", "Once a day & <nightly>", "<p>Once a day &amp; &lt;nightly&gt;</p>\n"),
        ("最大4時間\n- 夜間は翌朝まで", "- Maximum 4 hours\n- At night, by the next morning", "<p>- Maximum 4 hours<br />\n- At night, by the next morning</p>\n"),
        ("有。TLS 1.2", "Yes. TLS 1.2 *only* [see](x)", "<p>Yes. TLS 1.2 *only* [see](x)</p>\n"),
        ("1. 契約者へ連絡\n2. 公表", "1. Notify customers\n2. Publish", "<p>1. Notify customers<br />\n2. Publish</p>\n"),
    ])
    func plainAnswersTravelAsTheTextReadersSee(cell: String, english: String, html: String) {
        let japanese = Markdown.escaped(cell)
        #expect(TranslationText.isPlain(answer: japanese))
        #expect(TranslationText.shown(japanese, field: .answer) == cell)
        let stored = TranslationText.stored(english, field: .answer, japanese: japanese)
        #expect(Markdown.html(stored) == html)
        #expect(Markdown.plainText(stored) == english)
        // The English page read back gives the translator the same text next time.
        #expect(TranslationText.shown(stored, field: .answer) == english)
    }

    /// An answer written in Markdown goes out as its source, and its English is written as Markdown.
    @Test func markdownAnswersTravelAsMarkdown() {
        for japanese in ["- 平日: 4時間以内\n- 休日: 8時間以内", "[目標復旧時間](../rto/index.html)を参照", "有。*全プラン*で提供", "一行目\n二行目"] {
            #expect(!TranslationText.isPlain(answer: japanese), "\(japanese)")
            #expect(TranslationText.shown(japanese, field: .answer) == japanese)
            #expect(TranslationText.stored("- Weekdays\n- Holidays", field: .answer, japanese: japanese) == "- Weekdays\n- Holidays")
        }
        #expect(TranslationText.layout(of: "- 平日\n- 休日") == ["list item": 2])
        #expect(TranslationText.layout(of: "Weekdays, holidays") == ["paragraph": 1])
    }

    /// The item, definition and unit are plain text on the page (escaped as HTML, never read as Markdown): as they are.
    @Test func otherFieldsAreNeverEscaped() {
        for field in [Field.item, .definition, .unit] {
            #expect(TranslationText.shown("A \\& <b>", field: field) == "A \\& <b>")
            #expect(TranslationText.stored("Once a day & <nightly>", field: field, japanese: "1日1回") == "Once a day & <nightly>")
        }
    }
}
