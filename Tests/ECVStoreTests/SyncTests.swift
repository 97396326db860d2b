import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import GRDB
import Testing

@testable import ECVStore
@testable import ECVSync

/// Two laptops and an office exchanging bundles.
@Suite struct SyncTests {
    static let catalog = StoreTests.catalog
    static let start = StoreTests.now

    struct Site {
        let store: Store
        let actor: Actor
        let folder: TemporaryFolder
        let key: LaptopKey

        init(_ laptop: String, who: String = "Zhang Wei") throws {
            folder = try TemporaryFolder()
            store = try Store(path: folder.databasePath)
            actor = Actor(who: who, laptop: laptop)
            key = try LaptopKey.create(name: laptop, in: folder.url.appendingPathComponent("keys"))
        }

        /// Enrolls the other sites' laptops here.
        func trusts(_ others: Site...) throws {
            for other in others {
                try store.enroll(laptop: other.actor.laptop, publicKey: other.key.publicKey, by: actor, at: start)
            }
        }

        func record(_ vehicle: String, _ pairs: [(String, String)], minutes: Double) throws {
            _ = try store.record(
                StoreTests.entries(pairs, note: "seen"), for: try StoreTests.placement(vehicle),
                catalog: SyncTests.catalog, by: actor,
                // Below the millisecond the database keeps: a time must survive the trip all the same.
                at: SyncTests.start.addingTimeInterval(minutes * 60 + 0.123_456),
                makeID: TimeOrderedID.make)
        }

        /// The signed bytes of a bundle of what is new, marked exported.
        func exportData(minutes: Double = 120) throws -> Data {
            let (bundle, lastSeq) = try store.bundleSinceLastExport(
                laptop: actor.laptop, at: SyncTests.start.addingTimeInterval(minutes * 60), id: TimeOrderedID.make())
            let data = try bundle.encoded(signedWith: key)
            try store.markExported(bundle, lastSeq: lastSeq, file: "bundle", sha256: data.sha256Hex)
            return data
        }

        /// Exports, and reads the bundle back from its bytes as an importer would.
        func export(minutes: Double = 120) throws -> SyncBundle {
            try SyncBundle(data: exportData(minutes: minutes))
        }

        @discardableResult
        func importing(_ bundle: SyncBundle) throws -> ImportReport {
            try store.importBundle(
                bundle, file: "bundle",
                rules: ImportRules(
                    catalog: SyncTests.catalog, now: SyncTests.start.addingTimeInterval(86_400),
                    importer: actor.laptop),
                by: actor, makeID: TimeOrderedID.make)
        }

        func rowCounts() throws -> [Int] {
            try store.pool.read { db in
                try ["inspection", "result", "audit", "latest"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0
                }
            }
        }

        func verdict(_ vehicle: String) throws -> VehicleVerdict? {
            try store.board(SyncTests.catalog).first { $0.vehicle == vehicle }?.verdict
        }
    }

    @Test func twoLaptopsReachTheOfficeAndASecondImportAddsNothing() throws {
        let laptopA = try Site("laptop-a")
        let laptopB = try Site("laptop-b", who: "Li Na")
        let office = try Site("office", who: "Wang Fang")
        try office.trusts(laptopA, laptopB)
        try laptopB.trusts(laptopA)
        try laptopA.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 0)
        try laptopB.record("JL-FIRE-01", [("power.grounding", "1.2")], minutes: 5)
        let fromA = try laptopA.export()
        let fromB = try laptopB.export()
        let first = try office.importing(fromA)
        try office.importing(fromB)
        #expect(first.newInspections == 1 && first.newResults == 1 && first.newAuditLines == 2)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
        #expect(try office.verdict("JL-FIRE-01")?.readiness == .incomplete)
        #expect(try office.store.results(ofVehicle: "JL-FIRE-01").map(\.value) == [1.2])

        let before = try office.rowCounts()
        let again = try office.importing(fromA)
        #expect(again.newRows == 0)
        #expect(again.knownResults == 1)
        #expect(try office.rowCounts() == before)
        // And onto the other laptop: it learns A's work, and does not send it on.
        try laptopB.importing(fromA)
        #expect(try laptopB.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
        #expect(try laptopB.export().results.isEmpty)
    }

    @Test func anExportHoldsOnlyWhatCameSinceTheLastOne() throws {
        let laptop = try Site("laptop-a")
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.1"), ("power.insulation", "5")], minutes: 0)
        #expect(try laptop.export().results.count == 2)
        #expect(try laptop.export().results.isEmpty)
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.3")], minutes: 10)
        let next = try laptop.export()
        #expect(next.results.map(\.version) == [2])
        #expect(next.inspections.count == 1)
    }

    @Test func anOlderVersionArrivingLateNeverOverwritesANewerOne() throws {
        let laptop = try Site("laptop-a")
        let office = try Site("office")
        try office.trusts(laptop)
        try laptop.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 0)
        let first = try laptop.export()
        try laptop.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 30)
        let second = try laptop.export()
        try office.importing(second)
        try office.importing(first)
        #expect(try office.verdict("HLJ-FIRE-01")?.failed.isEmpty == true)
        #expect(try office.store.results(ofVehicle: "HLJ-FIRE-01").map(\.status) == [.fail, .pass])
        #expect(try office.rowCounts() == laptop.rowCounts())
    }

    @Test func oneResultCorrectedOnTwoLaptopsIsAConflictTheLaterWins() throws {
        let laptopA = try Site("laptop-a")
        let laptopB = try Site("laptop-b", who: "Li Na")
        let office = try Site("office")
        try office.trusts(laptopA, laptopB)
        try laptopB.trusts(laptopA)
        try laptopA.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 0)
        let original = try laptopA.export()
        try laptopB.importing(original)
        // Both correct the same result, unaware of each other: B first, A later.
        try laptopB.record("HLJ-FIRE-01", [("power.generator-start", "pass")], minutes: 20)
        try laptopA.record("HLJ-FIRE-01", [("power.generator-start", "fail")], minutes: 40)
        try office.importing(original)
        let fromB = try office.importing(laptopB.export())
        let fromA = try office.importing(laptopA.export())
        #expect(fromB.conflicts.isEmpty)
        #expect(fromA.conflicts.count == 1)
        #expect(fromA.conflicts.first?.kept.hasPrefix("laptop-a (Zhang Wei) fail") == true)
        #expect(fromA.conflicts.first?.other.hasPrefix("laptop-b (Li Na) pass") == true)
        #expect(try office.verdict("HLJ-FIRE-01")?.readiness == .notDeployable)
        let trail = try office.store.audit(ofVehicle: "HLJ-FIRE-01")
        #expect(trail.filter { $0.entity == "conflict" }.count == 1)
        #expect(try office.store.results(ofVehicle: "HLJ-FIRE-01").map(\.status) == [.fail, .pass, .fail])
    }

    @Test func oneVehicleInspectedOnTwoLaptopsAtOnceIsAConflict() throws {
        let laptopA = try Site("laptop-a")
        let laptopB = try Site("laptop-b", who: "Li Na")
        let office = try Site("office")
        try office.trusts(laptopA, laptopB)
        try laptopA.record("HLJ-FIRE-01", [("power.grounding", "1.1")], minutes: 0)
        try laptopB.record("HLJ-FIRE-01", [("power.grounding", "9")], minutes: 3)
        try office.importing(laptopA.export())
        let report = try office.importing(laptopB.export())
        #expect(report.conflicts.count == 1)
        #expect(report.conflicts.first?.kept.hasPrefix("laptop-b (Li Na) fail 9") == true)
        #expect(try office.verdict("HLJ-FIRE-01")?.failed.map(\.itemID) == ["power.grounding"])
    }

    @Test func aDamagedBundleIsRefusedWhole() throws {
        let laptop = try Site("laptop-a")
        try laptop.record("HLJ-FIRE-01", [("power.grounding", "1.1"), ("power.insulation", "5")], minutes: 0)
        let (bundle, _) = try laptop.store.bundleSinceLastExport(laptop: "laptop-a", at: Self.start, id: UUID())
        let data = try bundle.encoded()
        var flipped = data
        let middle = flipped.index(flipped.startIndex, offsetBy: flipped.count * 2 / 3)
        flipped[middle] ^= 0x01
        #expect(throws: BundleError.self) { try SyncBundle(data: flipped) }
        #expect(throws: BundleError.self) { try SyncBundle(data: data.prefix(data.count - 40)) }
        #expect(throws: BundleError.self) { try SyncBundle(data: Data("hello\n".utf8)) }
        // A whole line dropped from the end, newline and all.
        var lines = data.split(separator: 0x0A)
        lines.removeLast()
        let shortened = Data(lines.joined(separator: [0x0A])) + Data([0x0A])
        #expect(throws: BundleError.truncated("the manifest lists 6 records, the file holds 5")) {
            try SyncBundle(data: shortened)
        }
        #expect(try SyncBundle(data: data) == bundle)
    }
}

extension SyncTests {
    @Test func aPhotoTravelsWithItsBundleOnce() throws {
        let laptop = try Site("laptop-a")
        let office = try Site("office")
        try office.trusts(laptop)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        let photo = try laptop.store.savePhoto(
            png, kind: .png, of: StoreTests.placement(), item: "power.grounding", catalog: Self.catalog,
            by: laptop.actor, at: Self.start, makeID: TimeOrderedID.make)
        let bundle = try laptop.export()
        #expect(bundle.photos.map(\.photo) == [photo])
        #expect(try office.importing(bundle).newPhotos == 1)
        #expect(try office.store.photo(photo.id)?.1 == png)
        #expect(try office.importing(bundle).newRows == 0)
        #expect(try office.store.photos(ofVehicle: "HLJ-FIRE-01").count == 1)
    }
}

extension SyncTests.Site {
    /// A bundle of what is new, changed by `change` as a hostile or broken laptop might, then signed with this
    /// laptop's own key (or `signer`'s) and read back from its bytes.
    func forged(signer: LaptopKey? = nil, _ change: (inout SyncBundle) -> Void = { _ in }) throws -> SyncBundle {
        var (bundle, _) = try store.bundleSinceLastExport(
            laptop: actor.laptop, at: SyncTests.start.addingTimeInterval(7_200), id: TimeOrderedID.make())
        change(&bundle)
        return try SyncBundle(data: bundle.encoded(signedWith: signer ?? key))
    }

    /// Every row of every table, in a fixed order: equal dumps mean nothing changed.
    func dump() throws -> String {
        try store.pool.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }.sorted()
            }.joined(separator: "\n")
        }
    }
}
