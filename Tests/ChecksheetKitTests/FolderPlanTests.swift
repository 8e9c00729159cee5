import Foundation
import Testing
import TestSupport
@testable import ChecksheetKit

/// Folders made for a new tree: those holding other new folders first, the rest by the threads writing their files.
@Suite struct FolderPlanTests {
    /// Two batches into one tree, with a folder that holds both files and new folders, folders several levels deep, a
    /// folder of the second batch inside one of the first, and files at the root: every file lands with its bytes,
    /// the results come back in the order of the paths, and only folders that hold files only are left to the writers.
    @Test func everyFileLandsInItsFolderAndResultsKeepThePathsOrder() throws {
        let root = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Many folders, so that the writes run on all cores (parallelMap runs short lists in place).
        let first = ["ja/index.html", "index.html", "ja/items/b/index.html", "ja/revisions/2025-03-07/items/a/index.html"]
            + (0..<100).map { "en/items/item-\($0)/index.html" } + ["ja/items/a/index.html", "ja/downloads/x.csv", "ja/downloads/x.json"]
        var made: Set<String> = [""]
        let plan = try FolderPlan(paths: first, root: root, made: &made)
        #expect(plan.leaves.contains("ja/items/b") && plan.leaves.contains("ja/downloads") && plan.leaves.contains("en/items/item-99"))
        #expect(!plan.leaves.contains("ja") && !plan.leaves.contains("ja/items") && !plan.leaves.contains("en/items"))
        #expect(LocalPath.kind(root + "/ja/revisions/2025-03-07/items") == .folder && LocalPath.kind(root + "/ja/items/b") == nil)
        let written = try plan.write(in: root) { index in
            try OutputTree.writeFile(root + "/" + first[index], Data(first[index].utf8))
            return first[index]
        }
        #expect(written == first)
        let second = ["ja/items/b/extra.txt", "ja/items/c/index.html", "ja/revisions/2025-06-07/items/a/index.html"]
        let next = try FolderPlan(paths: second, root: root, made: &made)
        #expect(next.leaves == ["ja/items/c", "ja/revisions/2025-06-07/items/a"])
        _ = try next.write(in: root) { index in try OutputTree.writeFile(root + "/" + second[index], Data(second[index].utf8)) }
        #expect(try LocalPath.files(below: root) == (first + second).sorted())
        for path in first + second { #expect(FileManager.default.contents(atPath: root + "/" + path) == Data(path.utf8)) }
    }

    /// A folder that cannot be made (a file is in its place) ends the write with the kernel's reason and its path.
    @Test func aFolderThatCannotBeMadeIsTheErrorThrown() throws {
        let root = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try OutputTree.writeFile(root + "/taken", Data())
        var made: Set<String> = [""]
        let paths = (0..<70).map { "items/\($0)/index.html" } + ["taken/index.html"]
        let plan = try FolderPlan(paths: paths, root: root, made: &made)
        do {
            _ = try plan.write(in: root) { index in try OutputTree.writeFile(root + "/" + paths[index], Data()) }
            Issue.record("the write went through")
        } catch let error as LocalPath.POSIXError {
            #expect(error.errno == EEXIST && error.path == root + "/taken")
        }
        #expect(FileManager.default.fileExists(atPath: root + "/items/69/index.html"))
    }
}
