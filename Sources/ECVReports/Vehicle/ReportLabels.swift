import ECVModel
import Foundation

/// The fixed words of the reports in the reader's language, and dates as the reader writes them.
struct ReportLabels {
    let language: Language

    /// The word for `key`, from the catalogue's `report.*` entries; both languages, Chinese first, for `.both`.
    func callAsFunction(_ key: String) -> String {
        guard let word = Messages.catalogue["report." + key] else { return key }
        switch language {
        case .zh: return word.zh
        case .en: return word.en
        case .both: return word.zh == word.en ? word.en : "\(word.zh) \(word.en)"
        }
    }

    /// The word for `key` as lines to set one under the other: one line, or for `.both` Chinese then English.
    func lines(_ key: String) -> [String] {
        guard language == .both, let word = Messages.catalogue["report." + key], word.zh != word.en else {
            return [self(key)]
        }
        return [word.zh, word.en]
    }

    func text(_ localized: LocalizedText) -> String {
        localized.text(in: language)
    }

    /// All the labels, for the templates.
    var all: [String: String] {
        Dictionary(
            uniqueKeysWithValues: Messages.catalogue.keys.filter { $0.hasPrefix("report.") }.map {
                let key = String($0.dropFirst("report.".count))
                return (key, self(key))
            })
    }

    /// The CSS `content` of the page-number margin box: `第 1 页，共 6 页`, `Page 1 of 6`, or both.
    ///
    /// Written into the style sheet unescaped (entities mean nothing there), which is safe because it is
    /// made of fixed words only.
    var pageCounterCSS: String {
        let zh = #""第 " counter(page) " 页，共 " counter(pages) " 页""#
        let en = #""Page " counter(page) " of " counter(pages)"#
        switch language {
        case .zh: return zh
        case .en: return en
        case .both: return zh + #" " · " "# + en
        }
    }

    /// `2,638` and `12,345.6` in English; `2638` and `12 345.6` in Chinese, where GB/T 15835 groups long
    /// numbers by thin spaces and leaves four digits whole (`both` follows Chinese, which it shows first).
    func number(_ value: Double, decimals: Int = 0) -> String {
        let fixed = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = fixed.split(separator: ".", maxSplits: 1)
        let whole = Array(parts.first ?? "0")
        let english = language == .en
        let separator = english ? "," : "\u{2009}"
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            let groupStarts = index > 0 && (whole.count - index) % 3 == 0
            if groupStarts && (english || whole.count > 4) { grouped += separator }
            grouped.append(digit)
        }
        let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    func number(_ value: Int) -> String { number(Double(value)) }

    /// `2027年4月13日` or `13 April 2027` (both: the two).
    func date(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.components
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let zh = "\(year)年\(month)月\(dayOfMonth)日"
        let en = "\(dayOfMonth) \(months[max(0, min(11, month - 1))]) \(year)"
        switch language {
        case .zh: return zh
        case .en: return en
        case .both: return "\(zh) \(en)"
        }
    }
}
