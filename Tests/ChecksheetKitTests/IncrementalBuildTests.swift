import Foundation
import Testing
@testable import ChecksheetKit
import TestSupport

/// A build that takes unchanged pages from the previous one is byte-identical to a clean build, after any sequence of
/// edits: answers in either language in any revision, item names and definitions (which leave English pending),
/// revision notes, site.yml, synonyms, a new revision, a theme file, a UI string, a removed item, a record of what
/// `translations import` translated (which can leave English pending inside a revision). Pages are taken by
/// fingerprints of their inputs, computed without building views, so every kind of input is edited here somewhere.
@Suite struct IncrementalBuildTests {
    /// A small deterministic generator (SplitMix64), so that a failing sequence can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Edit: CaseIterable {
        case japaneseAnswer, englishAnswer, newRevision, template, uiString, removedItem, nothing
        case olderJapaneseAnswer, olderEnglishAnswer, itemName, japaneseDefinition, notes, siteTitle, synonyms, translationRecord
    }

    static func apply(_ edit: Edit, step: Int, to content: inout ContentSource, theme: inout Theme, using random: inout Generator) {
        let newest = content.revisions.indices.max { content.revisions[$0].folderName < content.revisions[$1].folderName }!
        func editPage(_ language: Language, in revision: Int? = nil, _ change: (String) -> String) {
            let revision = revision ?? newest
            guard var pages = content.revisions[revision].pages[language], !pages.isEmpty else { return }
            let index = Int.random(in: 0..<pages.count, using: &random)
            pages[index].text = change(pages[index].text)
            content.revisions[revision].pages[language] = pages
        }
        let any = Int.random(in: content.revisions.indices, using: &random)
        /// Appends to the value of a front-matter line (`item: …`), leaving the rest of the page as it is.
        func appendingToLine(_ key: String, _ suffix: String) -> (String) -> String {
            { text in
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(key + ": ") ? $0 + suffix : $0 }.joined(separator: "\n")
            }
        }
        switch edit {
        case .japaneseAnswer: editPage(.ja) { $0 + "追記\(step)。\n" }
        case .englishAnswer: editPage(.en) { $0 + "Added \(step).\n" }
        case .newRevision:
            var revision = content.revisions[newest]
            let date = String(format: "2026-%02d-%02d", 1 + step % 12, 1 + step % 28)
            guard !content.revisions.contains(where: { $0.folderName >= date }) else { return }
            revision.folderName = date
            revision.path = (revision.path as NSString).deletingLastPathComponent + "/" + date
            // As `new-revision` does: the copied English translates the copied Japanese, so the records stay behind.
            revision.translations = nil
            revision.metadata = SourceFile(path: revision.path + "/revision.yml", text: "date: \(date)\ntitle:\n  ja: 改訂\(step)\n  en: Revision \(step)\n")
            for language in Language.allCases {
                revision.pages[language] = revision.pages[language]?.map { SourceFile(path: revision.path + "/\(language.rawValue)/" + ($0.path as NSString).lastPathComponent, text: $0.text) }
            }
            content.revisions.append(revision)
            editPage(.ja) { $0 + "新版\(step)。\n" }
        case .template:
            theme.templates["layout"] = theme.templates["layout"]!.replacingOccurrences(of: "</footer>", with: "<!-- \(step) --></footer>")
        case .uiString:
            theme.strings["sheet"]?.en += "!"
        case .removedItem:
            for language in Language.allCases {
                guard let pages = content.revisions[newest].pages[language], pages.count > 2 else { return }
                content.revisions[newest].pages[language] = Array(pages.dropLast())
            }
        case .nothing:
            break
        case .olderJapaneseAnswer: editPage(.ja, in: any) { $0 + "旧版追記\(step)。\n" }
        case .olderEnglishAnswer: editPage(.en, in: any) { $0 + "Earlier \(step).\n" }
        case .itemName: editPage(.ja, in: any, appendingToLine("item", "\(step)"))
        case .japaneseDefinition: editPage(.ja, in: any, appendingToLine("definition", "（\(step)）"))
        case .notes:
            guard let metadata = content.revisions[any].metadata else { return }
            let text = metadata.text.contains("notes:") ? appendingToLine("  ja", "\(step)")(metadata.text)
                                                        : metadata.text + "notes:\n  ja: 注記\(step)\n  en: Note \(step)\n"
            content.revisions[any].metadata = SourceFile(path: metadata.path, text: text)
        case .siteTitle:
            guard let site = content.site else { return }
            content.site = SourceFile(path: site.path, text: appendingToLine("  en", " \(step)")(site.text))
        case .synonyms:
            let words = content.synonyms?.text ?? "groups:\n"
            content.synonyms = SourceFile(path: content.path + "/synonyms.yml", text: words + "  - [uptime\(step), 稼働\(step)]\n")
        case .translationRecord:
            // The English of a field as the import wrote it, translated from the Japanese as it is, or as it was.
            guard let revision = ContentLoader.load(content).sheet?.revisions.first(where: { $0.date == content.revisions[any].folderName }),
                  let japanese = revision.items.ja.randomElement(using: &random), let english = revision.item(japanese.slug, .en) else { return }
            let field = SheetHistory.translatedFields.randomElement(using: &random)!
            var records = revision.translationRecords
            let translated = Bool.random(using: &random) ? japanese.value(of: field) : "旧\(step)"
            records.records["\(japanese.slug)/\(field.rawValue)"] = .init(translating: translated, as: english.value(of: field))
            content.revisions[any].translations = SourceFile(path: content.revisions[any].path + "/translations.yml", text: records.source)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func randomEditSequencesGiveTheCleanBuildsBytes(seed: UInt64) throws {
        var random = Generator(state: seed)
        var content = ContentSource.read(from: Repository.fixtures + "/history")
        var theme = try Theme.read(from: Repository.theme).get()
        let first = Pipeline.build(content: content, theme: .success(theme), options: .init(tool: "test"))
        var previous = try #require(first.files)
        // As the preview does: the pages the last run parsed and the theme it prepared are handed on too.
        var parsed = first.parsed, prepared = first.prepared
        var reusedAny = false
        for step in 0..<16 {
            let edit = Edit.allCases.randomElement(using: &random)!
            Self.apply(edit, step: step, to: &content, theme: &theme, using: &random)
            let clean = Pipeline.build(content: content, theme: .success(theme), options: .init(tool: "test"))
            let incremental = Pipeline.build(content: content, theme: .success(theme),
                                             options: .init(previous: .holding(previous), parsed: parsed, prepared: prepared, tool: "test"))
            parsed = incremental.parsed
            prepared = incremental.prepared ?? prepared
            #expect(clean.diagnostics == incremental.diagnostics, "step \(step) \(edit)")
            let cleanFiles = try #require(clean.files, "step \(step) \(edit): \(clean.diagnostics)")
            let incrementalFiles = try #require(incremental.files)
            #expect(incrementalFiles.map(\.path) == cleanFiles.map(\.path), "step \(step) \(edit)")
            for (a, b) in zip(incrementalFiles, cleanFiles) where a.contents != b.contents {
                Issue.record("seed \(seed) step \(step) \(edit): \(a.path) differs from the clean build")
            }
            reusedAny = reusedAny || zip(incrementalFiles, previous).contains { $0.fingerprint != nil && $0.fingerprint == $1.fingerprint }
            previous = incrementalFiles
        }
        #expect(reusedAny)
    }

    /// The same edits through an output folder, as `build` runs them: the stamps of the last write (with its marker
    /// and folders) lent to the next build, unchanged pages kept where they lie unread, the theme check's key carried
    /// over, only the touched files stamped anew. After every step the folder holds exactly the clean build's files.
    @Test(arguments: [1, 2, 3])
    func randomEditSequencesThroughAnOutputFolderGiveTheCleanBuildsFiles(seed: UInt64) throws {
        var random = Generator(state: seed)
        var content = ContentSource.read(from: Repository.fixtures + "/history")
        var theme = try Theme.read(from: Repository.theme).get()
        let work = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var output = SiteOutput(path: work + "/out", content: work + "/content", theme: work + "/theme", currentDirectory: work)
        let first = Pipeline.build(content: content, theme: .success(theme), options: .init(tool: "test"))
        _ = try output.write(try #require(first.files)).get()
        var stamps = try #require(OutputStamps.record(work + "/out"))
        var checked = first.checkedTheme
        var keptAny = false
        for step in 0..<12 {
            let edit = Edit.allCases.randomElement(using: &random)!
            Self.apply(edit, step: step, to: &content, theme: &theme, using: &random)
            let clean = try #require(Pipeline.build(content: content, theme: .success(theme), options: .init(tool: "test")).files, "step \(step) \(edit)")
            stamps.lend(to: work + "/out")
            output.stamps = stamps
            // Checked before the build, as `build` does: the write takes the check as made.
            output.checked = try output.check().get()
            var options = Pipeline.Options(previous: PreviousBuild.folder(work + "/out", stamps: stamps), tool: "test")
            options.checkedTheme = checked
            let incremental = Pipeline.build(content: content, theme: .success(theme), options: options)
            let files = try #require(incremental.files, "step \(step) \(edit): \(incremental.diagnostics)")
            keptAny = keptAny || files.contains { $0.keptSize != nil }
            let described = stamps.describe(work + "/out") ? stamps : nil
            let report = try output.write(files).get()
            stamps = try #require(OutputStamps.record(work + "/out", after: report.touched == nil ? nil : described, touched: report.touched ?? []))
            #expect(stamps == OutputStamps.record(work + "/out"), "step \(step) \(edit): the stamps of what the write touched")
            checked = incremental.checkedTheme ?? checked
            let folder = FileTree.read(work + "/out").filter { $0.key != OutputManifest.fileName }
            #expect(folder.keys.sorted() == clean.map(\.path), "step \(step) \(edit)")
            for file in clean where folder[file.path] != file.contents {
                Issue.record("seed \(seed) step \(step) \(edit): \(file.path) differs from the clean build")
            }
        }
        #expect(keptAny)
    }

    /// A page whose text is unchanged is taken from the last run's parse, not parsed again; an edited one is parsed.
    @Test func unchangedPagesAreNotParsedAgain() throws {
        let content = ContentSource.read(from: Repository.content)
        var parsed = ContentLoader.load(content).parsed
        let page = try #require(content.revisions[0].pages[.ja]?.first { $0.path.hasSuffix("01-service-hours.md") })
        let key = ParsedPages.key(page.path, .ja)
        // The earlier parse is marked: a load that shows the mark took it.
        parsed.entries[key]!.page.item.answer = "taken"
        #expect(ContentLoader.load(content, reusing: parsed).sheet?.revisions[0].item("service-hours", .ja)?.answer == "taken")
        var edited = content
        let index = try #require(edited.revisions[0].pages[.ja]?.firstIndex { $0.path == page.path })
        edited.revisions[0].pages[.ja]![index].text += "追記。\n"
        let reloaded = try #require(ContentLoader.load(edited, reusing: parsed).sheet?.revisions[0].item("service-hours", .ja))
        #expect(reloaded.answer.hasSuffix("追記。"))
    }

    /// Texts are written once each, by their bytes: two that are equal as Strings (canonically equivalent) but not in
    /// their bytes come back each as written.
    @Test func parsedPagesKeepEachTextAsWritten() throws {
        var parsed = ParsedPages()
        for (index, answer) in ["caf\u{e9}", "cafe\u{301}", "caf\u{e9}"].enumerated() {
            let file = SourceFile(path: "c/revisions/2025-03-0\(index + 1)/ja/01-a.md", text: answer)
            let item = Item(no: 1, slug: "a", section: "s", category: "c", item: "i", definition: "d", unit: "u", answer: answer, keywords: ["k", "k"])
            parsed.keep(ItemPage(file: file.path, language: .ja, item: item, positions: [.answer: .init(line: 9, column: 1)]), parsedFrom: file,
                        textHash: UInt64(index))
        }
        let decoded = try #require(ParsedPages.decode(parsed.encoded(tool: "test"), tool: "test"))
        for (key, entry) in parsed.entries {
            #expect(decoded.entries[key]?.page.item.answer.sameBytes(as: entry.page.item.answer) == true, "\(key)")
            #expect(decoded.entries[key]?.page == entry.page)
        }
    }

    /// `build`'s cache file gives back exactly the pages it was written from, and nothing for another tool or cut bytes.
    @Test func parsedPagesSurviveTheirCacheFile() throws {
        let parsed = ContentLoader.load(ContentSource.read(from: Repository.content)).parsed
        #expect(parsed.count == 98)
        let bytes = parsed.encoded(tool: "test")
        let decoded = try #require(ParsedPages.decode(bytes, tool: "test"))
        #expect(decoded.entries.keys.sorted() == parsed.entries.keys.sorted())
        for (key, entry) in parsed.entries {
            #expect(decoded.entries[key]?.page == entry.page && decoded.entries[key]?.textHash == entry.textHash, "\(key)")
        }
        #expect(ParsedPages.decode(bytes, tool: "other") == nil)
        #expect(ParsedPages.decode(bytes.dropLast(), tool: "test") == nil)
        #expect(ParsedPages.decode(bytes + Data([0]), tool: "test") == nil)
        #expect(ParsedPages.decode(Data("checksheet".utf8), tool: "test") == nil)
        // Cut anywhere, or with a page's offset moved, the file is not read: never a crash, never a wrong page.
        for length in stride(from: 0, to: bytes.count, by: 97) { #expect(ParsedPages.decode(bytes.prefix(length), tool: "test") == nil) }
        // After the magic, the tool, the count of texts and the table's length: the table, the count of pages, the first
        // page's offset (0), then the second's.
        let tableLength = bytes[(ParsedPages.magic.count + 8 + 4 + 8)...].prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        let secondOffset = ParsedPages.magic.count + 8 + "test".utf8.count + 8 + 8 + tableLength + 8 + 8
        #expect(bytes[(secondOffset - 8)..<secondOffset].allSatisfy { $0 == 0 })
        for change: UInt8 in [1, 255] {
            var moved = bytes
            moved[secondOffset] &+= change
            #expect(ParsedPages.decode(moved, tool: "test") == nil)
        }
    }

    /// A page whose inputs did not change is taken, not rendered: proven by a previous build whose bytes are marked.
    @Test func unchangedPagesAreTakenAndChangedOnesRendered() throws {
        let content = ContentSource.read(from: Repository.content)
        let theme = Theme.read(from: Repository.theme)
        let first = try #require(Pipeline.build(content: content, theme: theme, options: .init(tool: "test")).files)
        let marked = first.map { file in
            var file = file
            if file.fingerprint != nil { file.contents += Data("<!-- taken -->".utf8) }
            return file
        }
        var edited = content
        let index = try #require(edited.revisions[0].pages[.ja]?.firstIndex { $0.path.hasSuffix("11-rto.md") })
        edited.revisions[0].pages[.ja]![index].text += "追記。\n"
        let second = try #require(Pipeline.build(content: edited, theme: theme, options: .init(previous: .holding(marked), tool: "test")).files)
        let taken = Set(second.filter { String(decoding: $0.contents, as: UTF8.self).hasSuffix("<!-- taken -->") }.map(\.path))
        #expect(taken.contains("en/items/service-hours/index.html"))
        #expect(!taken.contains("ja/items/rto/index.html"))
        #expect(!taken.contains("ja/index.html"))
        #expect(taken.count > 100)
        // Another tool renders everything again.
        let retooled = try #require(Pipeline.build(content: edited, theme: theme, options: .init(previous: .holding(marked), tool: "other")).files)
        #expect(!retooled.contains { String(decoding: $0.contents, as: UTF8.self).hasSuffix("<!-- taken -->") })
    }
}
