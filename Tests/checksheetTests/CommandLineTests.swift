import Foundation
import Testing

/// The `checksheet` binary run as a person runs it: arguments in, exit status and output out.
@Suite(.serialized) struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/ChecksheetKitTests/Fixtures"

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The binary SwiftPM built beside this test bundle.
    static var binary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("checksheet").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("checksheet").path
    }

    static func run(_ arguments: [String], in directory: String = root) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "checksheet-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file below `folder` with its bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    @Test func checkListsEveryProblemAndFails() throws {
        let run = try Self.run(["check", "--content", "Tests/ChecksheetKitTests/Fixtures/invalid"])
        #expect(run.status == 1)
        #expect(run.output == "")
        let lines = run.errors.split(separator: "\n")
        #expect(lines.last == "20 errors")
        #expect(lines.contains("Tests/ChecksheetKitTests/Fixtures/invalid/revisions/2025-03-07/ja/03-rto.md:2:5: error: 'no' must be a whole number from 1, found '三'"))
        #expect(lines.contains("  hint: write the item's place in the sheet, for example `no: 12`"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let work = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let output = work + "/public"
        let good = try Self.run(["build", "--output", output])
        #expect(good.status == 0)
        #expect(good.output.hasPrefix("Wrote 112 files"))
        let before = Self.tree(output)
        #expect(before.count == 112)

        // Break one Japanese page in a copy of the content.
        let content = work + "/Content"
        try FileManager.default.copyItem(atPath: Self.root + "/Content", toPath: content)
        let page = content + "/revisions/2025-03-07/ja/42-encryption-in-transit.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "slug: encryption-in-transit", with: "slug: tls\nsecret: x").write(toFile: page, atomically: true, encoding: .utf8)
        let bad = try Self.run(["build", "--content", content, "--output", output])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("\(page):4:1: error: unknown key 'secret'"))
        #expect(bad.errors.contains("error: item 'encryption-in-transit' has no Japanese page"))
        #expect(Self.tree(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["Content", "public"])
    }

    @Test func twoBuildsWriteIdenticalTrees() throws {
        let work = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try Self.run(["build", "--output", work + "/a"]).status == 0)
        #expect(try Self.run(["build", "--output", work + "/b"]).status == 0)
        let a = Self.tree(work + "/a"), b = Self.tree(work + "/b")
        #expect(a.count == 112)
        #expect(a == b)
    }

    @Test(arguments: ["checksheet-2025-03-07.tsv", "checksheet-2025-03-07-excel.csv", "checksheet-2025-03-07-sjis.csv"])
    func importWritesTheJapanesePagesOfContent(file: String) throws {
        let work = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: Self.root + "/Content/site.yml", toPath: work + "/site.yml")
        let run = try Self.run(["import", Self.fixtures + "/import/" + file, "--date", "2025-03-07", "--glossary", Self.fixtures + "/import/glossary.tsv", "--content", work])
        #expect(run.status == 0, "\(run.errors)")
        let encoding = file.hasSuffix("sjis.csv") ? "Shift_JIS (CP932), comma-separated" : file.hasSuffix(".csv") ? "UTF-8 with BOM, comma-separated" : "UTF-8, tab-separated"
        #expect(run.output.hasPrefix("Imported 49 items from \(Self.fixtures)/import/\(file) (\(encoding)) into \(work)/revisions/2025-03-07/\nItems that need English (49), to write in \(work)/revisions/2025-03-07/en/:\n  01-service-hours.md  サービス時間\n"))
        let imported = Self.tree(work + "/revisions/2025-03-07/ja")
        let content = Self.tree(Self.root + "/Content/revisions/2025-03-07/ja")
        #expect(imported.count == 49)
        #expect(imported == content)

        let again = try Self.run(["import", Self.fixtures + "/import/" + file, "--date", "2025-03-07", "--content", work])
        #expect(again.status == 1)
        #expect(again.errors == "\(work)/revisions/2025-03-07: error: the revision 2025-03-07 exists already\n  hint: pass --force to replace it, or choose another --date\n1 error\n")
    }

    @Test func badArgumentsAreRefused() throws {
        let run = try Self.run(["import", "x.tsv", "--date", "2025-02-30"])
        #expect(run.status == 64)
        #expect(run.errors.hasPrefix("Error: --date must be a calendar date written YYYY-MM-DD, not '2025-02-30'\n"))
    }
}
