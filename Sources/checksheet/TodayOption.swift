import ArgumentParser
import ChecksheetKit
import Foundation

/// `--today`: the date a revision's date is compared with, the machine's date in UTC unless given (tests give it).
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("today"),
            help: ArgumentHelp("The date to compare revisions' dates with, for the warning about a published revision dated in the future (default: today in UTC).",
                               valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, !RevisionDate.isValid(today) { throw ValidationError("--today must be a calendar date written YYYY-MM-DD, not '\(today)'") }
    }

    /// The given date, else the machine's date in UTC: the one place the commands read the clock.
    var date: String {
        if let today { return today }
        return RevisionDate.day(ofSecondsSince1970: Int(time(nil)))
    }
}
