import ECVTestSupport
import Foundation
import Testing

/// The season loop between the office and a team's laptop, with the real binary on two folders: plans go out
/// in bundles, results come back, and a re-plan reaches the laptop.
@Suite struct SeasonTests {
    /// A database folder with its own copy of the sample and its own laptop key.
    struct Machine {
        let folder: TemporaryFolder
        let name: String
        var root: [String] { ["--root", folder.url.path] }

        init(_ name: String) throws {
            folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            self.name = name
            #expect(try ECVRunner.run(["keys", "init", "--laptop", name] + root).status == 0)
        }

        func run(_ arguments: [String], input: String? = nil) throws -> ECVRunner.Result {
            let result = try ECVRunner.run(arguments + root, input: input)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }

        func enroll(_ other: Machine, office: Bool = false) throws {
            let key = other.folder.url.appendingPathComponent("keys/laptop-\(other.name)-ed25519.pub").path
            _ = try run(["laptops", "enroll", other.name, key] + (office ? ["--office"] : []))
        }

        func export(_ name: String) throws -> String {
            let path = folder.url.appendingPathComponent(name).path
            _ = try run(["export", "--out", path])
            return path
        }

        func today(_ day: String) throws -> [String: Any] {
            let text = try run(["today", "--date", day, "--format", "json"]).stdout
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
    }

    /// Today's entries without the plan number (the laptop numbers the versions it takes in turn).
    static func entries(_ today: [String: Any]) -> String {
        let teams = today["teams"] ?? []
        let data = (try? JSONSerialization.data(withJSONObject: teams, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aPlanGoesOutResultsComeBackAndAReplanReachesTheLaptop() throws {
        let office = try Machine("office")
        let laptop = try Machine("van-1")
        try office.enroll(laptop)
        try laptop.enroll(office, office: true)
        // The office key (which signs reports) makes this database the office: its exports carry the plan.
        _ = try office.run(["keys", "init"])

        _ = try office.run(["plan", "--iterations", "300"])
        _ = try office.run(["plan", "publish"])
        let first = try office.export("office-1.ecvbundle")
        let taken = try laptop.run(["import", first])
        #expect(taken.stdout.contains("follows the published plan it brought, now version 1 here"))
        for day in ["2027-03-02", "2027-03-09", "2027-04-13"] {
            #expect(Self.entries(try office.today(day)) == Self.entries(try laptop.today(day)), "\(day)")
        }

        // The engineer records a failure; it reaches the office.
        _ = try laptop.run([
            "record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay",
        ])
        let results = try laptop.export("van-1-1.ecvbundle")
        let merged = try office.run(["import", results])
        #expect(merged.stdout.contains("1 new results"))
        #expect(try office.run(["status", "--route", "northeast"]).stdout.contains("HLJ-FIRE-01"))

        // The office drops a vehicle from Routes/, re-plans, publishes and sends the plan out again.
        try office.folder.replace(
            try #require(Self.weinan(in: try office.folder.read("Routes/northwest.yaml"))), with: "",
            in: "Routes/northwest.yaml")
        _ = try office.run(["replan", "--from", "2027-03-01", "--iterations", "300"])
        _ = try office.run(["plan", "publish"])
        let second = try office.export("office-2.ecvbundle")
        let retaken = try laptop.run(["import", second])
        #expect(retaken.stdout.contains("follows the published plan it brought, now version 2 here"))
        for day in ["2027-03-09", "2027-04-13"] {
            #expect(Self.entries(try office.today(day)) == Self.entries(try laptop.today(day)), "\(day)")
        }
        // The laptop's own Routes/ still hold the vehicle: it is told which file differs.
        #expect(try laptop.run(["today", "--date", "2027-03-09"]).stderr.contains("Routes/northwest.yaml (changed)"))

        // Its calendar cancels the dropped visit.
        let out = laptop.folder.url.appendingPathComponent("calendars").path
        _ = try laptop.run(["plan", "show", "published", "--format", "ics", "--out", out])
        let calendar = try String(contentsOfFile: out + "/team-nw.ics", encoding: .utf8)
            .replacingOccurrences(of: "\r\n ", with: "")
        let event = try #require(
            calendar.components(separatedBy: "BEGIN:VEVENT").first {
                $0.contains("UID:northwest-SN-FIRE-03-inspection@ecv")
            })
        #expect(event.contains("STATUS:CANCELLED"))
        #expect(event.contains("SEQUENCE:1"))

        // A bundle the office already sent changes nothing on the laptop: the newer plan stays.
        let again = try laptop.run(["import", first])
        #expect(!again.stdout.contains("follows the published plan"))
        let list = try laptop.run(["plan", "list"]).stdout
        #expect(list.contains("published") && list.contains("superseded"))
    }

    /// The Weinan site block of the northwest line.
    static func weinan(in text: String) -> String? {
        guard let start = text.range(of: "  - id: wn-fire-1"), let end = text.range(of: "  - id: tc-fire-1") else {
            return nil
        }
        return String(text[start.lowerBound..<end.lowerBound])
    }
}
