import Foundation
import GRDB

/// Times in the database's own text form, `YYYY-MM-DD HH:MM:SS.SSS` in UTC, read without a date formatter:
/// a bundle holds hundreds of thousands of them.
enum DatabaseTime {
    /// The moment `text` names; `nil` when it is not in the database's form.
    static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        guard utf8.count == 19 || utf8.count == 23 else { return Date.fromDatabaseValue(text.databaseValue) }
        if utf8.count == 19 { utf8 += Array(".000".utf8) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(utf8[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, UInt8)] = [(4, 45), (7, 45), (10, 32), (13, 58), (16, 58), (19, 46)]
        guard separators.allSatisfy({ utf8[$0.0] == $0.1 }), let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), let milliseconds = number(20..<23), (1...12).contains(month),
            (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        // Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        // Counted from 2001 as `Date` keeps time, so that the value is the very one GRDB's reading gives.
        let whole = days * 86_400 + hour * 3600 + minute * 60 + second - 978_307_200
        return Date(timeIntervalSinceReferenceDate: Double(whole) + Double(milliseconds) / 1000)
    }
}
