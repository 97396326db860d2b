import Foundation

/// Times in the database's own text form, `YYYY-MM-DD HH:MM:SS.SSS` in UTC, read without a date formatter:
/// a bundle holds hundreds of thousands of them.
///
/// Bundles carry times in this form, so that a time read back from a bundle is the very time the database held.
package enum DatabaseTime {
    /// The moment `text` names; `nil` when it is not in the database's form.
    package static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The moment the UTF-8 `bytes` name; `nil` when they are not in the database's form.
    ///
    /// `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DD HH:MM:SS.SSS` are read; no other form is a time.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 19 || bytes.count == 23 else { return nil }
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
        // Counted from 2001 as `Date` keeps time, so that the value is the very one the database's reading gives.
        let whole = days * 86_400 + hour * 3600 + minute * 60 + second - 978_307_200
        return Date(timeIntervalSinceReferenceDate: Double(whole) + Double(milliseconds) / 1000)
    }

    /// The database's text of `date`, `YYYY-MM-DD HH:MM:SS.SSS` in UTC, as GRDB's date formatter writes it (to the
    /// nearest millisecond), without a formatter: an import writes two times for each of its rows.
    package static func text(_ date: Date) -> String {
        // The same steps as the formatter: milliseconds since 1970, rounded; a time beyond any year is clamped.
        let milliseconds = min(max((date.timeIntervalSince1970 * 1000).rounded(), -1e17), 1e17)
        let (quotient, remainder) = Int(milliseconds).quotientAndRemainder(dividingBy: 86_400_000)
        // Floored, so that a time before 1970 falls on the day before, not on the day after.
        let days = remainder < 0 ? quotient - 1 : quotient
        let millisecondOfDay = remainder < 0 ? remainder + 86_400_000 : remainder
        // The civil date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func append(_ number: Int, digits: Int, then separator: UInt8?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(truncatingIfNeeded: 48 + number / divisor % 10))
                divisor /= 10
            }
            if let separator { bytes.append(separator) }
        }
        if (0...9999).contains(year) {
            append(year, digits: 4, then: 45)
        } else {
            // Out of the form's range: written in full, and no reader takes it for a time.
            bytes += Array(String(year).utf8) + [45]
        }
        append(month, digits: 2, then: 45)
        append(day, digits: 2, then: 32)
        append(millisecondOfDay / 3_600_000, digits: 2, then: 58)
        append(millisecondOfDay / 60_000 % 60, digits: 2, then: 58)
        append(millisecondOfDay / 1000 % 60, digits: 2, then: 46)
        append(millisecondOfDay % 1000, digits: 3, then: nil)
        return String(decoding: bytes, as: UTF8.self)
    }
}
