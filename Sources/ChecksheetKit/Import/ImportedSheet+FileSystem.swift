import Foundation

extension ImportedSheet {
    /// A sheet read from a file, and how the file was written.
    public struct Export: Sendable {
        public var sheet: ImportedSheet
        public var encoding: SheetEncoding
        public var delimiter: Character
        /// An Excel workbook (`.xlsx`) rather than exported text: encoding and delimiter say nothing then.
        public var isWorkbook = false

        /// How the file was written, as the import reports it: `UTF-8, tab-separated`, `Excel workbook`.
        public var format: String {
            isWorkbook ? "Excel workbook" : "\(encoding.rawValue), \(delimiter == "\t" ? "tab-separated" : "comma-separated")"
        }
    }

    /// Reads an export from disk a piece at a time (cut at line ends), so that memory grows with the cells
    /// kept, not with several copies of the file.
    public static func read(contentsOf path: String, knownCategories: Set<String> = [], pieceSize: Int = 1 << 20) -> Result<Export, DiagnosticsError> {
        func refuse(_ message: String, _ hint: String, line: Int = 0) -> Result<Export, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(file: path, line: line, message: message, hint: hint)]))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return refuse("no such file", "check the path of the exported sheet")
        }
        guard !isDirectory.boolValue else { return refuse("this is a folder, not an exported sheet", "give the path of the TSV or CSV file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return refuse("cannot read the file: permission denied", "check the file's permissions")
        }
        defer { try? handle.close() }
        func nextPiece(_ size: Int = pieceSize) -> [UInt8]? {
            guard let data = try? handle.read(upToCount: size), !data.isEmpty else { return nil }
            return [UInt8](data)
        }

        // The encoding is told from the first 64 KB (an even count, unless that is the whole file).
        let openingSize = max(pieceSize, 1 << 16)
        var buffer = nextPiece(openingSize) ?? []
        if buffer.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // A workbook is read whole: it is compressed, and the site's downloads and the sheet are small.
            let rest: Data?
            do { rest = try handle.readToEnd() } catch { return refuse("cannot read the file", "check the file's permissions") }
            return read(workbook: Data(buffer) + (rest ?? Data()), file: path, knownCategories: knownCategories)
                .map { Export(sheet: $0, encoding: .utf8, delimiter: ",", isWorkbook: true) }
        }
        let encoding: SheetEncoding
        var skip: Int
        switch SheetEncoding.detect(buffer.count == openingSize ? buffer[..<(openingSize & ~1)] : buffer[...]) {
        case let .failure(refusal): return refuse(refusal.explanation.message, refusal.explanation.hint)
        case let .success((detected, bytes)):
            encoding = detected
            skip = bytes
        }
        let littleEndian = !buffer.starts(with: [0xFE, 0xFF])
        // A UTF-8 guess holds until a piece is not UTF-8: then the whole file is read again as CP932.
        for attempt in encoding == .utf8 ? [SheetEncoding.utf8, .cp932] : [encoding] {
            if attempt == .cp932 {
                try? handle.seek(toOffset: 0)
                buffer = nextPiece() ?? []
                skip = 0
            }
            var parser: DelimitedText.Parser?
            var opening = ""
            var reader = Reader(file: path, knownCategories: knownCategories)
            var line = 1
            var failed = false
            var atEnd = false
            while !atEnd {
                if let more = nextPiece() { buffer += more } else { atEnd = true }
                let end = atEnd ? buffer.count : (attempt.lastLineEnd(in: buffer[skip...], littleEndian: littleEndian) ?? skip)
                guard end > skip || atEnd else { continue }
                guard let text = attempt.decodePiece(buffer[skip..<end], littleEndian: littleEndian) else {
                    failed = true
                    break
                }
                if let nul = text.firstIndex(of: "\u{0}") {
                    let refusal = SheetEncoding.Refusal.nul(line: line + text[..<nul].utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
                    return refuse(refusal.explanation.message, refusal.explanation.hint)
                }
                line += text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if parser == nil {
                    // The delimiter is the header row's: wait for it (or for enough text to count on).
                    opening += text
                    if DelimitedText.headerDelimiter(opening) != nil || opening.utf8.count >= 65_536 || atEnd {
                        parser = DelimitedText.Parser(delimiter: DelimitedText.detectDelimiter(opening))
                        parser!.consume(opening) { reader.add($0) }
                        opening = ""
                    }
                } else {
                    parser!.consume(text) { reader.add($0) }
                }
                buffer.removeSubrange(0..<end)
                skip = 0
            }
            if failed { continue }
            var finished = parser ?? DelimitedText.Parser(delimiter: "\t")
            finished.finish { reader.add($0) }
            return reader.finish(quoting: finished.problems).map { Export(sheet: $0, encoding: attempt, delimiter: finished.delimiter) }
        }
        return refuse(SheetEncoding.Refusal.undecodable.explanation.message, SheetEncoding.Refusal.undecodable.explanation.hint)
    }
}
