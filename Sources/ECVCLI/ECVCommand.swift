import ArgumentParser
import ECVHub
import ECVHubClient
import ECVHubSync
import ECVModel
import ECVStore
import Foundation

/// The `ecv` command: plans and runs health-check tours of emergency communications vehicles.
public struct ECVCommand: ParsableCommand {
    /// The command's name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ecv",
        abstract: "Plan and run health-check tours of emergency communications vehicles.",
        discussion: """
            Reads the checklists in ROOT/Checklists and the teams, clients and regional lines in ROOT/Routes. \
            Start with `ecv validate` after every change to those files.
            """,
        version: ECVCommand.version,
        subcommands: [
            ValidateCommand.self, FleetCommand.self, ChecklistCommand.self, PlanCommand.self, SolveCommand.self,
            TodayCommand.self, InspectCommand.self, RecordCommand.self, StatusCommand.self, HistoryCommand.self,
            ReplanCommand.self, ExportCommand.self, ImportCommand.self, ServeCommand.self,
            ReportCommand.self, KeysCommand.self, LaptopsCommand.self, HubCommand.self, SyncCommand.self,
        ]
    )

    /// The release of ecv, printed by `ecv --version`.
    public static let version = "0.6.0"

    /// The command with no options, as the argument parser makes it.
    public init() {}

    /// Runs the command line and exits: 0 on success, 1 on a failure, 2 on a usage error.
    public static func run(arguments: [String]? = nil) async -> Never {
        CommandClock.start()
        do {
            var command = try parseAsRoot(arguments)
            if var serving = command as? AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let error as CLIError {
            printError(error.lines)
            Foundation.exit(1)
        } catch let error as StoreError {
            printError([error.description])
            Foundation.exit(1)
        } catch let error as HubError {
            printError([error.description])
            Foundation.exit(1)
        } catch let error as HubSyncError {
            printError(error.lines)
            Foundation.exit(1)
        } catch let error as HubClientError {
            printError([error.description + error.commandLineHint])
            Foundation.exit(1)
        } catch let error as ClusterError {
            printError([error.description])
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// When this run of the command began: `--time-limit` bounds the whole command, reading the files included.
enum CommandClock {
    /// Fixed the first time it is read, which `start()` does first thing.
    static let started = ContinuousClock.now

    /// Fixes `started` at now.
    static func start() { _ = started }
}

/// Writes `lines` on stderr after `error:`, one problem a line, each made safe for the terminal as a whole:
/// messages quote the offending values, and a line break inside a value must not start a line of its own.
func printError(_ lines: [String]) {
    let text = lines.map { TerminalText.escaped($0) }.joined(separator: "\n")
    FileHandle.standardError.write(Data("error: \(text)\n".utf8))
}
