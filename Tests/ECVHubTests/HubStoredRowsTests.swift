import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ECVHub

/// What the hub writes of a pushed bundle is what the laptop recorded, field for field: the rows travel to
/// PostgreSQL as text the hub writes itself, so awkward text and numbers are where it could go wrong.
@Suite(.needs(.postgresql))
struct HubStoredRowsTests {
    @Test func resultsPhotosAndAuditLinesAreStoredAsTheLaptopRecordedThem() async throws {
        let laptop = try HubLaptop("ne-1")
        let vehicle = "HLJ-FIRE-01"
        let items = HubLaptop.catalog.items(
            applyingTo: try #require(HubLaptop.catalog.placement(ofVehicle: vehicle)).vehicle)
        let measured = try #require(items.first { if case .measure = $0.kind { true } else { false } })
        let written = try #require(items.first { $0.kind == .text })
        let awkward = "He said \"ok\" \\ then\n\ttabbed 中文 😀 </script> \u{7}"
        try laptop.answer(vehicle, measured.fullID, "0.1234567890123457", minutes: 1)
        try laptop.answer(vehicle, measured.fullID, "-1e-7", minutes: 2)
        try laptop.answer(vehicle, written.fullID, awkward, minutes: 3)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 0xFF])
        let photo = try laptop.store.savePhoto(
            png, kind: .png, of: try #require(HubLaptop.catalog.placement(ofVehicle: vehicle)), item: written.fullID,
            catalog: HubLaptop.catalog, by: laptop.actor, at: HubLaptop.start.addingTimeInterval(240),
            makeID: TimeOrderedID.make)
        let bytes = try laptop.export()
        let bundle = try SyncBundle(data: bytes)
        try #require(bundle.results.contains { $0.value == -1e-7 } && bundle.results.contains { $0.text == awkward })

        try await HubTestServer.with(now: HubLaptop.dayAfter) { hub in
            _ = try await hub.office.enroll(hub.enrollment("ne-1", laptop.key.publicKey, role: "office"))
            let client = hub.client(signedBy: "ne-1") { try laptop.key.signature(for: $0) }
            _ = try await client.pushCatalog(HubPushTests.catalogFiles())
            _ = try await client.push(bundle: bytes)

            let results = try await hub.database.rows(
                "SELECT id, version, status, value, choice, text, note, recorded_at, recorded_by, laptop FROM result"
            ) { row in
                let (id, version, status, value, choice, text, note, at, by, laptop) = try row.decode(
                    (UUID, Int, String, Double?, String?, String?, String?, Date, String, String).self)
                return ResultRecord(
                    id: id, version: version, inspectionID: UUID(), itemID: "", status: status, value: value,
                    choice: choice, text: text, note: note, recordedAt: at, recordedBy: by, laptop: laptop)
            }
            #expect(results.count == bundle.results.count)
            let stored = Dictionary(results.map { ("\($0.id) \($0.version)", $0) }) { first, _ in first }
            for sent in bundle.results {
                let row = try #require(stored["\(sent.id) \(sent.version)"])
                #expect(
                    row.status == sent.status && row.value == sent.value && row.choice == sent.choice
                        && row.text == sent.text && row.note == sent.note && row.recordedBy == sent.recordedBy
                        && row.laptop == sent.laptop, "\(row) \(sent)")
                // PostgreSQL keeps microseconds.
                #expect(abs(row.recordedAt.timeIntervalSince(sent.recordedAt)) < 1e-6)
            }

            let photos = try await hub.database.rows(
                "SELECT id, vehicle_id, item_id, content_type, bytes, sha256, taken_at, data FROM photo"
            ) { row in try row.decode((UUID, String, String, String, Int, String, Date, Data).self) }
            let kept = try #require(photos.first)
            #expect(photos.count == 1)
            #expect(
                kept.0 == photo.id && kept.1 == vehicle && kept.2 == written.fullID && kept.3 == photo.contentType
                    && kept.4 == png.count && kept.5 == png.sha256Hex && kept.7 == png)
            #expect(abs(kept.6.timeIntervalSince(photo.takenAt)) < 1e-6)

            let audit = try await hub.database.rows("SELECT id, who, entity_id, vehicle_id, old, new FROM audit") {
                row in try row.decode((UUID, String, String, String?, String?, String).self)
            }
            #expect(audit.count == bundle.audit.count)
            let lines = Dictionary(audit.map { ($0.0, $0) }) { first, _ in first }
            for sent in bundle.audit {
                let line = try #require(lines[sent.id])
                #expect(
                    line.1 == sent.who && line.2 == sent.entityID && line.3 == sent.vehicleID && line.4 == sent.old
                        && line.5 == sent.new)
            }
        }
    }
}
