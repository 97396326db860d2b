extension Messages {
    /// Why the planner leaves a vehicle out (`UnscheduledReason`).
    ///
    /// `{1}`, `{2}`, … are ids, dates, times and minutes. The English texts are the words plans have always
    /// stored.
    static let planning: [(String, Entry)] = [
        ("plan.unscheduled.missing-skills", Entry("需要 {1}，{2} 不具备", "needs {1}, {2} lacks it")),
        ("plan.unscheduled.over-capacity", Entry("超出 {1} 的承载能力", "exceeds what {1} can carry")),
        (
            "plan.unscheduled.no-common-hours",
            Entry("站点开放时间与工作时间 {1} 没有重叠", "site hours do not overlap the work hours {1}")
        ),
        (
            "plan.unscheduled.longer-than-a-day",
            Entry(
                "需要 {1} 分钟，但站点开放时间 {2} 每天只有 {3} 分钟",
                "needs {1} min but the site's visiting hours {2} allow {3} min a day")
        ),
        (
            "plan.unscheduled.no-working-day-left",
            Entry("线路 {1} 在 {2} 及之后没有剩余工作日", "route {1} has no working day left on or after {2}")
        ),
        (
            "plan.unscheduled.team-home",
            Entry("{1} 已于 {2} 返程；不安排第二次出行", "{1} drove home on {2}; a second trip is not planned")
        ),
        (
            "plan.unscheduled.site-always-closed",
            Entry("站点在线路 {1} 的每个工作日都不开放", "site closed on every working day of route {1}")
        ),
        (
            "plan.unscheduled.appointment-passed",
            Entry("{2} 的预约 {1} 已过；请重新约定", "the appointment {1} at {2} has passed; agree a new one")
        ),
        (
            "plan.unscheduled.appointment-not-kept",
            Entry("无法遵守 {2} 的预约 {1}", "cannot keep the appointment {1} at {2}")
        ),
        (
            "plan.unscheduled.follows-appointment",
            Entry(
                "{2} 的预约 {1} 无法遵守，该站点的其他车辆随之不排",
                "the appointment {1} at {2} cannot be kept, and the site's other vehicles follow it")
        ),
        (
            "plan.unscheduled.too-far",
            Entry("{1} 前排不下：路程太远，无法按时往返", "does not fit before {1}: too far to reach and return in time")
        ),
        ("plan.unscheduled.no-room", Entry("{1} 的行程在 {2} 前已无空余", "no room left in {1}'s tour before {2}")),
    ]
}
