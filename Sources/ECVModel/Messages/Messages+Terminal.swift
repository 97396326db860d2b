extension Messages {
    /// What the terminal commands say to a person: prompts, key hints, `today` lines.
    static let terminal: [(String, Entry)] = inspect + today

    /// `ecv inspect`: the item, what to type, what was saved, the closing verdict.
    static let inspect: [(String, Entry)] = [
        ("inspect.stopped", Entry("已停止；已答的项目都已保存", "stopped; answers so far are saved")),
        ("inspect.item", Entry("{1}（{2}，{3}项）", "{1}  ({2}, {3})")),
        ("inspect.check", Entry("p 合格 / f 不合格 / na 不适用 / s 跳过", "p / f / na / s")),
        ("inspect.measure", Entry("测量值，单位 {1}；{2} 为合格", "value in {1}, pass when {2}")),
        ("inspect.choice", Entry("从中选一：{1}；合格：{2}", "one of {1}; pass: {2}")),
        ("inspect.text", Entry("请输入文字", "text")),
        ("inspect.text-kept", Entry("请输入文字（回车保留“{1}”）", "text (Enter keeps \"{1}\")")),
        ("inspect.saved-before", Entry("已保存：{1}（回车保留）", "saved: {1} (Enter keeps it)")),
        ("inspect.answer-needed", Entry("请作答，或输入 ? 查看帮助", "please answer, or ? for help")),
        ("inspect.note-prompt", Entry("备注（原因）：", "note (why): ")),
        ("inspect.note-needed", Entry("需要填写备注", "a note is needed")),
        ("inspect.with-note", Entry("{1}——备注：{2}", "{1} — note: {2}")),
        ("inspect.saved", Entry("已保存：{1}", "saved: {1}")),
        ("inspect.outside-limits", Entry("{1} 超出 {2}——记为不合格？y 是 / n 否 ", "{1} is outside {2} — record as FAIL? y/n ")),
        ("inspect.yes-or-no", Entry("请输入 y（是）或 n（否）", "please type y or n")),
        (
            "inspect.help.answers",
            Entry(
                "p 合格 · f 不合格（需填备注）· na 不适用（需填备注）· s 跳过（保持未测）；也可输入“合格”“不合格”“不适用”“跳过”",
                "p pass · f fail (asks a note) · na not applicable (asks a note) · s skip (stays untested)")
        ),
        (
            "inspect.help.values",
            Entry(
                "测量项输入数值，可带单位（如 0.3 dB、0,3、９５ｓ）；超出限值时先确认再填备注 · 选择项输入选项 · 文字项输入文字",
                "a number for a measure, with or without its unit (0.3 dB, 0,3); outside its limits it asks to confirm "
                    + "and for a note · a choice · the text for a text item")
        ),
        (
            "inspect.help.moves",
            Entry(
                "b 或“返回”回到上一项（显示已保存的答案，回车保留）· q 或“退出”停止（已答的都已保存）· ? 或“帮助”显示本帮助",
                "b back to the previous item (shows its saved answer; Enter keeps it) · q stop (answers stay saved) "
                    + "· ? this help")
        ),
        ("inspect.verdict", Entry("{1} 检查结论：{2}", "{1}: {2}")),
        ("inspect.verdict-unfinished", Entry("{1} 检查结论：{2}（本次检查尚未做完）", "{1}: {2} (inspection not finished)")),
        ("inspect.failed", Entry("不合格：{1}（{2}）", "failed: {1} ({2})")),
        ("inspect.untested", Entry("未测的关键或重要项目：{1} 项", "untested critical or major items: {1}")),
        ("inspect.resuming", Entry("继续检查 {1}：从第 {2} 项开始，共 {3} 项", "resuming {1} at item {2} of {3}")),
        (
            "inspect.rechecking",
            Entry("复检 {1}：修复后重新检查 {2} 个不合格项目", "re-check of {1}: the {2} failed items, after repair")
        ),
        ("inspect.nothing-to-recheck", Entry("{1}：没有需要复检的不合格项目", "{1}: no failed items to re-check")),
        ("inspect.nothing-to-inspect", Entry("{1}：没有需要检查的项目", "{1}: no items to inspect")),
        ("input.back", Entry("返回", "back")),
        ("input.quit", Entry("退出", "quit")),
        ("input.help", Entry("帮助", "help")),
        ("input.yes", Entry("是", "yes")),
        ("input.no", Entry("否", "no")),
    ]

    /// `ecv today`: a team's day, its drives, visits, contacts and nights, and why a day has no work.
    static let today: [(String, Entry)] = [
        ("today.none", Entry("计划第 {2} 版中 {1} 没有安排", "no visits on {1} in plan version {2}")),
        (
            "today.before-tour",
            Entry(
                "巡检从 {1} 开始（计划第 {2} 版），下面是这一天；其他日期用 --date YYYY-MM-DD",
                "the tour begins on {1} (plan version {2}); that day is shown (another day: --date YYYY-MM-DD)")
        ),
        (
            "today.span",
            Entry(
                "巡检从 {1} 到 {2}；用 --date YYYY-MM-DD 查看其中一天",
                "the tour runs from {1} to {2}; see one of its days with --date YYYY-MM-DD")
        ),
        ("today.team", Entry("{1}（{2}），线路 {3}，{5} {4}——计划第 {6} 版", "{1} ({2}) on {3}, {4} {5} — plan version {6}")),
        ("today.no-work", Entry("无工作：{1}", "no work: {1}")),
        ("today.drive", Entry("行车 {1} → {2}", "drive {1} → {2}")),
        ("today.part", Entry("第 {1} 段", "part {1}")),
        ("today.visit", Entry("检查 {1}", "inspect {1}")),
        ("today.recheck", Entry("复检不合格项目", "recheck of failed items")),
        ("today.completion", Entry("补测未测项目", "completion of untested items")),
        ("today.fixed", Entry("固定预约", "FIXED appointment")),
        ("today.overnight-at", Entry("在 {1} 过夜", "overnight at {1}")),
        ("today.overnight-road", Entry("途中过夜：{1} → {2}", "overnight on the road from {1} to {2}")),
        ("today.site", Entry("地点 {1}：{2}", "at {1}: {2}")),
        ("today.contact", Entry("联系人：{1}", "contact: {1}")),
        ("idle.holiday", Entry("节假日", "holiday")),
        ("idle.team-unavailable", Entry("{1} 不在巡检中（不可用）", "{1} is off the tour (unavailable)")),
        ("idle.site-closed", Entry("{1} 当天不开放", "{1} is closed on this day")),
        ("idle.appointment", Entry("等待 {2} {3} 在 {1} 的预约", "waiting for the appointment at {1} on {2} {3}")),
        ("idle.waiting-for", Entry("等待前往 {1}", "waiting to visit {1}")),
        ("idle.waiting", Entry("等待中", "waiting")),
        ("cli.unknown-vehicle", Entry("没有车辆“{1}”", "unknown vehicle `{1}`")),
        ("cli.did-you-mean", Entry("；是否要找“{1}”？", "; did you mean `{1}`?")),
        (
            "cli.inputs-differ",
            Entry(
                "警告：本机的 Routes/ 和 Checklists/ 与计划版本 {1} 所用的不同：{2}；计划可能把检查组派往这些文件未列的地方",
                "warning: Routes/ and Checklists/ here differ from those plan version {1} was made from: {2}; the plan may send the team where these files do not"
            )
        ),
    ]
}
