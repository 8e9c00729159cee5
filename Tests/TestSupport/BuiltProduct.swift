import Foundation

/// The products SwiftPM built beside the test bundle, run as a person runs them.
public enum BuiltProduct {
    /// The `checksheet` binary of this build (.build/debug/checksheet, or the release one in a release test run).
    public static var checksheet: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("checksheet").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("checksheet").path
    }
}
