import ECVSync
import ECVTestSupport
import Foundation
import GRDB
import Testing

/// Plan content is data: its ids are checked against the catalog when it comes in a bundle, never become a path
/// outside the calendar folder, and never reach the terminal as control characters.
@Suite struct PlanContentTests {
    typealias Machine = SeasonTests.Machine

    /// An office with a published plan, and its key on a laptop with the office role.
    static func officeAndLaptop() throws -> (office: Machine, laptop: Machine) {
        let office = try Machine("office")
        let laptop = try Machine("van-1")
        try laptop.enroll(office, office: true)
        _ = try office.run(["keys", "init"])
        _ = try office.run(["plan", "--iterations", "50"])
        _ = try office.run(["plan", "publish"])
        return (office, laptop)
    }

    /// Rewrites the stored plan document, as a bundle of an earlier release could have left it.
    static func rewritePlan(in machine: Machine, _ old: String, _ new: String) throws {
        let queue = try DatabaseQueue(path: machine.folder.url.appendingPathComponent("ecv.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "UPDATE plan SET json = replace(json, ?, ?)", arguments: [old, new])
        }
    }

    @Test func aBundledPlanWithATeamTheCatalogDoesNotKnowIsRefusedWhole() throws {
        let (office, laptop) = try Self.officeAndLaptop()
        let path = try office.export("office.ecvbundle")
        var bundle = try SyncBundle(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        var plan = try #require(bundle.plan)
        plan.json = plan.json.replacingOccurrences(of: "\"team-ne\"", with: "\"../../../../../x/PWNED\"")
        bundle.plan = plan
        let key = try #require(try LaptopKey.find(in: office.folder.url.appendingPathComponent("keys")))
        try bundle.encoded(signedWith: key).write(to: URL(fileURLWithPath: path))
        let refused = try ECVRunner.run(["import", path] + laptop.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("team `../../../../../x/PWNED` is not in Routes/"))
        #expect(!(try laptop.run(["plan", "list"]).stdout.contains("published")))
    }

    @Test func aCalendarIsWrittenInsideItsFolderWhateverTheTeamIdSays() throws {
        let (office, _) = try Self.officeAndLaptop()
        try Self.rewritePlan(in: office, "\"team-ne\"", "\"../../PWNED\"")
        let out = office.folder.url.appendingPathComponent("deep/cal").path
        let run = try ECVRunner.run(["plan", "show", "published", "--format", "ics", "--out", out] + office.root)
        for file in run.stdout.split(separator: "\n") {
            #expect(URL(fileURLWithPath: String(file)).deletingLastPathComponent().path == out, "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: office.folder.url.appendingPathComponent("PWNED.ics").path))
    }

    @Test func controlCharactersOfAStoredPlanAreEscapedInPlanShowAndToday() throws {
        let (office, _) = try Self.officeAndLaptop()
        try Self.rewritePlan(in: office, "\"zb-fire-1\"", "\"zb\\u001b]0;PWNED\\u0007\"")
        let show = try ECVRunner.run(["plan", "show", "published"] + office.root)
        #expect(!show.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(show.stdout.contains("zb\\u{1b}]0;PWNED\\u{7}"))
        let today = try ECVRunner.run(["today", "--date", "2027-03-02"] + office.root)
        #expect(!today.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(today.stdout.contains("zb\\u{1b}]0;PWNED\\u{7}"), "\(today.stdout)")
    }
}
