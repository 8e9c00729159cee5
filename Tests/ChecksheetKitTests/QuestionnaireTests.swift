import Foundation
import Testing
import ZIPFoundation
@testable import ChecksheetKit
import TestSupport

@Suite struct QuestionnaireTests {
    struct Question: CustomTestStringConvertible, Sendable {
        var language: Language
        var expected: [String]
        var text: String
        var testDescription: String { "\(language.rawValue): \(text)" }
    }

    /// `Tests/Search/questions.tsv`: the answerable and uncovered questions node checks too.
    static let questions: [Question] = {
        let text = try! String(contentsOfFile: Repository.root + "/Tests/Search/questions.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Question(language: Language(rawValue: cells[0])!, expected: cells[1] == "-" ? [] : cells[1].split(separator: ",").map(String.init), text: cells[2])
        }
    }()

    static let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!
    static let engines: [Language: SearchEngine] = Dictionary(uniqueKeysWithValues: Language.allCases.map {
        ($0, SearchEngine(index: SearchIndex.build(sheet.current!, language: $0, synonyms: sheet.synonyms)))
    })

    @Test func theQuestionSetMeetsTheTargets() {
        let answers = Self.questions.map { ($0, Self.engines[$0.language]!.answer($0.text)) }
        let answerable = answers.filter { !$0.0.expected.isEmpty }
        let uncovered = answers.filter { $0.0.expected.isEmpty }
        #expect(answerable.count >= 80 && uncovered.count >= 40)
        func right(_ pair: (Question, QuestionAnswer), _ count: Int) -> Bool { pair.1.matches.prefix(count).contains { pair.0.expected.contains($0.slug) } }
        let top1 = Double(answerable.filter { right($0, 1) }.count) / Double(answerable.count)
        let top3 = Double(answerable.filter { right($0, 3) }.count) / Double(answerable.count)
        let none = Double(uncovered.filter { $0.1.status == .none }.count) / Double(uncovered.count)
        let rightTop = answerable.filter { right($0, 1) }
        let kept = Double(rightTop.filter { $0.1.status != .none }.count) / Double(rightTop.count)
        let wrongAnswered = Double(answerable.filter { !right($0, 1) && $0.1.status == .answered }.count) / Double(answerable.count)
        #expect(top1 >= 0.9, "top-1 \(top1)")
        #expect(top3 >= 0.98, "top-3 \(top3)")
        #expect(none >= 0.9, "uncovered marked none \(none)")
        #expect(kept >= 0.95, "right top kept \(kept)")
        #expect(wrongAnswered <= 0.05, "wrong top answered \(wrongAnswered)")
    }

    @Test func questionsAreAnsweredWithTheirItem() {
        let backup = Self.engines[.en]!.answer("How long are backups retained?")
        #expect(backup.matches.first?.slug == "backup-retention")
        #expect(backup.status == .answered)
        #expect(!backup.matches.isEmpty)
        let japanese = Self.engines[.ja]!.answer("保存データは暗号化されていますか？暗号化方式を記載してください。")
        #expect(japanese.matches.first?.slug == "data-encryption")
        #expect(Self.engines[.en]!.answer("Do you support multi-factor authentication (MFA)?").status == .none)
        #expect(Self.engines[.ja]!.answer("多要素認証に対応していますか？").status == .none)
        #expect(Self.engines[.en]!.answer("?").matches.isEmpty)
    }

    /// Customers' words beside the item's: an incidental word (保持, keep, customers, 方式) that the right item lacks, or
    /// that a wrong item holds only through a synonym, does not put the wrong item first.
    @Test func incidentalWordsDoNotPutAWrongItemFirst() {
        let cases: [(Language, String, [String])] = [
            (.ja, "バックアップは何世代保持していますか", ["backup-generations"]),
            (.ja, "通信の暗号化方式は？", ["encryption-in-transit"]),
            (.en, "How many backup generations do you keep?", ["backup-generations"]),
            (.en, "How do you notify customers of incidents?", ["failure-notification-process", "failure-notification-time"]),
        ]
        for (language, question, expected) in cases {
            let answer = Self.engines[language]!.answer(question)
            #expect(answer.matches.first.map { expected.contains($0.slug) } == true, "\(question): \(answer.matches.map(\.slug))")
            #expect(answer.status != .none, "\(question)")
        }
    }

    /// The answer is the item covering the question, not the one scoring highest on part of it; a question two items
    /// answer together (each holding a part the other lacks) is for review, both listed.
    @Test func theItemCoveringTheQuestionAnswersAndCompoundQuestionsAreForReview() {
        let backup = Self.engines[.ja]!.answer("バックアップデータの暗号化は行っていますか。")
        #expect(backup.matches.first?.slug == "storage-media-security")
        #expect(backup.status == .answered)
        for (language, question, both) in [(Language.en, "Is data encrypted at rest and in transit?", ["data-encryption", "encryption-in-transit"]),
                                           (.en, "What are your RTO and RPO?", ["rto", "rpo"])] {
            let answer = Self.engines[language]!.answer(question)
            #expect(answer.status == .review, "\(question)")
            #expect(Set(answer.matches.prefix(2).map(\.slug)) == Set(both), "\(question): \(answer.matches.map(\.slug))")
            #expect((answer.matches.dropFirst().first?.complement ?? 0) >= QuestionAnswer.compoundShare, "\(question)")
        }
    }

    /// Ordinary wording (installed on servers, 導入, 機能, a verb form) does not make a covered question look uncovered,
    /// while a question about a topic the sheet lacks (screening hires, two-factor login, 教育) stays `none`.
    @Test func ordinaryWordingKeepsACoveredQuestionCovered() {
        let cases: [(Language, String, String?, QuestionAnswer.Status)] = [
            (.ja, "サーバのウイルス対策はどのように行っていますか。", "virus-scanning", .answered),
            (.en, "How is customer data isolated between tenants on shared servers?", "multi-tenant-security", .answered),
            (.ja, "データを削除する機能はありますか。", "data-deletion", .answered),
            (.en, "Which TLS version secures connections to the platform?", "encryption-in-transit", .review),
            (.en, "Do you screen the backgrounds of new hires?", nil, .none),
            (.en, "Do you enforce two-factor login for administrators?", nil, .none),
            (.ja, "全従業員に年次の教育を行っていますか。", nil, .none),
        ]
        for (language, question, top, status) in cases {
            let answer = Self.engines[language]!.answer(question)
            if let top { #expect(answer.matches.first?.slug == top, "\(question): \(answer.matches.map(\.slug))") }
            #expect(answer.status == status, "\(question)")
        }
    }

    /// A question joining two parts with `and` (及び, ・) is a compound one when another item holds a part the top one
    /// lacks, though the top one holds most of the whole question's words.
    @Test func aPartTheTopItemLacksMakesACompoundQuestion() {
        let answer = Self.engines[.en]!.answer("Please give the recovery time objective (RTO) and the recovery point objective (RPO).")
        #expect(answer.status == .review)
        #expect(Set(answer.matches.prefix(2).map(\.slug)) == ["rto", "rpo"], "\(answer.matches.map(\.slug))")
        #expect(SearchEngine.questionParts("RTO and RPO・保存データ及び通信、brand") == ["RTO ", " RPO", "保存データ", "通信、brand"])
    }

    /// A katakana word no item holds whole is split on the ones items hold (レスポンス, タイム), the seam between them dropped.
    @Test func anUnknownKatakanaWordIsSplitOnKnownOnes() {
        let tokens = SearchText.queryTokens("レスポンスタイム")
        let known: Set<String> = ["レス", "スポ", "ポン", "ンス", "タイ", "イム"]
        let words = SearchEngine.words(of: tokens, known: { known.contains(tokens[$0].text) }, together: { positions in
            positions.allSatisfy { known.contains(tokens[$0].text) } && (positions.allSatisfy { $0 <= 3 } || positions.allSatisfy { $0 >= 5 })
        })
        #expect(words.map { $0.map { tokens[$0].text }.joined(separator: "+") } == ["レス+スポ+ポン+ンス", "タイ+イム"])
    }

    /// `Tests/Search/statuses.json`: the status rule, the same in search.js.
    @Test func statusRuleMatchesTheSharedVectors() throws {
        let data = try #require(FileManager.default.contents(atPath: Repository.root + "/Tests/Search/statuses.json"))
        let vectors = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(vectors.count >= 10)
        for vector in vectors {
            let matches = (vector["matches"] as! [[String: Double]]).enumerated().map { index, match in
                QuestionAnswer.Match(slug: "s\(index)", no: index + 1, title: "", score: match["score"]!, coverage: match["coverage"]!,
                                     complement: match["complement"] ?? 0)
            }
            #expect(QuestionAnswer.status(of: matches).rawValue == vector["status"] as! String, "\(vector["why"]!)")
        }
    }

    @Test func stemsMeetAcrossInflections() {
        for group in [["retained", "retains", "retaining"], ["encrypted", "encryption", "encrypts", "encrypt"], ["availability", "available"],
                      ["notification", "notifications", "notified", "notify"], ["deleted", "deletion", "delete"], ["planned", "planning", "plans"],
                      ["certified", "certification"], ["managed", "management", "manage"], ["security", "secure"],
                      ["certificate", "certificates"], ["destroy", "destroyed", "destruction"], ["store", "stored", "storage"]] {
            #expect(Set(group.map(SearchText.stem)).count == 1, "\(group.map(SearchText.stem))")
        }
        // The exceptions the rules get wrong (`SearchText.stemExceptions`): a TLS certificate is no certification.
        #expect(SearchText.stem("certificate") != SearchText.stem("certification"))
        #expect(SearchText.stem("status") == "status")
        #expect(SearchText.stem("access") == "access")
        #expect(SearchText.stem("data") == "data")
    }

    @Test func readsCSVWithAHeaderAndChoosesTheQuestionColumn() throws {
        let csv = "\u{FEFF}No,Category,Question,Answer\r\n1,Data,\"How long are backups retained, and where?\",\r\n2,Data,Is data encrypted at rest?,\r\n,,,\r\n"
        let questionnaire = try Questionnaire.read(Data(csv.utf8), file: "q.csv").get()
        #expect(questionnaire.hasHeader)
        #expect(questionnaire.column == 2)
        #expect(questionnaire.questions == [.init(row: 2, text: "How long are backups retained, and where?"), .init(row: 3, text: "Is data encrypted at rest?")])
        #expect(try Questionnaire.read(Data(csv.utf8), file: "q.csv", column: .name("question")).get().column == 2)
        #expect(try Questionnaire.read(Data(csv.utf8), file: "q.csv", column: .number(2)).get().column == 1)
    }

    @Test func readsTextAndTSV() throws {
        let text = try Questionnaire.read(Data("バックアップの保管期間は？\n\n暗号化していますか？\n".utf8), file: "q.txt").get()
        #expect(text.questions.map(\.row) == [1, 3])
        #expect(!text.hasHeader)
        let tsv = try Questionnaire.read(Data("Q1\tDo you back up data daily?\nQ2\tIs TLS used?\n".utf8), file: "paste.tsv").get()
        #expect(tsv.column == 1)
        #expect(tsv.questions.map(\.text) == ["Do you back up data daily?", "Is TLS used?"])
    }

    @Test func readsTheFirstSheetOfAWorkbookWithSharedStringsAndPhoneticGuides() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts = [
            ("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="質問票" sheetId="1" r:id="rId7"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/questions.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>質問</t></si><si><r><t>バックアップの</t></r><r><t>保管期間は？</t></r><rPh sb="0" eb="1"><t>ホカン</t></rPh></si></sst>"#),
            ("xl/worksheets/questions.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>1</v></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>Is data encrypted &amp; kept?</t></is></c></row></sheetData></worksheet>"#),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        let questionnaire = try Questionnaire.read(try #require(archive.data), file: "customer.xlsx").get()
        #expect(questionnaire.rows == [["1", "質問"], ["", ""], ["2", "バックアップの保管期間は？"], ["", "Is data encrypted & kept?"]])
        #expect(questionnaire.column == 1)
        #expect(questionnaire.questions.map(\.row) == [3, 4])
    }

    @Test func badInputGetsOnePlainError() {
        func message(_ data: Data, _ file: String, _ column: Questionnaire.Column? = nil) -> String? {
            if case let .failure(error) = Questionnaire.read(data, file: file, column: column) { return error.diagnostics.map(\.message).joined(separator: "; ") }
            return nil
        }
        #expect(message(Data(), "empty.csv") == "the questionnaire is empty")
        #expect(message(Data("\n\n".utf8), "blank.txt") == "the questionnaire is empty")
        #expect(message(Data("1,2\n3,4\n".utf8), "numbers.csv") == "no column holds text")
        #expect(message(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 9, 9]), "broken.xlsx") == "the workbook is damaged: its ZIP package cannot be read")
        #expect(message(Data([0x00, 0xFF, 0x00, 0xFE, 0x81]), "image.png") == "the file is not a CSV, TSV, text or XLSX file")
        #expect(message(Data("No,Question\n1,Why?\n".utf8), "q.csv", .name("Frage")) == "no column is named 'Frage'")
        #expect(message(Data("No,Question\n1,Why?\n".utf8), "q.csv", .number(5)) == "there is no column 5: the questionnaire has 2")
    }

    @Test func answersAreWrittenBesideEachQuestion() throws {
        let questionnaire = try Questionnaire.read(Data("No,Question\n1,How long are backups retained?\n2,Do you support SSO with SAML?\n".utf8), file: "q.csv").get()
        let answers = try #require(QuestionnaireAnswers.make(questionnaire, sheet: Self.sheet, language: .en))
        // The customer's `No` column is theirs: the item's number is `Item No.`.
        #expect(answers.table[0] == ["No", "Question", "Status", "Item No.", "Item", "Answer", "Revision", "URL", "Confidence"])
        #expect(answers.table[1] == ["1", "How long are backups retained?", "answered", "30", "Backup retention period", "72 hours", "2025-03-07",
                                     "https://checksheet.example.com/en/items/backup-retention/", "100%"])
        #expect(answers.table[2] == ["2", "Do you support SSO with SAML?", "none", "", "", "", "", "", ""])
        let csv = String(decoding: answers.csv(), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}No,Question,Status,"))
        #expect(csv.hasSuffix("\r\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: answers.json()) as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json[0]["row"] as? Int == 2)
        #expect(json[0]["status"] as? String == "answered")
        let first = try #require((json[0]["matches"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["slug", "no", "title", "answer", "url", "score"])
        let reread = try Questionnaire.read(try answers.xlsx(), file: "out.xlsx").get()
        #expect(reread.rows == answers.table)
    }

    @Test func keywordsAndSynonymsAreCheckedLikeEverythingElse() {
        let page = "---\nno: 1\nslug: service-hours\nsection: アプリケーション運用\ncategory: 可用性\nitem: サービス時間\ndefinition: 定義\nunit: 時間帯\nkeywords: [uptime, {a: b}, '!!']\n---\n24時間365日\n"
        guard case let .failure(error) = ItemPage.parse(page, file: "ja/01-service-hours.md", language: .ja) else {
            Issue.record("bad keywords were accepted")
            return
        }
        #expect(error.diagnostics.map(\.formatted) == [
            "ja/01-service-hours.md:9:20: error: each entry of 'keywords' must be text, found a nested mapping\n  hint: list plain words or phrases, for example `keywords: [uptime, SLA]`",
            "ja/01-service-hours.md:9:28: error: an entry of 'keywords' has no word to search for\n  hint: give words or phrases with letters, digits or Japanese, for example `keywords: [uptime, SLA]`",
        ])
        let synonyms = SourceFile(path: "Content/synonyms.yml", text: "groups:\n  - [uptime, availability]\n  - [alone]\n  - just text\n")
        guard case let .failure(problems) = Synonyms.parse(synonyms) else {
            Issue.record("bad synonyms were accepted")
            return
        }
        #expect(problems.diagnostics.map(\.formatted) == [
            "Content/synonyms.yml:3:5: error: a synonym group needs at least two words\n  hint: list the sheet's word and the customers' words together, for example `- [uptime, availability, 稼働率]`",
            "Content/synonyms.yml:4:5: error: a synonym group must be a list, found a single value\n  hint: write each group in brackets, for example `- [uptime, availability, 稼働率]`",
        ])
        #expect(Self.sheet.synonyms.groups.count >= 40)
        #expect(Self.sheet.current!.item("data-encryption", .en)!.keywords.contains("at rest"))
    }

    @Test func keywordsSurviveThePageSource() throws {
        let item = Self.sheet.current!.item("availability-rate", .ja)!
        let page = try ItemPage.parse(item.pageSource, file: "x.md", language: .ja).get()
        #expect(page.item == item)
        #expect(!item.keywords.isEmpty)
    }
}
