import ArgumentParser
import ECVTestSupport
import Foundation
import Testing

@testable import ECVCLI

/// Help texts that wrap where the terminal does, with examples that can be copied whole.
@Suite struct HelpTextTests {
    /// Every command and subcommand under `command`, with its path (`ecv plan show`).
    static func commands(_ command: any ParsableCommand.Type, path: String = "ecv") -> [(
        String, any ParsableCommand.Type
    )] {
        [(path, command)]
            + command.configuration.subcommands.flatMap {
                commands($0, path: "\(path) \($0.configuration.commandName ?? "")")
            }
    }

    @Test func discussionsHaveNoHardLineBreaksInsideAParagraph() {
        for (path, command) in Self.commands(ECVCommand.self) {
            let lines = command.configuration.discussion.components(separatedBy: "\n")
            for (line, next) in zip(lines, lines.dropFirst()) {
                let prose = { (text: String) in !text.isEmpty && !text.hasPrefix(" ") }
                #expect(
                    !(prose(line) && prose(next) && !line.hasSuffix(":")),
                    "\(path): a line break inside a paragraph after `\(line.suffix(30))`")
            }
        }
    }

    @Test func everyExampleIsOneWholeCommandLine() {
        for (path, command) in Self.commands(ECVCommand.self) {
            let lines = command.configuration.discussion.components(separatedBy: "\n")
            for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  ecv ") {
                #expect(next.isEmpty || next.hasPrefix("  ecv "), "\(path): an example goes on after `\(line)`")
                #expect(!line.hasSuffix("\\"), "\(path): `\(line)`")
            }
        }
    }

    @Test func versionIsPrinted() throws {
        let result = try ECVRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == ECVCommand.version + "\n")
    }
}
