import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names a request may use to reach the preview, read from the address it listens on.
///
/// A web page on `evil.example` whose name is made to resolve to 127.0.0.1 (DNS rebinding) reaches a
/// loopback server with `Host: evil.example`; only the names of this machine's loopback are accepted, so
/// such a page can read neither the unpublished pages nor the diagnostics. Listening on every address
/// (`0.0.0.0`, `::`) accepts any name: the person asked for other machines to reach the preview.
struct HostPolicy: Sendable, Equatable {
    /// A `Host` value or the host and port of an `Origin`, in one spelling: the name lower-cased without a
    /// trailing dot, an IPv6 address without brackets in its shortest form, the port nil when absent.
    struct Authority: Sendable, Equatable {
        var host: String
        var port: Int?

        /// Reads `host[:port]` as RFC 9110 allows it in `Host`: a name, a dotted IPv4 address or a bracketed
        /// IPv6 address, then an optional port of digits; nil for anything else (userinfo, a bare IPv6
        /// address, spaces, percent signs, an empty name).
        init?(_ text: String) {
            var rest = Substring(text)
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let address = HostPolicy.ipv6(rest[rest.index(after: rest.startIndex)..<close]) else {
                    return nil
                }
                host = address
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(of: ":") ?? rest.endIndex
                var name = rest[..<end].lowercased()
                // `localhost.` is the same name written in full; one trailing dot is dropped, never two.
                if name.hasSuffix(".") { name.removeLast() }
                guard !name.isEmpty, !name.hasSuffix("."), !name.hasPrefix("."), !name.contains(".."),
                      name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_" })
                else { return nil }
                // All digits and dots: an IPv4 address, which must be four decimal parts (`127.1` and
                // `2130706433` are names no browser sends).
                if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }), HostPolicy.ipv4(name) == nil { return nil }
                host = name
                rest = rest[end...]
            }
            guard !rest.isEmpty else { port = nil; return }
            guard rest.first == ":" else { return nil }
            let digits = rest.dropFirst()
            // `host:` with an empty port means the default port (RFC 3986 3.2.3).
            guard !digits.isEmpty else { port = nil; return }
            guard digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits), number <= 65535 else { return nil }
            port = number
        }

        init(host: String, port: Int?) {
            self.host = host
            self.port = port
        }

        /// The authority of a serialised origin (`http://localhost:8080`); nil for `null`, other schemes,
        /// or anything with a path. The default port 80 is left out, as browsers leave it out.
        init?(origin: String) {
            let lowered = origin.lowercased()
            guard lowered.hasPrefix("http://") else { return nil }
            guard var authority = Authority(String(origin.dropFirst("http://".count))) else { return nil }
            if authority.port == 80 { authority.port = nil }
            self = authority
        }
    }

    /// The accepted host names; nil accepts any.
    let hosts: Set<String>?

    /// The policy of a server listening on `host` (as given to `--host`).
    init(listeningOn host: String) {
        let trimmed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let own = Self.ipv6(Substring(trimmed)) ?? Authority(trimmed)?.host ?? trimmed.lowercased()
        if own == "0.0.0.0" || own == "::" {
            hosts = nil
        } else if Self.isLoopback(own) {
            hosts = ["localhost", "127.0.0.1", "::1", own]
        } else {
            hosts = [own]
        }
    }

    /// True when the server listens on every address and so answers to any name.
    var acceptsAnyHost: Bool { hosts == nil }

    /// Whether a request for `authority` is for this server listening on `port` (nil: not known yet, so
    /// only a `Host` without a port is accepted). Any name and port when it listens on every address,
    /// where a forwarded port (a container's `-p 80:8080`) is common.
    func accepts(_ authority: Authority, port: Int?) -> Bool {
        guard let hosts else { return true }
        guard hosts.contains(authority.host) else { return false }
        guard let asked = authority.port else { return true }
        return asked == port
    }

    /// The names accepted, for the refusal's text.
    var acceptedNames: String {
        guard let hosts else { return "any name" }
        return hosts.sorted().map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ", ")
    }

    /// `127.x.x.x`, `::1` (in any spelling, already canonical here) or `localhost`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        if let bytes = ipv4(host) { return bytes[0] == 127 }
        return false
    }

    /// The four bytes of a dotted-decimal IPv4 address (inet_pton accepts nothing else).
    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// An IPv6 address in its shortest form (`0:0:0:0:0:0:0:1` becomes `::1`), or nil.
    static func ipv6(_ text: Substring) -> String? {
        var address = in6_addr()
        guard !text.contains("%"), inet_pton(AF_INET6, String(text), &address) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.lowercased()
    }
}
