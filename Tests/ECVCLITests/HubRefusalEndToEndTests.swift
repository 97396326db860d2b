import ECVTestSupport
import Foundation
import Testing

/// A real `ecv hub serve` and real `ecv sync` processes: a laptop the hub does not know, and one that signs with
/// another key under an enrolled name, are refused in one line, and the office takes nothing of theirs.
@Suite(.needs(.postgresql), .serialized) struct HubRefusalEndToEndTests {
    @Test func aLaptopNotEnrolledOrSigningWithAnotherKeyIsRefusedInOneLineAndNothingIsTaken() throws {
        let office = try SyncPlace()
        let enrolled = try SyncPlace()
        let stranger = try SyncPlace()
        let impostor = try SyncPlace()
        try office.makeOfficeKeys()
        try enrolled.makeLaptopKey("lap-a", officeAt: office)
        try stranger.makeLaptopKey("lap-x", officeAt: office)
        // Named as the enrolled laptop, with a key of its own.
        try impostor.makeLaptopKey("lap-a", officeAt: office)
        let hub = try HubProcess.start(
            ["--temporary-database", "--office-key", office.key("office-ed25519.pub"), "--port", "0"])
        defer { hub.stop() }
        try office.run([
            "hub", "enroll", "--hub", hub.url, "office", office.key("laptop-office-ed25519.pub"), "--office",
        ])
        try office.run(["hub", "enroll", "--hub", hub.url, "lap-a", enrolled.key("laptop-lap-a-ed25519.pub")])
        try office.run(["sync", "--hub", hub.url])

        for (place, reason) in [
            (stranger, "the hub refused (401): key `lap-x` is not enrolled at this hub"),
            (impostor, "the hub refused (401): the signature is not the enrolled key of `lap-a`"),
        ] {
            try place.run(["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=x"])
            let refused = try ECVRunner.run(["sync", "--hub", hub.url] + place.root)
            #expect(refused.status == 1)
            #expect(refused.stderr == "error: \(reason)\n", "\(refused.stderr)")
        }
        let taken = try office.run(["sync", "--hub", hub.url]).stdout
        #expect(taken.contains("nothing new to send") && !taken.contains("imported from"), "\(taken)")
        #expect(try office.board() == SyncPlace().board())
    }
}
