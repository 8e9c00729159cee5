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
            Reads a questionnaire (CSV, TSV, text with one question a line, or XLSX: the first sheet) and writes it back \
            with a status (answered, review, none) and the best item's No., name, answer, revision date, URL and \
            confidence beside each question: the answer in the customer's answer column when there is one, the rest \
            in columns added to the right. An XLSX questionnaire written as XLSX is the customer's workbook with \
            the answers filled in, everything else kept. Reads the content as `build` does; ranks exactly as the \
            site's search.
            """
    )

    @Argument(help: ArgumentHelp("The questionnaire: .csv, .tsv, .txt or .xlsx.", valueName: "file"))
    var file: String

    @Option(help: "The language of the answers: ja or en.")
    var lang: Language = .ja

    @Option(help: ArgumentHelp("The question column: its header's name or its number (default: the first column with text).", valueName: "name|n"))
    var column: String?

    @Option(help: ArgumentHelp("The column that takes the answers: its header's name or its number (default: the one named Answer, 回答…, or a new column).", valueName: "name|n"))
    var answerColumn: String?

    @Option(help: "What to write: csv, xlsx or json.")
    var format: Format = .csv

    @Option(help: ArgumentHelp("Where to write (default: standard output). An existing file is refused without --force.", valueName: "file"))
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
            Self.fail(file, "cannot read the questionnaire")
        }
        let questionnaire: Questionnaire
        switch Questionnaire.read(data, file: file, column: column.map(Questionnaire.Column.init),
                                     answerColumn: answerColumn.map(Questionnaire.Column.init)) {
        case let .success(value): questionnaire = value
        case let .failure(error): Self.fail(file, error.diagnostics.first?.message ?? "cannot read the questionnaire")
        }
        guard !questionnaire.questions.isEmpty else { Self.fail(file, "the questionnaire has no questions") }
        let loaded = ContentLoader.load(ContentSource.read(from: content))
        guard let sheet = loaded.sheet, let answers = QuestionnaireAnswers.make(questionnaire, sheet: sheet, language: lang) else {
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
    }

    /// One line on standard error, then exit status 1.
    static func fail(_ file: String, _ message: String) -> Never {
        FileHandle.standardError.write(Data("\(file): error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
