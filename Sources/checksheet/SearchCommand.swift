import ArgumentParser
import ChecksheetKit
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the built site's index, ranked as the browser ranks.",
        discussion: "Reads {output}/{lang}/search-index.json, so run `checksheet build` first."
    )

    @Argument(help: "What to look for, in Japanese or English.")
    var query: String

    @Option(help: "The site's language whose index to search: ja or en.")
    var lang: Language = .ja

    @Option(help: "How many results at most.")
    var limit = 10

    @Flag(help: "Print a JSON array of {slug, no, title, score, url}.")
    var json = false

    @Option(name: .customLong("output"), help: ArgumentHelp("The built site.", valueName: "dir"))
    var output = "public"

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let path = "\(output)/\(SitePath.searchIndex(lang))"
        guard let data = FileManager.default.contents(atPath: path) else {
            DiagnosticPrinter.print([Diagnostic(file: path, message: "no search index here", hint: "run `checksheet build --output \(output)` first")])
            throw ExitCode.failure
        }
        let index: SearchIndex
        switch SearchIndex.read(data) {
        case let .success(read): index = read
        case let .failure(problem):
            DiagnosticPrinter.print([Diagnostic(file: path, message: "the search index cannot be used: \(problem)", hint: "build the site again with `checksheet build --output \(output)`")])
            throw ExitCode.failure
        }
        let results = SearchEngine(index: index).search(query, limit: limit)
        if json {
            let objects: [[String: Any]] = results.map {
                ["slug": $0.slug, "no": $0.no, "title": $0.title, "score": ($0.score * 10000).rounded() / 10000, "url": "\(lang.rawValue)/items/\($0.slug)/"]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        if results.isEmpty {
            print("No items match '\(query)'.")
            return
        }
        for result in results {
            print(String(format: "%2d. %@  (%@, score %.4f)", result.no, result.title, result.slug, result.score))
        }
    }
}

extension Language: ExpressibleByArgument {}
