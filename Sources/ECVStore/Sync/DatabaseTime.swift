import Foundation
import GRDB

/// Times in the database's own text form, `YYYY-MM-DD HH:MM:SS.SSS` in UTC, read without a date formatter:
/// a bundle holds hundreds of thousands of them.
enum DatabaseTime {
    /// The moment `text` names; `nil` when it is not in the database's form.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The moment the UTF-8 `bytes` name; `nil` when they are not in the database's form.
    ///
    /// `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DD HH:MM:SS.SSS` are read here; any other text as GRDB reads it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 19 || bytes.count == 23 else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            return Date.fromDatabaseValue(text.databaseValue)
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, UInt8)] = [(4, 45), (7, 45), (10, 32), (13, 58), (16, 58)]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1 }), let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var milliseconds = 0
        if bytes.count == 23 {
            guard bytes[19] == 46, let fraction = number(20..<23) else { return nil }
            milliseconds = fraction
        }
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
