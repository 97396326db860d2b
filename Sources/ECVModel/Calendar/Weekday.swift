/// A day of the week, spelled in files as `mon` … `sun`.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Monday to Friday, the default working week.
    public static let monToFri: [Weekday] = [.mon, .tue, .wed, .thu, .fri]

    /// Monday first, as the tour's weeks are written.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.index < rhs.index
    }

    /// The English name, such as `Saturday`.
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]
    }

    /// 0 for Monday … 6 for Sunday.
    public var index: Int {
        Weekday.allCases.firstIndex(of: self) ?? 0
    }
}
