import Foundation
import ZIPFoundation

extension Questionnaire {
    /// What a file that is no questionnaire this tool reads turns out to be, told by its bytes (and a `.xls` name), so
    /// that the message says what to do with it: an encrypted workbook, an Excel 97-2003 workbook, a Word or Numbers
    /// document, a damaged workbook. `Site/assets/questionnaire.js` (`otherFormat`) tells them apart the same way and
    /// says the same.
    enum OtherFormat: Sendable, Equatable {
        case encrypted, legacyExcel, legacyWord, word, numbers, openDocument, damaged

        /// The problem, as a person reads it, and what to do about it.
        var problem: (message: String, hint: String) {
            switch self {
            case .encrypted:
                ("the workbook is encrypted (password-protected)",
                 "open it in Excel with its password, save an unprotected copy (File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy")
            case .legacyExcel:
                ("the file is an Excel 97-2003 workbook (.xls), which is not read",
                 "open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8 (.csv), then answer that file")
            case .legacyWord:
                ("the file is a Word 97-2003 document, not a workbook",
                 "copy the questionnaire's table into Excel and save it as .xlsx or CSV UTF-8 (.csv)")
            case .word:
                ("the file is a Word document (.docx), not an Excel workbook, whatever its name says",
                 "copy the questionnaire's table into Excel and save it as .xlsx or CSV UTF-8 (.csv)")
            case .numbers:
                ("the file is an Apple Numbers document, which is not read",
                 "export it from Numbers (File > Export To > Excel… or CSV…) and answer the exported file")
            case .openDocument:
                ("the file is an OpenDocument spreadsheet (.ods), which is not read",
                 "save it as Excel 2007-365 (.xlsx) or CSV (UTF-8) and answer that file")
            case .damaged:
                ("the workbook is damaged: its ZIP package cannot be read",
                 "open it in Excel (which offers to repair it) and save it again as .xlsx, or ask for a fresh copy")
            }
        }
    }

    /// The kind of a file that cannot be read as a questionnaire, or nil when it may be one (text or an XLSX workbook).
    static func otherFormat(_ data: Data, file: String) -> OtherFormat? {
        // Office 97-2003 files and encrypted Office 2007+ files alike are OLE compound files; their streams tell them apart.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if contains(data, stream: "EncryptedPackage") { return .encrypted }
            if contains(data, stream: "WordDocument") { return .legacyWord }
            return .legacyExcel
        }
        let lowercased = file.lowercased()
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let archive = try? Archive(data: data, accessMode: .read) else { return .damaged }
            if archive["xl/workbook.xml"] != nil { return nil }
            if archive["word/document.xml"] != nil { return .word }
            if archive.contains(where: { $0.path.hasPrefix("Index/") }) { return .numbers }
            if archive["content.xml"] != nil { return .openDocument }
            return nil
        }
        // An `.xls` that is no text is Excel's (or HTML or XML saved under that name by some systems); a tab-separated
        // export named `.xls` reads as text.
        if lowercased.hasSuffix(".xls"), SheetEncoding.decode(data) == nil || data.first == UInt8(ascii: "<") { return .legacyExcel }
        return nil
    }

    /// Whether a compound file's directory names a stream (names are UTF-16LE).
    private static func contains(_ data: Data, stream: String) -> Bool {
        data.range(of: Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil
    }
}
