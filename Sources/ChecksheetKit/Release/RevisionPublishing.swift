/// Publishing a draft: its `revision.yml` without the `draft:` line, every other byte as the docs team wrote it. Pure.
public enum RevisionPublishing {
    /// The text with each top-level `draft:` line removed (a comment on that line goes with it); nil when there is none.
    public static func removingDraftFlag(from text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let count = lines.count
        lines.removeAll { $0.wholeMatch(of: /draft[ \t]*:[ \t]*(true|"true"|'true')[ \t]*(#.*)?\r?/) != nil }
        return lines.count == count ? nil : lines.joined(separator: "\n")
    }
}
