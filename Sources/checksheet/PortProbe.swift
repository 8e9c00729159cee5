import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the kernel whether the server could listen on an address, before anything is built or written.
enum PortProbe {
    /// Why the address cannot be listened on, or nil when it can. Port 0 always can.
    static func problem(host: String, port: Int) -> String? {
        guard port != 0 else { return nil }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else { return "cannot listen on '\(host)': \(String(cString: gai_strerror(status)))" }
        defer { freeaddrinfo(found) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return "cannot open a socket: \(String(cString: strerror(errno)).lowercased())" }
        defer { close(descriptor) }
        // As the server will: a port left in TIME_WAIT by an earlier run is free to take.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            switch errno {
            case EADDRINUSE: return "port \(port) on \(host) is in use by another program"
            case EACCES: return "port \(port) on \(host) needs privileges this user does not have"
            case EADDRNOTAVAIL: return "\(host) is not an address of this machine"
            default: return "cannot listen on \(host):\(port): \(String(cString: strerror(errno)).lowercased())"
            }
        }
        return nil
    }
}
