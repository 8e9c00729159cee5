/// One output file of the site as the plan lists it: where it goes, what it is, and the fingerprint of its inputs.
struct PlannedPage: Sendable {
    var kind: PageKind
    /// A hash of everything the file is made from: a file an earlier build made with the same fingerprint is taken
    /// as it is, and its view is never built.
    var fingerprint: String

    var path: String { kind.path }
}
