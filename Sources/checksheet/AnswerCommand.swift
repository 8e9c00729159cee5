import ArgumentParser
import ChecksheetKit
import Foundation

struct AnswerCommand: ParsableCommand {
    /// What `--format` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, json
    }

    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer a customer's questionnaire from the sheet, offline.",
        discussion: """
            Reads a questionnaire (CSV, TSV, text with one question a line, or XLSX: the sheet whose header names a \
            question column, or the one given with --sheet) and writes it back with a status (answered, review, none) \
            and the best item's No., name, answer, revision date, URL and confidence beside each question: the answer \
            in the customer's answer column when there is one, the rest in columns added to the right. An XLSX \
            questionnaire written as XLSX is the customer's workbook with the answers filled in, everything else \
            kept. Standard error names what was read (the sheet, the question column, the number of questions per \
            status), the language the answers take, the column they were written into and why, and the workbook's \
            other sheets that hold questions. Reads the content as `build` does; ranks \
            exactly as the site's search.
            """
    )

    @Argument(help: ArgumentHelp("The questionnaire: .csv, .tsv, .txt or .xlsx.", valueName: "file"))
    var file: String

    @Option(help: """
        The language of the answers: ja or en (default: the questions' language, Japanese when at least half of them are \
        in Japanese, else English).
        """)
    var lang: Language?

    @Option(help: ArgumentHelp("""
        The question column: its header's name, its letter (C) or its number; a header named like a letter wins \
        (default: the column named Question, 質問…, or the one whose cells ask).
        """, valueName: "name|letter|n"))
    var column: String?

    @Option(help: ArgumentHelp("""
        The column that takes the answers: its header's name, its letter (D) or its number; a header named like a \
        letter wins (default: the one named Answer, 回答…, the remarks column beside a Yes/No dropdown, or a new column).
        """, valueName: "name|letter|n"))
    var answerColumn: String?

    @Option(help: ArgumentHelp("The workbook's sheet to answer: its tab's name or number (default: the sheet whose header names a question column).", valueName: "name|n"))
    var sheet: String?

    @Option(help: "What to write: csv, xlsx or json.")
    var format: Format = .csv

    @Option(help: ArgumentHelp("Where to write (default: standard output). An existing file is refused without --force; a device (/dev/null) is written into.", valueName: "file"))
    var out: String?

    @Flag(help: "Replace the file --out names when it exists (never the questionnaire itself, nor a file of the content or theme folder).")
    var force = false

    @Option(name: .customLong("content"), help: ArgumentHelp("The sheet: site.yml and revisions/.", valueName: "dir"))
    var content = "Content"

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx needs --out FILE") }
    }

    func run() throws {
        // The theme folder is the default one: `answer` reads no theme, but it must not write into it either.
        let target = out.map { OutputFileTarget(path: $0, content: content, theme: "Site", inputs: [file], force: force) }
        if let target, case let .failure(refusal) = target.check() {
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
            // A Numbers document may be a package: a folder that Finder shows as one file.
            if isFolder.boolValue && file.lowercased().hasSuffix(".numbers") {
                Self.fail(file, "the file is an Apple Numbers document, which is not read",
                          hint: "export it from Numbers (File > Export To > Excel… or CSV…) and answer the exported file")
            }
            Self.fail(file, exists ? "cannot read the questionnaire" : "no such file",
                      hint: exists ? "check that it is a file you may read" : "check the path; give a .csv, .tsv, .txt or .xlsx file")
        }
        let questionnaire: Questionnaire
        switch Questionnaire.read(data, file: file, column: column.map(Questionnaire.Column.init),
                                     answerColumn: answerColumn.map(Questionnaire.Column.init), worksheet: sheet.map(Questionnaire.Worksheet.Choice.init)) {
        case let .success(value): questionnaire = value
        case let .failure(error):
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        guard !questionnaire.questions.isEmpty else {
            Self.fail(file, "the questionnaire has no questions", hint: "put the questions in one column, one a row, or give that column with `--column`")
        }
        let loaded = ContentLoader.load(ContentSource.read(from: content))
        let language = lang ?? questionnaire.questionLanguage
        guard let sheet = loaded.sheet, let answers = QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: language) else {
            DiagnosticPrinter.print(loaded.diagnostics)
            throw ExitCode.failure
        }
        let output: Data
        switch format {
        case .csv: output = answers.csv()
        case .json: output = answers.json() + Data("\n".utf8)
        case .xlsx: output = try answers.xlsx()
        }
        if let target {
            if case let .failure(refusal) = target.write(output) {
                DiagnosticPrinter.print(refusal.diagnostics)
                throw ExitCode.failure
            }
        } else {
            FileHandle.standardOutput.write(output)
        }
        // What was read, so that a wrong sheet, column or language is seen at once.
        let notes = [lang == nil ? Self.languageNote(questionnaire) : nil, answers.summary, format == .json ? nil : answers.answerPlacement,
                     answers.otherSheetsNote].compactMap { $0 }
        FileHandle.standardError.write(Data(notes.map { "\(file): \($0)\n" }.joined().utf8))
        if let lang, let warning = Self.languageWarning(questionnaire, lang: lang, file: file) { DiagnosticPrinter.print([warning]) }
    }

    /// Which language the answers take when `--lang` is not given, and why.
    static func languageNote(_ questionnaire: Questionnaire) -> String {
        let (japanese, total) = (questionnaire.japaneseQuestions, questionnaire.questions.count)
        return questionnaire.questionLanguage == .ja
            ? "answering in Japanese: \(japanese) of \(total) questions are in Japanese (--lang en answers in English)"
            : "answering in English: \(total - japanese) of \(total) questions are in English (--lang ja answers in Japanese)"
    }

    /// A warning when `--lang` asks for one language and most of the questions are in the other.
    static func languageWarning(_ questionnaire: Questionnaire, lang: Language, file: String) -> Diagnostic? {
        let (japanese, total) = (questionnaire.japaneseQuestions, questionnaire.questions.count)
        let other = lang == .ja ? total - japanese : japanese
        guard other * 2 > total else { return nil }
        let (asked, written, code) = lang == .ja ? ("Japanese", "English", "en") : ("English", "Japanese", "ja")
        return Diagnostic(file: file, severity: .warning,
                          message: "answering in \(asked) (--lang \(lang.rawValue)), but \(other) of \(total) questions are in \(written)",
                          hint: "give --lang \(code), or leave --lang out, to answer in \(written)")
    }

    /// The problem and its hint on standard error, as every command prints diagnostics, then exit status 1.
    static func fail(_ file: String, _ message: String, hint: String) -> Never {
        DiagnosticPrinter.print([Diagnostic(file: file, message: message, hint: hint)])
        Foundation.exit(1)
    }
}
