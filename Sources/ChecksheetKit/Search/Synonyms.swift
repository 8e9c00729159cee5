/// The customers' words for the sheet's words (`Content/synonyms.yml`): groups of words and phrases, in either
/// language, that mean the same to a reader (uptime, availability, 稼働率). An item holding one word of a group as
/// written is found by the others.
public struct Synonyms: Sendable, Equatable {
    /// Each group as written in the file.
    public var groups: [[String]]
    /// Words of the groups too general to say what an item is about (`available`, `version`): an item holding one is
    /// not given its group, though an item another word brings the group to is found by it.
    public var general: [String]

    public init(groups: [[String]], general: [String] = []) {
        self.groups = groups
        self.general = general
    }
}
