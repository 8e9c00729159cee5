import ChecksheetKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
import TestSupport

/// The importer (`SheetEncoding.decode`, `DelimitedText.parse`, `ImportedSheet.read`) on exports made to break it.
@Suite(.timeLimit(fuzzTimeLimit)) struct ImportFuzzTests {
    static let file = "checksheet.tsv"
    static let seeds = ["checksheet-2025-03-07.tsv", "checksheet-2025-03-07-excel.csv", "checksheet-2025-03-07-sjis.csv"]
        .map { Repository.fixture("import/" + $0) }
    static let seedTexts = seeds.map { SheetEncoding.decode($0)!.text }

    /// Checks the bytes of one export against the importer's promises.
    static func check(_ data: Data) {
        guard let (text, _) = withinTime("decoding \(data.count) bytes", { SheetEncoding.decode(data) }) else { return }
        let table = withinTime("splitting \(text.debugDescription)") { DelimitedText.parse(text) }
        var previous = 0
        for row in table.rows {
            #expect(row.line > previous && !row.cells.isEmpty && row.cells.allSatisfy { $0.column >= 1 }, "\(row) in \(text.debugDescription)")
            previous = row.line
        }
        // Read in pieces cut at line ends, as `import` reads a file, the text gives the same rows and problems.
        var parser = DelimitedText.Parser(delimiter: table.delimiter)
        var pieces: [DelimitedText.Row] = []
        var rest = Substring(text)
        while let end = rest.dropFirst(rest.count / 3).firstIndex(of: "\n") {
            parser.consume(rest[...end]) { pieces.append($0) }
            rest = rest[rest.index(after: end)...]
        }
        parser.consume(rest) { pieces.append($0) }
        parser.finish { pieces.append($0) }
        #expect(pieces == table.rows && parser.problems == table.problems, "pieces differ for \(text.debugDescription)")
        switch withinTime("reading \(text.debugDescription)", { ImportedSheet.read(table, file: file) }) {
        case let .success(sheet):
            // Numbers may skip (a retired item keeps its gap) but always increase.
            #expect(zip(sheet.rows, sheet.rows.dropFirst()).allSatisfy { $0.no < $1.no } && sheet.rows.allSatisfy { $0.no >= 1 })
            #expect(sheet.rows.allSatisfy { !$0.answer.isEmpty && !$0.definition.isEmpty && !$0.unit.isEmpty })
            #expect(sheet.rows.allSatisfy { $0.line >= 1 && !$0.item.isEmpty && !$0.section.isEmpty })
        case let .failure(error):
            expectLocated(error, in: file, input: text)
        }
    }

    /// Text in one of the encodings Excel writes.
    static func encoded(_ text: String, as encoding: Int) -> Data {
        switch encoding {
        case 0: return Data(text.utf8)
        case 1: return Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        case 2: return text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 } ?? Data(text.utf8)
        case 3: return text.data(using: .utf16BigEndian).map { Data([0xFE, 0xFF]) + $0 } ?? Data(text.utf8)
        default: return cp932(text) ?? Data(text.utf8)
        }
    }

    /// Windows' Shift_JIS through glibc's iconv, as the importer decodes it; nil when a character has no CP932 form.
    /// (Foundation's `data(using: .shiftJIS)` stops the process on some strings: "didn't convert all characters".)
    static func cp932(_ text: String) -> Data? {
        let converter = iconv_open("CP932", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 2 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        return produced.map { Data(output[..<$0].map { UInt8(bitPattern: $0) }) }
    }

    @Test func exportsWithEditedCellsAndRowsAreReadOrLocated() async {
        let input = zip(Gen.int(in: 0...2), Mutation.generator.array(of: 1...8), Gen.int(in: 0...4))
        // 1,000: each case reads a whole 49-item export (about 5 ms in a debug build).
        await propertyCheck(count: cases(1000), input: input) { seed, mutations, encoding in
            let text = mutations.reduce(Self.seedTexts[seed]) { $1.apply(to: $0) }
            Self.check(Self.encoded(text, as: encoding))
        }
    }

    @Test func exportsWithFlippedBytesAreReadOrLocated() async {
        let flip = zip(Gen.int(in: 0...1_000_000), Gen.int(in: 0...255))
        await propertyCheck(count: cases(2000), input: zip(Gen.int(in: 0...2), flip.array(of: 1...8), Gen.int(in: 0...400))) { seed, flips, cut in
            var bytes = [UInt8](Self.seeds[seed])
            for (place, byte) in flips { bytes[place % bytes.count] = UInt8(byte) }
            // Also cut short, in the middle of a multi-byte character or a quoted cell.
            Self.check(Data(bytes.prefix(max(0, bytes.count - cut))))
        }
    }

    @Test func smallSheetsOfRiskyCellsAreReadOrLocated() async {
        let cell = Fragments.text(0...4)
        let row = zip(cell.array(of: 0...7), Gen.bool).map { cells, comma in cells.joined(separator: comma ? "," : "\t") }
        await propertyCheck(count: cases(2000), input: zip(row.array(of: 0...8), Gen.int(in: 0...4), Gen.bool)) { rows, encoding, header in
            let text = (header ? ["No.\t種別\tサービスレベル項目\t規定内容\t測定単位\t設定等"] : []) + rows
            Self.check(Self.encoded(text.joined(separator: "\r\n"), as: encoding))
        }
    }

    @Test func glossariesOfRiskySlugsGiveURLNamesOrLocatedErrors() async {
        let cell = Fragments.text(0...4)
        let row = zip(Gen.int(in: 0...60), cell, cell).map { no, name, slug in "\(no)\t\(name)\t\(slug)" }
        await propertyCheck(count: cases(1000), input: row.array(of: 0...6)) { rows in
            let text = (["no\titem_ja\tslug"] + rows).joined(separator: "\n")
            switch SlugGlossary.parse(text, file: "glossary.tsv") {
            case let .success(glossary):
                #expect(glossary.entries.allSatisfy { $0.slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil }, "\(text.debugDescription)")
            case let .failure(error):
                expectLocated(error, in: "glossary.tsv", input: text)
            }
        }
    }
}
