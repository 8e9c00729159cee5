import ChecksheetKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import PreviewServer
import TestSupport

/// The preview server in process (`app.test(.router)`): routes, headers, methods, and every way of
/// trying to leave the site. The application is the one `checksheet serve` runs, over a copy of the real sheet.
@Suite(.timeLimit(.minutes(2))) struct PreviewServerTests {
    static let page = "/ja/items/service-hours/"

    /// One preview of the real sheet, read but never written, shared by the tests that only send requests
    /// (a build of the whole site in a debug build takes seconds).
    static let shared = buildApplication(PreviewConfiguration(content: Repository.content, theme: Repository.theme,
                                                              host: "127.0.0.1", port: 0))

    /// Runs `test` in process against the shared preview.
    func withPreview(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Self.shared.test(.router) { client in try await test(client) }
    }

    /// Builds the preview of a fresh copy of the sheet, written to its output folder, and runs `test` against it.
    func withWrittenPreview(_ test: @escaping @Sendable (any TestClientProtocol, Workspace) async throws -> Void) async throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        let app = buildApplication(workspace.configuration(output: true))
        try await app.test(.router) { client in try await test(client, workspace) }
    }

    @Test func servesPagesFromTheBuildWithTheReloadScript() async throws {
        try await withPreview { client in
            for path in ["/", "/index.html", "/ja/", "/en/", Self.page, Self.page + "index.html", "/en/items/service-hours/", "/404.html"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                let text = String(buffer: response.body)
                #expect(text.contains("<script src=\"/_preview/live-reload.js\" data-build=\""), "\(path)")
                #expect(text.hasSuffix("defer></script>\n</body>\n</html>\n"), "\(path)")
            }
            let item = String(buffer: try await client.execute(uri: Self.page, method: .get).body)
            #expect(item.contains("24時間365日（計画停止／定期保守を除く）"))
        }
    }

    @Test func textTypesCarryCharsetUTF8() async throws {
        try await withPreview { client in
            let page = String(buffer: try await client.execute(uri: "/ja/", method: .get).body)
            let stylesheet = try #require(page.firstMatch(of: /assets\/style\.[0-9a-f]{16}\.css/)).output
            let expected: [(String, String)] = [
                ("/" + stylesheet, "text/css; charset=utf-8"),
                ("/_preview/live-reload.js", "text/javascript; charset=utf-8"),
                ("/ja/search-index.json", "application/json; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/robots.txt", "text/plain; charset=utf-8"),
            ]
            for (path, type) in expected {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == type, "\(path)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(path)")
            }
        }
        #expect(PreviewRoutes.mediaTypes["svg"]?.description == "image/svg+xml; charset=utf-8")
    }

    /// Every file of the build is served with a type (FileMiddleware gives none to names it does not know);
    /// the hosting file `_headers` is text.
    @Test func everyFileIsServedWithAContentType() async throws {
        let content = ContentSource.read(from: Repository.content)
        let build = try #require(Pipeline.build(content: content, theme: Theme.read(from: Repository.theme)).files)
        #expect(build.contains { $0.path == "_headers" })
        try await withPreview { client in
            for file in build {
                let path = "/" + (file.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file.path)
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(file.path)")
                #expect(response.headers[.contentType] != nil, "\(file.path)")
            }
            let headers = try await client.execute(uri: "/_headers", method: .get)
            #expect(headers.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(headers.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test func missingPathsGetTheSites404PageWithStatus404() async throws {
        try await withPreview { client in
            let notFound = String(buffer: try await client.execute(uri: "/404.html", method: .get).body)
            for path in ["/nope", "/ja/items/nope/", "/ja/items/", "/assets/", "/assets", "/_preview/", "/Content/site.yml", "/ja/index.htm"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                #expect(String(buffer: response.body) == notFound, "\(path)")
            }
            let head = try await client.execute(uri: "/nope", method: .head)
            #expect(head.status == .notFound)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(notFound.utf8.count))
        }
    }

    @Test func aFolderWithoutItsSlashRedirectsAndNeverLists() async throws {
        try await withPreview { client in
            let response = try await client.execute(uri: "/ja/items/service-hours", method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/ja/items/service-hours/")
            let folder = try await client.execute(uri: "/ja", method: .get)
            #expect(folder.headers[.location] == "/ja/")
        }
    }

    @Test func onlyGetAndHeadAreAllowed() async throws {
        try await withPreview { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options, .trace] {
                for path in ["/", Self.page, "/_preview/events", "/_preview/status", "/nope"] {
                    let response = try await client.execute(uri: path, method: method)
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == "GET, HEAD", "\(method) \(path)")
                }
            }
        }
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        try await withPreview { client in
            let get = try await client.execute(uri: Self.page, method: .get)
            let head = try await client.execute(uri: Self.page, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test func etagsComeFromTheBytesAndAnswerIfNoneMatch() async throws {
        try await withPreview { client in
            let first = try await client.execute(uri: Self.page, method: .get)
            let etag = try #require(first.headers[.eTag])
            #expect(etag == PreviewResponseMiddleware<BasicRequestContext>.etag(first.body))
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            #expect(first.headers[.cacheControl] == "no-cache")
            #expect(first.headers[.lastModified] == nil)
            #expect(first.headers[.acceptRanges] == "none")

            for header in [etag, "W/" + etag, "\"other\", " + etag, "*"] {
                let cached = try await client.execute(uri: Self.page, method: .get, headers: [.ifNoneMatch: header])
                #expect(cached.status == .notModified, "\(header)")
                #expect(cached.body.readableBytes == 0, "\(header)")
                #expect(cached.headers[.eTag] == etag, "\(header)")
            }
            let other = try await client.execute(uri: Self.page, method: .get, headers: [.ifNoneMatch: "\"0000000000000000-1\""])
            #expect(other.status == .ok)
            #expect(other.body == first.body)
            // FileMiddleware would answer 304 to a date after the file's mtime; the preview ignores dates.
            let dated = try await client.execute(uri: Self.page, method: .get, headers: [.ifModifiedSince: "Fri, 01 Jan 2100 00:00:00 GMT"])
            #expect(dated.status == .ok)
            #expect(dated.body == first.body)
        }
    }

    @Test func rangesAreIgnoredAndTheWholeFileIsSent() async throws {
        try await withPreview { client in
            let whole = try await client.execute(uri: "/robots.txt", method: .get)
            for range in ["bytes=-5", "bytes=0-3", "bytes=999999-", "bytes=5-1"] {
                let response = try await client.execute(uri: "/robots.txt", method: .get, headers: [.range: range])
                #expect(response.status == .ok, "\(range)")
                #expect(response.body == whole.body, "\(range)")
                #expect(response.headers[.contentRange] == nil, "\(range)")
            }
        }
    }

    /// Every way of naming a file outside the site: `..` plain and encoded, encoded separators, NUL.
    static let traversals = [
        "/../Package.swift",
        "/ja/../../Package.swift",
        "/ja/items/../../../../etc/passwd",
        "/%2e%2e/Package.swift",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/.%2e/Package.swift",
        "/%2e./Package.swift",
        "/..%2fPackage.swift",
        "/..%2FPackage.swift",
        "/ja/..%2f..%2fetc/passwd",
        "/ja%2findex.html",
        "/%2fetc/passwd",
        "/..%5cPackage.swift",
        "/..\\Package.swift",
        "/ja/search-index.json%00.html",
        "/index.html%00",
        "/%00",
        "/ja/./index.html",
        "/%2e/index.html",
        "/ja/%2e%2e/index.html",
        "/%252e%252e/Package.swift",
        "/%zz",
        "/ja/%0aindex.html",
    ]

    @Test(arguments: traversals) func pathsThatLeaveTheSiteAreRefused(path: String) async throws {
        try await withPreview { client in
            let response = try await client.execute(uri: path, method: .get)
            if path.contains("%252e") {
                // Decoded once it is `%2e%2e`, a harmless (missing) name, not `..`.
                #expect(response.status == .notFound)
            } else {
                #expect(response.status == .badRequest)
            }
            #expect(!String(buffer: response.body).contains("swift-tools-version"))
            #expect(!String(buffer: response.body).contains("root:"))
        }
    }

    /// The query is not part of the path: the search page's `?q=` may hold anything a person types.
    @Test func queriesAreNotCheckedAsPaths() async throws {
        try await withPreview { client in
            for uri in ["/ja/search/?q=..%2F..%2Fetc", "/ja/search/index.html?q=%00", "/en/search/?q=a%5cb"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
            }
        }
    }

    @Test func theStatusEndpointNamesTheServedBuild() async throws {
        try await withPreview { client in
            let response = try await client.execute(uri: "/_preview/status", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            let status = try JSONDecoder().decode(ServerSentEvent.Status.self, from: Data(buffer: response.body))
            #expect(status.ok)
            #expect(status.diagnostics.isEmpty)
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(page.contains("data-build=\"\(status.build)\""))
        }
    }

    /// What the preview writes to the output folder is what `build` writes: no script, no `_preview/`.
    @Test func theOutputFolderNeverContainsTheReloadScript() async throws {
        try await withWrittenPreview { client, workspace in
            let written = FileTree.read(workspace.output).filter { $0.key != ".checksheet-build.json" }
            let content = ContentSource.read(from: workspace.content)
            let build = try #require(Pipeline.build(content: content, theme: Theme.read(from: workspace.theme)).files)
            let built = Dictionary(uniqueKeysWithValues: build.map { ($0.path, $0.contents) })
            #expect(Set(written.keys) == Set(built.keys))
            for (path, bytes) in built where written[path] != bytes { Issue.record("\(path) differs from the build") }
            #expect(!written.keys.contains { $0.contains("_preview") || $0.contains("live-reload") })
            #expect(!written.values.contains { String(decoding: $0, as: UTF8.self).contains("live-reload") })
            // And what is served is exactly that, plus the one script tag.
            let served = try await client.execute(uri: Self.page, method: .get)
            let original = try #require(written["ja/items/service-hours/index.html"])
            let tag = #/<script src="/_preview/live-reload\.js" data-build="[0-9a-f]{16}" defer></script>\n/#
            #expect(String(buffer: served.body).replacing(tag, with: "") == String(decoding: original, as: UTF8.self))
        }
    }

    /// The output folder is what gets uploaded, and `build` leaves drafts out of it: a preview that shows a draft
    /// revision serves it but does not write it there, and says so once.
    @Test func aPreviewOfADraftIsServedButNotWrittenToTheOutputFolder() async throws {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        let draft = workspace.content + "/revisions/2025-09-01"
        try FileManager.default.copyItem(atPath: workspace.content + "/revisions/2025-03-07", toPath: draft)
        try workspace.write("date: '2025-09-01'\ntitle:\n  ja: 2025年9月1日版\n  en: Version dated September 1, 2025\ndraft: true\n", to: draft + "/revision.yml")
        try workspace.write(String(contentsOfFile: draft + "/ja/01-service-hours.md", encoding: .utf8) + "\n未公開の下書き回答\n", to: draft + "/ja/01-service-hours.md")
        let reports = Mutex<[String]>([])
        let app = buildApplication(workspace.configuration(output: true)) { report in
            if case let .outputNotWritten(text) = report { reports.withLock { $0.append(text) } }
        }
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: Self.page, method: .get).body)
            #expect(page.contains("未公開の下書き回答"))
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.output))
        #expect(reports.withLock { $0 } == [
            "note: the preview shows a draft revision, so it is not written to '\(workspace.output)', the folder that gets uploaded (`checksheet build` leaves drafts out of it)\n"
                + "  hint: `checksheet build --drafts --output preview` writes a draft build for review",
        ])
    }

    /// Nothing is read from disk per request: a symbolic link dropped into the output folder is not served.
    @Test func aSymbolicLinkOutOfTheSiteIsNotServed() async throws {
        try await withWrittenPreview { client, workspace in
            try workspace.write("secret\n", to: workspace.root + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: workspace.output + "/leak.txt", withDestinationPath: workspace.root + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: workspace.output + "/ja/etc", withDestinationPath: "/etc")
            for path in ["/leak.txt", "/ja/etc/passwd", "/ja/etc/"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(!String(buffer: response.body).contains("secret"), "\(path)")
            }
        }
    }
}
