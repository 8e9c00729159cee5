import Foundation
import Testing
@testable import ChecksheetKit

/// Revision dates are read byte by byte; the regular expression they were read with is the reference.
@Suite struct RevisionDateTests {
    static func byExpression(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    @Test func aDateIsValidExactlyWhenTheExpressionSaysSo() {
        var texts = ["", "2025-03-07", "2025-02-29", "2024-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2025-13-01",
                     "2025-00-10", "2025-01-00", "2025-04-31", "2025-1-01", "2025-01-1", "２０２５-03-07", "2025-03-0７", "2025-03-07 ",
                     " 2025-03-07", "2025/03/07", "+025-03-07", "-025-03-07", "2025-03-07\n", "2025-٠٣-07", "2025_03_07", "20250307"]
        for year in [1999, 2000, 2024, 2025, 2100] {
            for month in 0...13 {
                for day in 0...32 {
                    texts.append(String(format: "%04d-%02d-%02d", year, month, day))
                }
            }
        }
        var valid = 0
        for text in texts {
            #expect(RevisionDate.isValid(text) == Self.byExpression(text), "\(text.debugDescription)")
            if Self.byExpression(text) { valid += 1 }
        }
        #expect(valid > 1000 && valid < texts.count)
    }

    /// Today's date is worked out without a date formatter: it must give the day ISO 8601 gives, in UTC, on any day,
    /// at either end of it.
    @Test func theDayOfAMomentIsTheOneAnISODateFormatterGives() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(RevisionDate.day(ofSecondsSince1970: 0) == "1970-01-01")
        #expect(RevisionDate.day(ofSecondsSince1970: 1_741_305_600) == "2025-03-07")
        #expect(RevisionDate.day(ofSecondsSince1970: 1_741_305_599) == "2025-03-06")
        // Every day of four years (a leap day among them), at its first and last second, and a moment in between.
        for day in 0..<(4 * 366) {
            for second in [0, 43_210, 86_399] {
                let moment = 1_704_067_200 + day * 86_400 + second
                #expect(RevisionDate.day(ofSecondsSince1970: moment) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(moment))))
            }
        }
    }
}
