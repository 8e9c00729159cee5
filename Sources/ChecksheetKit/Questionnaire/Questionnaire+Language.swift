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
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let japanese = letters.filter { scalar in
            switch scalar.value {
            case 0x3005, 0x3006, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: true
            default: false
            }
        }
        return !letters.isEmpty && japanese.count * 2 >= letters.count
    }
}
