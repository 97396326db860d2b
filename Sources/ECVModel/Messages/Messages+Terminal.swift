extension Messages {
    /// What the terminal commands say to a person: prompts, key hints, `today` lines.
    static let terminal: [(String, Entry)] = [
        ("inspect.stopped", Entry("已停止；已答的项目都已保存", "stopped; answers so far are saved"))
    ]
}
