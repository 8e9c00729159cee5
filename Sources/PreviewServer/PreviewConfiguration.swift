/// What `checksheet serve` serves, where, and how often it looks for edits.
public struct PreviewConfiguration: Sendable {
    /// The content folder (site.yml and revisions/).
    public var content: String
    /// The theme folder (templates/, strings.yml, assets/, preview/live-reload.js).
    public var theme: String
    /// Where each successful build is also written, as `checksheet build` writes it; nil writes nothing.
    public var output: String?
    /// Overrides site.yml's `baseURL`, as `build --base-url` does.
    public var baseURL: String?
    /// The address to listen on: loopback unless asked otherwise.
    public var host: String
    /// The port; 0 lets the system choose a free one.
    public var port: Int
    /// How often the folders are scanned for edits.
    public var pollInterval: Duration
    /// How long an edit must stay unchanged before it is built (editors save in several writes).
    public var settleInterval: Duration
    /// How often open tabs get a `: ping`, which also finds the tabs that were closed.
    public var heartbeatInterval: Duration
    /// How long a connection may take to send a whole request head, or stay idle between requests, or
    /// take none of a response's bytes, before it is closed (slow and stalled clients).
    public var idleTimeout: Duration
    /// Draft revisions are shown, marked as drafts, so the next revision can be reviewed as it will look.
    public var drafts = true
    /// The renderer's identity, as `build` records it in the output folder's marker.
    public var tool = ""
    /// Whether the watcher wakes on the kernel's change signal (inotify) between polls; without it, or where the
    /// kernel has none, it polls every `pollInterval`.
    public var watchesBySignal = true

    public init(content: String = "Content", theme: String = "Site", output: String? = nil, baseURL: String? = nil,
                host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(100),
                settleInterval: Duration = .milliseconds(10), heartbeatInterval: Duration = .seconds(15),
                idleTimeout: Duration = .seconds(10)) {
        self.content = content
        self.theme = theme
        self.output = output
        self.baseURL = baseURL
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
        self.heartbeatInterval = heartbeatInterval
        self.idleTimeout = idleTimeout
    }
}

extension PreviewConfiguration {
    /// True when only this machine can reach the server: `localhost`, any 127.x.x.x address, or `::1` in any spelling.
    public var listensOnLoopbackOnly: Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name = String(name.dropLast()) }
        if let canonical = HostPolicy.ipv6(Substring(name)) { name = canonical }
        return HostPolicy.isLoopback(name)
    }
}
