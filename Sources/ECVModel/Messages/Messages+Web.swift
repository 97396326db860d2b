extension Messages {
    /// What the web form says: page titles, buttons, labels, save states, errors.
    static let web: [(String, Entry)] = [
        ("web.board.title", Entry("出动准备看板", "Readiness board"))
    ]
}
