import Foundation

extension Questionnaire {
    /// How many of the questions are written in Japanese (`isJapanese`).
    public var japaneseQuestions: Int { questions.filter { Self.isJapanese($0.text) }.count }

    /// The language the questions are written in, which the answers take when none is asked for: Japanese when at
    /// least half of the questions are in Japanese (so a form half in each keeps the sheet's first language), else
    /// English.
    public var questionLanguage: Language {
        let questions = self.questions.count
        return questions > 0 && japaneseQuestions * 2 >= questions ? .ja : .en
    }

    /// Whether a text is written in Japanese: kana and kanji make at least half of its letters (`SLA の稼働率` is,
    /// `Do you encrypt backups?` is not).
    static func isJapanese(_ text: String) -> Bool {
        let letters = JapaneseScript.letters(in: text)
        return letters.all > 0 && letters.japanese * 2 >= letters.all
    }
}
