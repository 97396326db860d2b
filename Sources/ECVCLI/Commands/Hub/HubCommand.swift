import ArgumentParser

/// `ecv hub`: the office server that laptops sync with.
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "The office server on PostgreSQL that laptops sync with.",
        subcommands: [HubMigrateCommand.self, HubServeCommand.self, HubEnrollCommand.self, HubUsersCommand.self]
    )
}
