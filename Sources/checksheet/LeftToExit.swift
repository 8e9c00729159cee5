/// Values a command no longer needs, left for the process's end to take back rather than freed one by one: the end
/// of a build comes right after, and releasing every page, item and text of a long history took a twentieth of a
/// rebuild after a small edit (about 10 ms of 200), for memory the exit returns at once anyway.
enum LeftToExit {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Called on the main thread only, once the command's work is done.
    static func keep(_ kept: Any...) {
        values += kept
    }
}
