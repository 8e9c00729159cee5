/// The customers' words for the sheet's words (`Content/synonyms.yml`): groups of words and phrases, in either
/// language, that mean the same to a reader (uptime, availability, 稼働率). An item holding one word of a group is
/// found by the others.
public struct Synonyms: Sendable, Equatable {
    /// Each group as written in the file.
    public var groups: [[String]]

    public init(groups: [[String]]) {
        self.groups = groups
    }
}
