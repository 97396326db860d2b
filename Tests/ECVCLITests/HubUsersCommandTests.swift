import ECVHub
import ECVTestSupport
import Foundation
import Testing

/// `ecv hub users add` and `list` on a real database: the password from standard input, one-line refusals.
@Suite(.needs(.postgresql))
struct HubUsersCommandTests {
    @Test func usersAreAddedWithAPasswordFromStandardInputAndListed() throws {
        let cluster = try TemporaryCluster(database: "ecv_users")
        defer { cluster.stop() }
        let url = cluster.url
        let keys = try TemporaryFolder()
        #expect(try ECVRunner.run(["keys", "init", "--root", keys.url.path]).status == 0)
        let officeKey = keys.url.appendingPathComponent("keys/office-ed25519.pub").path
        #expect(try ECVRunner.run(["hub", "migrate", "--database", url, "--office-key", officeKey]).status == 0)
        let add = ["hub", "users", "add", "wang.fang", "--role", "dispatcher", "--database", url]
        let added = try ECVRunner.run(add, input: "long enough horse staple\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "added dispatcher wang.fang\n")
        let again = try ECVRunner.run(add, input: "another long password\n")
        #expect(again.status != 0)
        #expect(again.stderr == "error: user `wang.fang` exists already; choose another name\n")
        let weak = try ECVRunner.run(
            ["hub", "users", "add", "li.na", "--role", "dispatcher", "--database", url], input: "short\n")
        #expect(weak.stderr == "error: the password is too weak: 5 characters, at least 12 needed\n")
        let empty = try ECVRunner.run(
            ["hub", "users", "add", "li.na", "--role", "dispatcher", "--database", url], input: "")
        #expect(empty.stderr == "error: the password is empty; type one on standard input\n")
        let role = try ECVRunner.run(
            ["hub", "users", "add", "li.na", "--role", "admin", "--database", url], input: "long enough horse staple\n")
        #expect(role.status != 0)
        #expect(role.stderr.contains("unknown role `admin`; the roles are dispatcher and client"))
        #expect(!role.stderr.contains("\n\n"))
        let list = try ECVRunner.run(["hub", "users", "list", "--database", url])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix("wang.fang  dispatcher") == true)
        // The password is an argument nowhere: the command has no option for it.
        let help = try ECVRunner.run(["hub", "users", "add", "--help"])
        #expect(!help.stdout.contains("--password"))
    }
}
