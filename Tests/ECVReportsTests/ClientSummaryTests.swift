import ECVCatalog
import ECVModel
import ECVPlanning
import ECVReports
import ECVStore
import ECVTestSupport
import Foundation
import Testing

/// A client's fleet summary shows that client's fleet and nothing of anyone else's.
@Suite struct ClientSummaryTests {
    @Test func aClientsSummaryHoldsNoOtherClientsVehicleOrName() throws {
        let catalog = VehicleReportTests.catalog
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.databasePath)
        // Results for vehicles of several clients, so that the board has something to leak.
        for id in ["HLJ-FIRE-01", "HLJ-FIRE-02", "JL-FIRE-01", "HE-EM-02"] {
            guard let placement = catalog.placement(ofVehicle: id) else { continue }
            _ = try store.record(
                [ResultEntry(itemID: "power.generator-start", value: "fail", note: "relay", source: "test")],
                for: placement, catalog: catalog, by: Actor(who: "Zhang Wei", laptop: "l"), at: Date(),
                makeID: TimeOrderedID.make)
        }
        let client = try #require(catalog.client(withID: "hlj-fire"))
        let html = try ClientSummary(
            client: client, catalog: catalog, rows: try store.board(catalog),
            on: try #require(CalendarDay(iso: "2027-04-20")),
            language: .en
        ).html()
        let own = Set(catalog.placements.filter { $0.site.clientID == client.id }.map(\.vehicle.id))
        #expect(!own.isEmpty)
        for vehicle in own { #expect(html.contains(vehicle)) }
        for placement in catalog.placements where !own.contains(where: { $0.contains(placement.vehicle.id) }) {
            #expect(!html.contains(placement.vehicle.id), "\(placement.vehicle.id)")
        }
        for other in catalog.clients where other.id != client.id {
            #expect(!html.contains(other.name.text(in: .en)), "\(other.id)")
            #expect(!html.contains(other.name.text(in: .zh)), "\(other.id)")
        }
        #expect(html.contains("NOT DEPLOYABLE"))
    }
}

extension ClientSummaryTests {
    @Test func theSummarySaysWhenTheVehiclesNotYetDeployableAreVisitedNext() throws {
        let season = try SampleSeason(in: try TemporaryFolder())
        let client = try #require(season.catalog.client(withID: "hlj-fire"))
        let recheck = try #require(
            season.plan.routes.first { $0.route == "northeast" }?.stops[season.recheckStop].visits.last
                .map(\.start.day))
        func summary(on day: CalendarDay) throws -> String {
            try ClientSummary(
                client: client, catalog: season.catalog,
                rows: try season.store.board(season.catalog, client: "hlj-fire"), plan: season.plan, on: day,
                language: .en
            ).html()
        }
        // Dated the day before the re-check: the re-check is next.
        let html = try summary(on: recheck.adding(days: -1))
        func row(_ vehicle: String, in html: String) throws -> Substring {
            let start = try #require(html.range(of: "<tr><td>\(vehicle)<br>"))
            return html[start.upperBound...].prefix { $0 != "\n" }
        }
        func row(_ vehicle: String) throws -> Substring { try row(vehicle, in: html) }
        let (year, month, day) = recheck.components
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        #expect(try row("HLJ-FIRE-01").hasSuffix("<td>\(day) \(months[month - 1]) \(year)</td></tr>"))
        #expect(try row("HLJ-FIRE-02").hasSuffix("<td></td></tr>"), "deployable: no visit needed")
        // Dated after it, the re-check that did not happen is past: never given as the next visit.
        let later = try summary(on: recheck.adding(days: 1))
        let afterwards = try row("HLJ-FIRE-01", in: later)
        #expect(afterwards.hasSuffix("<td>not in the plan</td></tr>"), "\(afterwards)")
    }
}
