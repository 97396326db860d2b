extension Messages {
    /// Words every surface uses: verdicts, answers, severities, weekdays, units.
    static let words: [(String, Entry)] = [
        ("verdict.DEPLOYABLE", Entry("可以出动", "DEPLOYABLE")),
        ("verdict.RESTRICTED", Entry("限制使用", "RESTRICTED")),
        ("verdict.NOT_DEPLOYABLE", Entry("不可出动", "NOT DEPLOYABLE")),
        ("verdict.INCOMPLETE", Entry("检查未完成", "INCOMPLETE")),
        ("verdict.NOT_INSPECTED", Entry("未检查", "NOT INSPECTED")),
        ("status.pass", Entry("合格", "pass")),
        ("status.fail", Entry("不合格", "fail")),
        ("status.na", Entry("不适用", "n/a")),
        ("status.untested", Entry("未测", "untested")),
        ("answer.skip", Entry("跳过", "skip")),
        ("severity.critical", Entry("关键", "critical")),
        ("severity.major", Entry("重要", "major")),
        ("severity.minor", Entry("一般", "minor")),
        ("kind.check", Entry("检查", "check")),
        ("kind.measure", Entry("测量", "measure")),
        ("kind.choice", Entry("选择", "choice")),
        ("kind.text", Entry("文字", "text")),
        ("weekday.mon", Entry("周一", "Mon")),
        ("weekday.tue", Entry("周二", "Tue")),
        ("weekday.wed", Entry("周三", "Wed")),
        ("weekday.thu", Entry("周四", "Thu")),
        ("weekday.fri", Entry("周五", "Fri")),
        ("weekday.sat", Entry("周六", "Sat")),
        ("weekday.sun", Entry("周日", "Sun")),
        ("unit.minutes", Entry("{1} 分钟", "{1} min")),
        ("unit.km", Entry("{1} 公里", "{1} km")),
    ]
}

extension Messages {
    /// A verdict as the reader says it, such as 不可出动 or NOT DEPLOYABLE.
    public func readiness(_ readiness: Readiness) -> String { self("verdict.\(readiness.rawValue)") }

    /// An answer's status word.
    public func status(_ status: ItemResult.Status) -> String { self("status.\(status.rawValue)") }

    /// How much an item matters.
    public func severity(_ severity: Severity) -> String { self("severity.\(severity.rawValue)") }

    /// The sentence `say` builds from this catalogue, in the reader's language; for `.both`, built once in
    /// Chinese and once in English and joined, so that words given as arguments are not doubled inside it.
    public func sentence(_ say: (Messages) -> String) -> String {
        guard language == .both else { return say(self) }
        let zh = say(Messages(.zh))
        let en = say(Messages(.en))
        return zh == en ? zh : "\(zh) / \(en)"
    }

    /// The comma that separates the parts of a line: `，` in Chinese, `, ` otherwise.
    public var comma: String { language == .zh ? "，" : ", " }

    /// The words an engineer may type for `key`, in both languages and lower case: 不合格 and `fail`.
    public static func typedWords(_ key: String) -> [String] {
        catalogue[key].map { [$0.zh.lowercased(), $0.en.lowercased()] } ?? []
    }

    /// What kind of answer an item takes, by the kind's name in files (`check`, `measure`, …).
    public func kind(named name: String) -> String { self("kind.\(name)") }

    /// The short name of a weekday.
    public func weekday(_ weekday: Weekday) -> String { self("weekday.\(weekday.rawValue)") }
}
