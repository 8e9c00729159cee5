import Testing
@testable import PreviewServer

/// How `Host` values and origins are read, and which the policy of each listening address accepts.
@Suite struct HostPolicyTests {
    @Test(arguments: [
        ("localhost", "localhost", nil),
        ("LOCALHOST:8080", "localhost", 8080),
        ("localhost.:8080", "localhost", 8080),
        ("localhost:", "localhost", nil),
        ("127.0.0.1:08080", "127.0.0.1", 8080),
        ("[::1]:8080", "::1", 8080),
        ("[0:0:0:0:0:0:0:1]", "::1", nil),
        ("[::FFFF:127.0.0.1]:1", "::ffff:127.0.0.1", 1),
        ("evil.example", "evil.example", nil),
    ] as [(String, String, Int?)])
    func readsHostValues(text: String, host: String, port: Int?) {
        #expect(HostPolicy.Authority(text) == HostPolicy.Authority(host: host, port: port))
    }

    @Test(arguments: ["", ":8080", "::1", "[::1", "[::1]x", "[evil]", "[::1%eth0]", "a b", "user@localhost", "localhost..", ".localhost", "localhost:8080:1",
                      "localhost:99999", "localhost:+80", "localhost:８０", "127.1", "2130706433", "1.2.3.4.5", "lo\u{00E7}alhost", "localhost%2e", "a/b"])
    func refusesMalformedHostValues(text: String) {
        #expect(HostPolicy.Authority(text) == nil)
    }

    @Test func loopbackAddressesAcceptTheLoopbackNames() {
        for listening in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2", "LocalHost"] {
            let policy = HostPolicy(listeningOn: listening)
            for name in ["localhost", "127.0.0.1", "[::1]"] {
                #expect(policy.accepts(HostPolicy.Authority(name + ":8080")!, port: 8080), "\(listening) \(name)")
                #expect(policy.accepts(HostPolicy.Authority(name)!, port: 8080), "\(listening) \(name)")
                #expect(!policy.accepts(HostPolicy.Authority(name + ":8081")!, port: 8080), "\(listening) \(name)")
                // The port is not known before the server runs: only a Host without one passes.
                #expect(!policy.accepts(HostPolicy.Authority(name + ":8080")!, port: nil), "\(listening) \(name)")
            }
            #expect(!policy.accepts(HostPolicy.Authority("evil.example:8080")!, port: 8080), "\(listening)")
        }
        #expect(HostPolicy(listeningOn: "127.0.0.2").accepts(HostPolicy.Authority("127.0.0.2")!, port: 1))
        #expect(!HostPolicy(listeningOn: "127.0.0.1").accepts(HostPolicy.Authority("127.0.0.2")!, port: 1))
    }

    @Test func otherAddressesAcceptTheirOwnNameOrAny() {
        let lan = HostPolicy(listeningOn: "192.168.1.5")
        #expect(lan.accepts(HostPolicy.Authority("192.168.1.5:8080")!, port: 8080))
        #expect(!lan.accepts(HostPolicy.Authority("localhost:8080")!, port: 8080))
        #expect(!lan.accepts(HostPolicy.Authority("evil.example:8080")!, port: 8080))
        for any in ["0.0.0.0", "::", "[::]"] {
            #expect(HostPolicy(listeningOn: any).acceptsAnyHost, "\(any)")
            #expect(HostPolicy(listeningOn: any).accepts(HostPolicy.Authority("evil.example:1")!, port: 8080), "\(any)")
        }
    }

    @Test func readsOrigins() {
        #expect(HostPolicy.Authority(origin: "http://localhost:8080") == HostPolicy.Authority(host: "localhost", port: 8080))
        #expect(HostPolicy.Authority(origin: "HTTP://LOCALHOST:80") == HostPolicy.Authority(host: "localhost", port: nil))
        for origin in ["null", "", "https://localhost:8080", "http://localhost:8080/", "http://a, http://b", "file://", "http://"] {
            #expect(HostPolicy.Authority(origin: origin) == nil, "\(origin)")
        }
    }
}

/// `serve` warns that other machines can reach the preview only when they can.
@Suite struct LoopbackOnlyTests {
    @Test(arguments: [("127.0.0.1", true), ("127.0.0.2", true), ("localhost", true), ("LOCALHOST.", true), ("::1", true), ("[::1]", true),
                      ("0:0:0:0:0:0:0:1", true), ("0.0.0.0", false), ("::", false), ("192.168.1.5", false), ("example.com", false)])
    func onlyLoopbackAddressesAreLocal(host: String, local: Bool) {
        #expect(PreviewConfiguration(host: host).listensOnLoopbackOnly == local)
    }
}
