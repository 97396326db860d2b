import ArgumentParser
import ECVHub
import Foundation

/// `ecv hub users`: the people who sign in to the hub's pages.
struct HubUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add and list the people who sign in to the hub's pages.",
        subcommands: [HubUsersAddCommand.self, HubUsersListCommand.self]
    )
}

/// `ecv hub users add`: a dispatcher or a client's person, with a password read from standard input.
struct HubUsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a person who signs in to the hub; the password is read from standard input.",
        discussion: """
            The password is never an argument (arguments show in the process list and the shell's history): it is the first line of standard input, or asked for without echo at a terminal. At least 12 characters, not containing the name; it is stored as a bcrypt hash. A client user sees one client organisation (an id of Routes/clients.yaml as the office last pushed it).

            Examples:
              printf '%s\\n' "$PASSWORD" | ecv hub users add cnpc.ops --role client --client cnpc --database postgres://ecv@127.0.0.1/ecv_hub
              ecv hub users add wang.fang --role dispatcher --database postgres://ecv@127.0.0.1/ecv_hub
            """
    )

    @Argument(help: "The name typed to sign in (letters, digits, `.`, `_`, `-`, `@`).")
    var name: String

    @Option(help: ArgumentHelp("dispatcher or client.", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("The client organisation a client user sees.", valueName: "client-id"))
    var client: String?

    @Option(help: ArgumentHelp("The hub's PostgreSQL database.", valueName: "postgres://user@host[:port]/name"))
    var database: String

    func validate() throws {
        do {
            _ = try HubRole.named(role)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let role = try HubRole.named(role)
        let password = try PasswordInput.read(prompt: "password for \(name): ")
        let hub = try HubDatabase(database)
        let user: HubUser
        do {
            user = try await hub.addUser(name, role: role, clientID: client, password: password, at: Date())
        } catch let error as HubUserError {
            await hub.close()
            throw CLIError.said(error.description)
        } catch {
            await hub.close()
            throw error
        }
        await hub.close()
        Output.write("added \(user.role.rawValue) \(user.name)\(user.clientID.map { " of client \($0)" } ?? "")\n")
    }
}

/// `ecv hub users list`: who may sign in, and as what.
struct HubUsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the people who sign in to the hub.",
        discussion: """
            Examples:
              ecv hub users list --database postgres://ecv@127.0.0.1/ecv_hub
            """
    )

    @Option(help: ArgumentHelp("The hub's PostgreSQL database.", valueName: "postgres://user@host[:port]/name"))
    var database: String

    func run() async throws {
        let hub = try HubDatabase(database)
        let users: [HubUser]
        do {
            users = try await hub.users()
        } catch {
            await hub.close()
            throw error
        }
        await hub.close()
        var table = TextTable(headers: ["name", "role", "client", "added (UTC)"])
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        for user in users {
            table.append([user.name, user.role.rawValue, user.clientID ?? "", format.string(from: user.createdAt)])
        }
        Output.write(users.isEmpty ? "no users yet; add one with `ecv hub users add`\n" : table.rendered())
    }
}
