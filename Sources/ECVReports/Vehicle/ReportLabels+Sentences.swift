import ECVModel

extension ReportLabels {
    /// `§3` in Chinese, `section 3` in English: where a finding is detailed.
    func section(_ number: Int) -> String {
        join(zh: "见第 \(number) 节", en: "see section \(number)")
    }

    /// `2 张照片`, `2 photos`.
    func photos(_ count: Int) -> String {
        join(zh: "\(count) 张照片", en: count == 1 ? "1 photo" : "\(count) photos")
    }

    /// `检查 24 项，1 项不合格`, `24 items checked, 1 failed`.
    func checked(_ count: Int, failed: Int) -> String {
        join(
            zh: "检查 \(count) 项，\(failed) 项不合格",
            en: "\(count) \(count == 1 ? "item" : "items") checked, \(failed) failed")
    }

    /// What the client should do about a failed item, in plain words, by how much it matters.
    func advice(_ severity: Severity, _ title: LocalizedText) -> String {
        let zh = title.text(in: .zh)
        let en = title.text(in: .en)
        switch severity {
        case .critical:
            return join(
                zh: "请尽快维修“\(zh)”并通知我们复检；复检合格前，车辆不得执行任务。",
                en: "Have the \(en) repaired and call us to recheck it; do not send the vehicle out until it passes.")
        case .major:
            return join(
                zh: "请在下次任务前维修“\(zh)”并复检；在此之前，使用时请避开该功能。",
                en: "Repair the \(en) before the next mission and have it rechecked; until then, work without it.")
        case .minor:
            return join(zh: "请在下次保养时处理“\(zh)”。", en: "Have the \(en) seen to at the next service.")
        }
    }

    private func join(zh: String, en: String) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        case .both: return "\(zh) \(en)"
        }
    }
}
