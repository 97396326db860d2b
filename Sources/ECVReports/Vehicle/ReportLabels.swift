import ECVModel
import Foundation

/// The fixed words of the reports in the reader's language, and dates as the reader writes them.
struct ReportLabels {
    let language: Language

    private static let words: [String: (zh: String, en: String)] = [
        "title": ("应急通信车健康检查报告", "Emergency communications vehicle inspection report"),
        "issuer": ("卫星通信技术服务 · 全国免费巡检", "Satellite communications service · nationwide free health check"),
        "reportID": ("报告编号", "Report"), "vehicle": ("车辆", "Vehicle"),
        "date": ("检查日期", "Inspected"), "site": ("地点", "Site"), "team": ("检查组", "Team"),
        "equipment": ("装备", "Equipment"), "engineers": ("工程师", "Engineers"), "subsystem": ("分系统", "Subsystem"),
        "result": ("结论", "Result"), "failedItems": ("不合格项", "Failed items"), "item": ("检查项", "Item"),
        "measured": ("实测", "Measured"), "limits": ("限值", "Limits"), "note": ("备注", "Note"),
        "recommendations": ("整改建议", "Recommendations"), "engineerSignature": ("检查工程师签字", "Engineer"),
        "clientSignature": ("用户单位签字", "For the client"), "signature": ("签名", "Signature"),
        "DEPLOYABLE": ("可以出动", "DEPLOYABLE"), "RESTRICTED": ("限制使用", "RESTRICTED"),
        "NOT_DEPLOYABLE": ("不可出动", "NOT DEPLOYABLE"), "INCOMPLETE": ("检查未完成", "INCOMPLETE"),
        "NOT_INSPECTED": ("未检查", "NOT INSPECTED"), "PASS": ("合格", "PASS"), "DEGRADED": ("性能下降", "DEGRADED"),
        "FAIL": ("不合格", "FAIL"), "pass": ("合格", "pass"), "fail": ("不合格", "fail"), "na": ("不适用", "n/a"),
        "untested": ("未测", "untested"), "critical": ("关键", "critical"), "major": ("重要", "major"),
        "minor": ("一般", "minor"),
        "fix-critical": ("修复后复检，复检合格前不得出动：", "Repair and re-check before the vehicle is deployed: "),
        "fix-major": ("尽快修复并复检，期间限制使用：", "Repair and re-check soon; until then use with restrictions: "),
        "fix-minor": ("下次保养时处理：", "Attend to at the next service: "),
        "untested-items": ("补测以下项目：", "Complete the untested items: "),
        "fleetTitle": ("应急通信车队状态汇总", "Emergency communications fleet summary"),
        "vehicles": ("车辆数", "Vehicles"), "verdictChart": ("各结论车辆数", "Vehicles by verdict"),
        "openFailures": ("未整改问题", "Open failures"),
        "tourTitle": ("巡检总结（内部）", "Tour summary for the office"), "planVersion": ("计划版本", "Plan version"),
        "routes": ("线路与检查组", "Lines and teams"), "route": ("线路", "Line"), "kmPlanned": ("计划里程 km", "km planned"),
        "kmDone": ("已完成 km", "km done"), "inspected": ("已检查", "Inspected"), "verdicts": ("结论", "Verdicts"),
        "pareto": ("最常见不合格项", "Most frequent failing items"), "cumulative": ("累计占比", "Cumulative"),
        "sectors": ("用户与行业", "Clients and sectors"), "sector": ("行业", "Sector"), "clients": ("用户", "Clients"),
        "name": ("姓名", "Name"), "routeMap": ("巡检路线图", "Route map"), "signedOn": ("日期", "Date"),
        "sector-fire": ("消防救援", "Fire and rescue"), "sector-emergency-management": ("应急管理", "Emergency management"),
        "sector-environment": ("生态环境", "Environment"), "sector-meteorology": ("气象", "Meteorology"),
        "sector-other": ("其他", "Other"),
        "explain-DEPLOYABLE": (
            "无关键或重要项目不合格，车辆可以执行任务。", "No critical or major item failed: the vehicle can go on a mission."
        ),
        "explain-RESTRICTED": (
            "重要项目不合格：车辆可以出动，但受下列限制。", "A major item failed: the vehicle can go out, with the restrictions below."
        ),
        "explain-NOT_DEPLOYABLE": (
            "关键项目不合格：维修并复检合格前，车辆不得执行任务。",
            "A critical item failed: the vehicle must not go on a mission until repaired and rechecked."
        ),
        "explain-INCOMPLETE": (
            "尚有关键或重要项目未测，暂无最终结论。", "Critical or major items are still untested: there is no final verdict yet."
        ),
        "explain-NOT_INSPECTED": ("本季尚未检查。", "Not inspected this season yet."),
        "findings": ("不合格项与使用限制", "Failures and restrictions"), "whatToDo": ("处理建议", "What to do"),
        "season": ("本季检查经过", "This season"), "previousSeason": ("上一季结论", "Previous season"),
        "season-inspection": ("检查", "Inspection"), "season-recheck": ("维修后复检", "Recheck after repair"),
        "foundFailed": ("发现不合格", "Found failed"), "repaired": ("已维修，复检合格", "Repaired, passed the recheck"),
        "keyFingerprint": ("办公室公钥指纹", "Office key fingerprint"), "details": ("详见", "See"),
        "grounded": ("不可出动与限制使用的车辆", "Vehicles not deployable or restricted"),
        "client": ("用户", "Client"), "recheck": ("计划复检", "Recheck planned"),
        "nextVisit": ("计划检查/复检", "Next visit"), "notPlanned": ("未排入计划", "not in the plan"),
        "noneGrounded": ("无", "None"), "passedItems": ("合格项", "Passed items"),
    ]

    /// The word for `key`; both languages, Chinese first, for `.both`.
    func callAsFunction(_ key: String) -> String {
        guard let word = ReportLabels.words[key] else { return key }
        switch language {
        case .zh: return word.zh
        case .en: return word.en
        case .both: return word.zh == word.en ? word.en : "\(word.zh) \(word.en)"
        }
    }

    func text(_ localized: LocalizedText) -> String {
        localized.text(in: language)
    }

    /// All the labels, for the templates.
    var all: [String: String] {
        Dictionary(uniqueKeysWithValues: ReportLabels.words.keys.map { ($0, self($0)) })
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
