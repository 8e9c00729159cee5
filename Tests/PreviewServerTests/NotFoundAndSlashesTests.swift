import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer
import TestSupport

/// What `checksheet serve` answers for a link a reader followed: a missing page in the language of its part of the
/// site, and a path with doubled slashes. A real server on a loopback port, spoken to over raw sockets.
@Suite(.timeLimit(.minutes(3))) struct NotFoundAndSlashesTests {
    /// Runs `test` with the port of a live preview of the real sheet.
    func withServer(baseURL: String? = nil, _ test: @escaping @Sendable (Int) throws -> Void) async throws {
        let app = buildApplication(PreviewConfiguration(content: Repository.content, theme: Repository.theme, baseURL: baseURL, host: "127.0.0.1", port: 0))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await onThread { try test(port) }
        }
    }

    @Test func aMissingPathGetsTheNotFoundPageOfItsLanguage() async throws {
        try await withServer { port throws in
            let english = try LoopbackHTTP.request(port: port, "/en/404.html")
            let japanese = try LoopbackHTTP.request(port: port, "/404.html")
            #expect(english.status == 200 && japanese.status == 200)
            #expect(english.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" "))
            #expect(english.text.contains("<title>Page not found | Security check sheet based on the METI Cloud Service Level Checklist</title>"))
            #expect(japanese.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\" "))
            let cases = [("/en/items/nope/", english), ("/en/nope", english), ("/en/items/%E3%81%82/index.html", english), ("/en/changes/2000-01-01/", english),
                         ("/ja/items/nope/", japanese), ("/nope", japanese), ("/english/items/rpo/", japanese), ("/enx", japanese)]
            for (path, page) in cases {
                let reply = try LoopbackHTTP.request(port: port, path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.headers["content-type"] == "text/html; charset=utf-8", "\(path)")
                #expect(reply.text == page.text, "\(path) got \(reply.text.prefix(60))")
                let head = try LoopbackHTTP.request(port: port, method: "HEAD", path)
                #expect(head.status == 404 && head.headers["content-length"] == String(page.body.count), "\(path)")
            }
        }
    }

    /// `serve --base-url https://example.com/trust/` builds the not-found pages with links under `/trust/`: the preview
    /// serves the site there as well as at `/`, so those links lead somewhere.
    @Test func aSiteBuiltForAPathIsServedThereToo() async throws {
        try await withServer(baseURL: "https://example.com/trust/") { port throws in
            let missing = try LoopbackHTTP.request(port: port, "/en/items/nope/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("href=\"/trust/en/index.html\""))
            for path in ["/trust/en/index.html", "/trust/en/", "/trust/", "/trust/assets/" + (missing.text.firstMatch(of: /\/trust\/assets\/(style\.[0-9a-f]+\.css)/).map { String($0.output.1) } ?? "none")] {
                #expect(try LoopbackHTTP.request(port: port, path).status == 200, "\(path)")
            }
            #expect(try LoopbackHTTP.request(port: port, "/trust/en/index.html").text == (try LoopbackHTTP.request(port: port, "/en/index.html")).text)
            // Under the root path, a missing page is still the not-found page of its language.
            let english = try LoopbackHTTP.request(port: port, "/trust/en/items/nope/")
            #expect(english.status == 404 && english.text == missing.text)
            #expect(try LoopbackHTTP.request(port: port, "/trust").status == 301)
            #expect(try LoopbackHTTP.request(port: port, "/trustee/").status == 404)
        }
    }

    /// `//en/items/rpo/` (a base URL and a path glued with one slash too many) is sent to `/en/items/rpo/`, as nginx
    /// serves it; the redirect keeps the query and never names another site.
    @Test func doubledSlashesRedirectToTheSingleSlashPath() async throws {
        try await withServer { port throws in
            let cases = [("//en/items/rpo/", "/en/items/rpo/"), ("/en//items///rpo/?q=rpo", "/en/items/rpo/?q=rpo"), ("//ja", "/ja"),
                         ("//", "/"), ("//evil.example/ja", "/evil.example/ja"), ("///evil.example", "/evil.example")]
            for (path, location) in cases {
                let reply = try LoopbackHTTP.request(port: port, path)
                #expect(reply.status == 301, "\(path)")
                #expect(reply.headers["location"] == location, "\(path)")
                #expect(reply.headers["cache-control"] == "no-store", "\(path)")
            }
            let page = try LoopbackHTTP.request(port: port, "/en/items/rpo/")
            #expect(page.status == 200)
            #expect(page.text.contains("<link rel=\"canonical\" href=\"https://checksheet.example.com/en/items/rpo/\">"))
            // What a refused path was stays refused, doubled slashes or not.
            #expect(try LoopbackHTTP.request(port: port, "//en/../ja/").status == 400)
            #expect(try LoopbackHTTP.request(port: port, "//en/%2e%2e/ja/").status == 400)
        }
    }

    @Test func slashesAreMergedWithoutEverStartingWithTwo() {
        #expect(RequestGuard<BasicRequestContext>.mergedSlashes("/en/items/rpo/") == nil)
        #expect(RequestGuard<BasicRequestContext>.mergedSlashes("//en/items/rpo/") == "/en/items/rpo/")
        #expect(RequestGuard<BasicRequestContext>.mergedSlashes("/en//items//rpo") == "/en/items/rpo")
        #expect(RequestGuard<BasicRequestContext>.mergedSlashes("////") == "/")
        #expect(RequestGuard<BasicRequestContext>.mergedSlashes("//%E6%97%A5//") == "/%E6%97%A5/")
    }
}
