import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, for tests against a real server on this machine.
///
/// Plain sockets because the tests need what ordinary clients take away: paths sent exactly as written
/// (`/../`, `%2e%2e`, `%00` unnormalised), and a streamed `text/event-stream` body read frame by frame.
/// Every read waits at most until a deadline, so a test can fail but never hang.
final class LoopbackHTTP: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Reply {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let socket: Int32
    private var buffer = Data()
    /// The status line of the last response head read (`HTTP/1.1 200 OK`).
    private(set) var statusLine = ""

    /// Connects to `host:port` (each address the name resolves to, in turn).
    /// `receiveBuffer` bounds what the kernel takes in for a client that does not read (set before connecting, so
    /// that the window the server sees is small too).
    init(host: String, port: Int, receiveBuffer: Int32? = nil) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw Failure(description: "cannot resolve \(host)") }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let descriptor = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if descriptor >= 0 {
                if var size = receiveBuffer {
                    setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
                }
                if connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    socket = descriptor
                    return
                }
                close(descriptor)
            }
            candidate = info.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(host):\(port)")
    }

    deinit { close(socket) }

    /// Sends `text` byte for byte: a request as a hostile client writes it, or part of one.
    func sendRaw(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "cannot send the request") }
            sent += count
        }
    }

    /// Sends one byte at a time, `every` apart, and returns true as soon as the server has closed the
    /// connection; false when it is still open at `deadline`. A slowloris client, made observable.
    func trickleUntilClosed(every interval: Duration, until deadline: ContinuousClock.Instant) -> Bool {
        while ContinuousClock.now < deadline {
            // A write to a connection the server closed fails or resets it; the read below sees the end either way.
            _ = Glibc.send(socket, "a", 1, Int32(MSG_NOSIGNAL))
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
            if poll(&descriptor, 1, milliseconds) > 0 {
                var chunk = [UInt8](repeating: 0, count: 65536)
                if recv(socket, &chunk, chunk.count, 0) <= 0 { return true }
            }
        }
        return false
    }

    /// Reads and drops everything until the server closes the connection: true, or false at `deadline`.
    func waitForClose(until deadline: ContinuousClock.Instant) -> Bool {
        do {
            while try fill(until: deadline) { buffer.removeAll(keepingCapacity: true) }
            return true
        } catch {
            return false
        }
    }

    /// Everything the server sends until it closes the connection (throws at `deadline`).
    func readToEnd(until deadline: ContinuousClock.Instant) throws -> Data {
        while try fill(until: deadline) {}
        defer { buffer = Data() }
        return buffer
    }

    /// The next `count` bytes as they come, without any framing (throws at `deadline`).
    func readBytes(_ count: Int, until deadline: ContinuousClock.Instant) throws -> Data {
        while buffer.count < count {
            guard try fill(until: deadline) else { throw Failure(description: "the connection closed after \(buffer.count) bytes") }
        }
        defer { buffer = Data(buffer.dropFirst(count)) }
        return Data(buffer.prefix(count))
    }

    /// Sends one request exactly as given.
    func send(_ method: String, _ path: String, headers: [String: String] = [:]) throws {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "cannot send the request") }
            sent += count
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream. Throws once `deadline` passes.
    private func fill(until deadline: ContinuousClock.Instant) throws -> Bool {
        let remaining = deadline - .now
        guard remaining > .zero else { throw Failure(description: "timed out waiting for the server") }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
        guard poll(&descriptor, 1, milliseconds) > 0 else { return try fill(until: deadline) }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Reads the status line and headers.
    func readHead(until deadline: ContinuousClock.Instant) throws -> (status: Int, headers: [String: String]) {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard try fill(until: deadline) else { throw Failure(description: "the connection closed before the headers") }
        }
        let end = buffer.range(of: separator)!
        let lines = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        buffer = Data(buffer[end.upperBound...])
        statusLine = lines[0]
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure(description: "bad status line '\(lines[0])'") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// Reads a whole response body: by Content-Length, chunked, or to the end of the stream.
    func readBody(headers: [String: String], method: String, status: Int, until deadline: ContinuousClock.Instant) throws -> Data {
        if method == "HEAD" || status == 304 || status == 204 { return Data() }
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var body = Data()
            while let chunk = try readChunk(until: deadline) { body.append(chunk) }
            return body
        }
        if let length = headers["content-length"].flatMap(Int.init) {
            while buffer.count < length {
                guard try fill(until: deadline) else { throw Failure(description: "the body ended early") }
            }
            return Data(buffer.prefix(length))
        }
        while try fill(until: deadline) {}
        return buffer
    }

    /// The next chunk of a chunked body, or nil after the last.
    func readChunk(until deadline: ContinuousClock.Instant) throws -> Data? {
        let newline = Data("\r\n".utf8)
        while buffer.range(of: newline) == nil {
            guard try fill(until: deadline) else { throw Failure(description: "the stream ended") }
        }
        let end = buffer.range(of: newline)!
        let sizeText = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
        guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw Failure(description: "bad chunk size '\(sizeText)'") }
        while buffer.count < end.upperBound - buffer.startIndex + size + 2 {
            guard try fill(until: deadline) else { throw Failure(description: "the stream ended inside a chunk") }
        }
        let start = end.upperBound
        let chunk = Data(buffer[start..<(start + size)])
        buffer = Data(buffer[(start + size + 2)...])
        return size == 0 ? nil : chunk
    }

    /// A raw request (`text`, sent as written) on a new connection, and its response read to the end.
    static func exchange(port: Int, host: String = "localhost", _ text: String, method: String = "GET",
                         timeout: Duration = .seconds(45)) throws -> (statusLine: String, reply: Reply) {
        let deadline = ContinuousClock.now + timeout
        let connection = try LoopbackHTTP(host: host, port: port)
        try connection.sendRaw(text)
        let (status, headers) = try connection.readHead(until: deadline)
        let body = try connection.readBody(headers: headers, method: method, status: status, until: deadline)
        return (connection.statusLine, Reply(status: status, headers: headers, body: body))
    }

    /// One request on a new connection, read to the end.
    static func request(port: Int, host: String = "127.0.0.1", method: String = "GET", _ path: String, headers: [String: String] = [:],
                        timeout: Duration = .seconds(45)) throws -> Reply {
        let deadline = ContinuousClock.now + timeout
        let connection = try LoopbackHTTP(host: host, port: port)
        try connection.send(method, path, headers: headers)
        let (status, replyHeaders) = try connection.readHead(until: deadline)
        let body = try connection.readBody(headers: replyHeaders, method: method, status: status, until: deadline)
        return Reply(status: status, headers: replyHeaders, body: body)
    }
}

/// `GET /_preview/events` held open, read event by event (from one thread at a time).
final class EventStream: @unchecked Sendable {
    let connection: LoopbackHTTP
    let headers: [String: String]
    private var text = ""
    /// Every frame read so far, in order.
    private(set) var frames: [String] = []

    init(port: Int, host: String = "127.0.0.1", timeout: Duration = .seconds(45)) throws {
        connection = try LoopbackHTTP(host: host, port: port)
        try connection.send("GET", "/_preview/events", headers: ["Accept": "text/event-stream"])
        let head = try connection.readHead(until: .now + timeout)
        guard head.status == 200 else { throw LoopbackHTTP.Failure(description: "events: status \(head.status)") }
        headers = head.headers
    }

    /// Reads frames until one satisfies `predicate`, and returns it; throws after `timeout`.
    /// The waits are long: these tests check what the server does, not how fast (the benchmarks do), and CI runs every
    /// suite at once on two cores, where a debug build of the site in process has taken tens of seconds.
    func next(timeout: Duration = .seconds(60), where predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            while let end = text.range(of: "\n\n") {
                let frame = String(text[..<end.lowerBound])
                text = String(text[end.upperBound...])
                frames.append(frame)
                if predicate(frame) { return frame }
            }
            let chunk: Data?
            do { chunk = try connection.readChunk(until: deadline) } catch {
                // Said with what came, so that a failure shows which frame never did.
                throw LoopbackHTTP.Failure(description: "\(error) after \(timeout), the frames so far: \(frames.suffix(6))")
            }
            guard let chunk else { throw LoopbackHTTP.Failure(description: "the event stream ended") }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// The next frame of the event `name` (`event: name`), whose data contains `containing` when given.
    func next(event name: String, containing: String? = nil, timeout: Duration = .seconds(60)) throws -> String {
        try next(timeout: timeout) { frame in
            frame.split(separator: "\n").contains("event: \(name)") && (containing.map { frame.contains($0) } ?? true)
        }
    }

    /// Reads until the server ends the stream (the last chunk); throws after `timeout`.
    func waitForEnd(timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while try connection.readChunk(until: deadline) != nil {}
    }
}
