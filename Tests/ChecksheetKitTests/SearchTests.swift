import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

@Suite struct SearchTests {
    struct Query: CustomTestStringConvertible, Sendable {
        var language: Language
        var text: String
        var expected: [String]
        var purpose: String
        var testDescription: String { "\(language.rawValue): \(text) (\(purpose))" }
    }

    /// `Tests/Search/queries.tsv`: the query set the browser test runs too.
    static let queries: [Query] = {
        let text = try! String(contentsOfFile: Repository.root + "/Tests/Search/queries.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Query(language: Language(rawValue: cells[0])!, text: cells[1], expected: cells[2].split(separator: ",").map(String.init), purpose: cells[3])
        }
    }()

    static let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!
    static let revision = sheet.current!
    static let engines: [Language: SearchEngine] = [
        .ja: SearchEngine(index: SearchIndex.build(revision, language: .ja, synonyms: sheet.synonyms)),
        .en: SearchEngine(index: SearchIndex.build(revision, language: .en, synonyms: sheet.synonyms)),
    ]
    static var ja: SearchEngine { engines[.ja]! }
    static var en: SearchEngine { engines[.en]! }

    @Test func theQuerySetIsLargeAndCoversBothLanguages() {
        #expect(Self.queries.count >= 40)
        #expect(Self.queries.filter { $0.language == .en }.count >= 15)
    }

    /// An expectation of `queries.tsv`: `a,b` one of them in the top three, `=a,b` one of them first, `-` nothing found.
    @Test(arguments: queries) func findsAnExpectedItemInTheTopThree(_ query: Query) {
        let top = Self.engines[query.language]!.search(query.text, limit: 3).map(\.slug)
        if query.expected == ["-"] {
            #expect(top.isEmpty, "found: \(top)")
        } else if let first = query.expected.first, first.hasPrefix("=") {
            let expected = [String(first.dropFirst())] + query.expected.dropFirst()
            #expect(top.first.map(expected.contains) == true, "first of \(top)")
        } else {
            #expect(top.contains { query.expected.contains($0) }, "top 3: \(top)")
        }
    }

    @Test func exactNamesComeFirstAndResultsShowThePageLanguage() {
        #expect(Self.ja.search("RPO").first?.slug == "rpo")
        #expect(Self.ja.search("TLS").map(\.slug) == ["encryption-in-transit"])
        #expect(Self.ja.search("ISMS").first?.slug == "certifications")
        #expect(Self.ja.search("backup").first?.title == "バックアップの方法")
        #expect(Self.en.search("バックアップ").first?.title == "Backup method")
    }

    @Test func itemsHoldingNearlyAllOfTheQueryRankAndNoneBelowAQuarter() {
        let both = Self.en.search("backup retention").map(\.slug)
        #expect(both.first == "backup-retention")
        #expect(!both.contains("virus-scanning"))
        // No item has both words: an item holding a rare one will do.
        let either = Self.en.search("virus qwertyuiop").map(\.slug)
        #expect(either == ["virus-scanning"])
        // A long word no item holds is not found through its commonest bigrams (イン, オン), nor through a common word.
        #expect(Self.ja.search("シングルサインオン").isEmpty)
        #expect(Self.en.search("fingerprint reader").isEmpty)
        #expect(Self.en.search("data qwertyuiop zxcvbnm").isEmpty)
        #expect(Self.ja.search("　").isEmpty)
        #expect(Self.ja.search("qwertyuiop").isEmpty)
        // A word typed past its stem still finds it; a stem with anything else after it does not.
        #expect(Self.en.search("encrypti").first?.slug == "data-encryption")
        #expect(Self.en.search("backupzzzz").isEmpty)
    }

    /// Customers and sales cite items by number: a query that is only a number reference puts that item first, in the
    /// page's language; the text's own ranking (`item` finds item 22) follows.
    @Test func aQueryThatIsAnItemNumberPutsThatItemFirst() {
        for query in ["No. 47", "47", "No.47", "No 47", "項番47", "Ｎｏ．４７", "47番", "#47", "№47", "第47項", "47."] {
            #expect(Self.en.search(query).map(\.slug) == ["virus-scanning"], "\(query)")
            #expect(Self.ja.search(query).map(\.title) == ["ウイルススキャン"], "\(query)")
            #expect(Self.en.search(query).first?.score == 1000, "\(query)")
        }
        #expect(Self.en.search("item 47").map(\.slug) == ["virus-scanning", "customizability"])
        #expect(Self.en.search("item 47").map(\.title) == ["Virus scanning", "Customizability"])
    }

    /// A number no item has, or a number inside other words, ranks by text exactly as before numbers were references;
    /// a number the text also finds (24 of 24時間) puts its item first and the text's ranking after it, unchanged.
    @Test func otherNumbersRankByTextAsBefore() {
        for engine in [Self.ja, Self.en] {
            #expect(engine.search("#50").isEmpty)
            #expect(engine.search("50").isEmpty)
            #expect(engine.search("365").map(\.slug) == ["service-hours", "support-hours-failures", "support-hours-general"])
            #expect(engine.search("365").map { ($0.score * 1000).rounded() } == [4735, 4512, 4512])
            #expect(engine.search("backup 30 days").map(\.slug) == ["backup-method", "planned-outage-notice", "rpo", "failure-count",
                                                                    "storage-media-security", "backup-generations", "backup-retention"])
            #expect(engine.search("24").map(\.slug) == ["concurrent-users", "rpo", "failure-notification-time", "service-hours",
                                                        "support-hours-failures", "support-hours-general", "system-monitoring"])
            #expect(engine.search("24").map { ($0.score * 1000).rounded() } == [1_000_000, 4120, 4047, 4016, 3908, 3908, 3228])
        }
    }

    /// Questionnaire answers rank by text alone: a question that is a bare number is not taken for an item's.
    @Test func answersDoNotTakeANumberForAnItem() {
        #expect(Self.en.answer("No. 47").matches.isEmpty)
        #expect(Self.ja.answer("47").matches.isEmpty)
        #expect(Self.ja.answer("24").matches.map(\.slug) == ["rpo", "failure-notification-time", "service-hours"])
    }

    @Test func tiesAreBrokenByItemNumber() {
        for query in ["有", "サービス", "data"] {
            let results = Self.ja.search(query, limit: 49)
            for (a, b) in zip(results, results.dropFirst()) {
                let ordered = a.score > b.score || (a.score == b.score && a.no < b.no)
                #expect(ordered)
            }
        }
    }

    @Test func indexIsCompactAndRoundTrips() throws {
        let index = SearchIndex.build(Self.revision, language: .ja)
        let json = index.json()
        #expect(!json.contains(UInt8(ascii: "\n")))
        #expect(SearchIndex.decode(json) == index)
        #expect(index.documents.count == 49)
        #expect(index.documents[41].keys.contains("tls"))
        #expect(index.documents[10].keys.contains("rto"))
        let script = String(decoding: index.script(), as: UTF8.self)
        #expect(script.hasPrefix("window.checksheetSearchIndex=window.checksheetSearchIndex||{};window.checksheetSearchIndex[\"ja\"]={\""))
    }

    /// `Tests/Search/vectors.json`: inputs and the analysis both sides must give; node's test checks search.js.
    @Test func analysisMatchesTheSharedVectors() throws {
        let data = try #require(FileManager.default.contents(atPath: Repository.root + "/Tests/Search/vectors.json"))
        var vectors = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(vectors.count >= 30)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            vectors = vectors.map { vector in
                let input = vector["input"] as! String
                let normalized = SearchText.normalize(input)
                var recorded: [String: Any] = ["input": input, "normalized": normalized,
                        "index": SearchText.tokens(normalized: normalized, parts: true).map(\.text),
                        "query": SearchText.tokens(normalized: normalized, parts: false).map(\.text),
                        "question": SearchText.queryTokens(input).map(\.text), "collapsed": SearchText.collapsed(normalized),
                        "indexed": SearchText.indexTokens(input)]
                // Only a query that is an item number says so; every other vector has no `number`.
                if let number = SearchText.itemNumber(input) { recorded["number"] = number }
                return recorded
            }
            let json = try JSONSerialization.data(withJSONObject: vectors, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try json.write(to: URL(fileURLWithPath: Repository.root + "/Tests/Search/vectors.json"))
        }
        for vector in vectors {
            let input = vector["input"] as! String
            let normalized = SearchText.normalize(input)
            #expect(normalized == vector["normalized"] as! String, "normalize(\(input))")
            #expect(SearchText.tokens(normalized: normalized, parts: true).map(\.text) == vector["index"] as! [String], "index tokens of \(input)")
            #expect(SearchText.tokens(normalized: normalized, parts: false).map(\.text) == vector["query"] as! [String], "query tokens of \(input)")
            #expect(SearchText.queryTokens(input).map(\.text) == vector["question"] as! [String], "question tokens of \(input)")
            #expect(SearchText.collapsed(normalized) == vector["collapsed"] as! String, "collapsed \(input)")
            #expect(SearchText.indexTokens(input) == vector["indexed"] as! [String], "what the index holds of \(input)")
            #expect(SearchText.itemNumber(input) == vector["number"] as? Int, "item number of \(input)")
        }
    }
}

/// A corrupt or foreign index is refused with a reason, as search.js refuses it (`Tests/Search/corrupt-indexes.json`).
@Suite struct SearchIndexFormatTests {
    @Test func corruptIndexesAreRefusedWithAReason() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.root + "/Tests/Search/corrupt-indexes.json"))
        let vectors = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(vectors.count > 5)
        for vector in vectors {
            let index = try JSONSerialization.data(withJSONObject: vector["index"]!)
            let read = SearchIndex.read(index)
            if vector["valid"] as? Bool == true {
                #expect((try? read.get()) != nil, "\(vector["why"]!)")
            } else if case .success = read {
                Issue.record("accepted: \(vector["why"]!)")
            }
        }
    }

    /// Postings are written as gaps, so an index's bytes per item stay flat as the sheet grows.
    @Test func postingsAreGapsAndReadBackExactly() throws {
        let site = try #require(Repository.buildRealSite().files)
        let json = try #require(site.first { $0.path == "ja/search-index.json" }).contents
        let index = try SearchIndex.read(json).get()
        let raw = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let gaps = try #require(raw["post"] as? [[Int]])
        #expect(zip(gaps, index.postings).allSatisfy { gap, absolute in gap.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) } == absolute })
        #expect(index.postings.contains { $0.count > 2 && $0.last! > gaps[index.postings.firstIndex(of: $0)!].max()! })
        #expect(index.json() == json)
    }
}
