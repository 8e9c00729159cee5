import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// Which items a synonym group is added to: only those holding one of its words as written, never through a stem the
/// word shares with another (`integrity`, `integration`), a general word (`available`) or a piece of a katakana word.
@Suite struct SearchSynonymsTests {
    /// What `groups` add to an item whose texts are `texts`.
    static func added(_ texts: [String], _ groups: [[String]], general: [String] = []) -> [String] {
        SearchIndex.expansions(of: texts.map { SearchText.tokens(normalized: SearchText.analysed($0), parts: true) },
                               groups: SearchIndex.synonymGroups(Synonyms(groups: groups, general: general)))
    }

    @Test func aGroupComesThroughAWordAsWrittenNotThroughItsStem() {
        let connection = [["API", "integration", "連携"]]
        #expect(Self.added(["Integrity verification of entrusted data"], connection) == [])
        #expect(Self.added(["Data integration"], connection) == ["api", "連携"])
        #expect(Self.added(["Conditions such as the configuration"], [["customize", "configure"]]) == [])
        #expect(Self.added(["Configure it"], [["customize", "configure"]]) == ["custom"])
        // One text at a time: the end of one field and the start of the next are no phrase.
        #expect(Self.added(["failure response", "time window"], [["response time", "latency"]]) == [])
        #expect(Self.added(["Response time"], [["response time", "latency"]]) == ["lat"])
    }

    @Test func aGeneralWordBringsNoGroupButIsAddedWithIt() {
        let uptime = [["uptime", "available", "SLA"]]
        #expect(Self.added(["Real-time scanning is available as an option."], uptime, general: ["available"]) == [])
        #expect(Self.added(["Real-time scanning is available as an option."], uptime) == ["uptim", "sla"])
        #expect(Self.added(["Service uptime"], uptime, general: ["Available"]) == ["avail", "sla"])
    }

    @Test func aKatakanaWordBringsItsGroupOnlyWhole() {
        let log = [["log", "ログ"]]
        #expect(Self.added(["プログラムの預託"], log) == [])
        #expect(Self.added(["同時ログイン"], log) == [])
        #expect(Self.added(["ログの取得"], log) == ["log"])
        // A kanji word may start or end a compound: 暗号 of 暗号化.
        #expect(Self.added(["通信の暗号化"], [["encryption", "暗号"]]) == ["encrypt"])
    }

    @Test func aGeneralWordOutsideEveryGroupIsAnError() {
        let file = SourceFile(path: "Content/synonyms.yml", text: "groups:\n  - [uptime, available]\ngeneral: [available, version]\n")
        guard case let .failure(problems) = Synonyms.parse(file) else {
            Issue.record("a general word of no group was accepted")
            return
        }
        #expect(problems.diagnostics.map(\.formatted) == [
            "Content/synonyms.yml:3:10: error: general word 'version' is in no synonym group\n  hint: list only words of the groups under `general:`, or add 'version' to its group",
        ])
    }

    /// Every group of `Content/synonyms.yml` and the items of the current revision it is added to, with the words that
    /// bring it: a group reaching an item it does not answer shows here in review (`RECORD_SNAPSHOTS=1` writes it anew).
    @Test func theSheetsGroupsReachTheItemsTheyName() {
        let sheet = ContentLoader.load(ContentSource.read(from: Repository.content)).sheet!
        let revision = sheet.current!
        let groups = SearchIndex.synonymGroups(sheet.synonyms)
        let other = Dictionary(revision.items[.en].map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for (written, group) in zip(sheet.synonyms.groups, groups) {
            lines.append("[" + written.joined(separator: ", ") + "]")
            for item in revision.items[.ja] {
                let pair = [item, other[item.slug] ?? item]
                let texts = pair.flatMap { [$0.item, $0.plainAnswer, $0.definition, $0.unit] + $0.keywords }
                    .map { SearchText.tokens(normalized: SearchText.analysed($0), parts: true) }
                let present = SearchIndex.present(of: group, in: texts, words: Set(texts.joined().map { ExactText($0.word) }))
                guard present.contains(where: \.brings) else { continue }
                let words = zip(written.filter { !SearchText.indexTokens($0).isEmpty }, group).filter { present.contains($0.1) }.map(\.0)
                lines.append("    \(item.slug): \(words.joined(separator: ", "))")
            }
        }
        Snapshot.expect(lines.joined(separator: "\n") + "\n", matches: "search-synonyms.txt")
    }
}
