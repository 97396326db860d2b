import Foundation
import PostgresNIO

/// One result the hub holds: a record's identity and version, and what it is about.
public struct HeldResult: Sendable, Hashable {
    /// The vehicle the result is about.
    public var vehicleID: String
    /// The item, `subsystem.item`.
    public var itemID: String
    /// The record's UUID, made on the laptop that recorded it.
    public var id: UUID
    /// The result's version.
    public var version: Int

    /// Version `version` of result `id`, of item `itemID` of vehicle `vehicleID`.
    public init(vehicleID: String, itemID: String, id: UUID, version: Int) {
        self.vehicleID = vehicleID
        self.itemID = itemID
        self.id = id
        self.version = version
    }
}

extension HubDatabase {
    /// Every result the hub holds, one per row: a record stored twice shows twice.
    public func heldResults() async throws(HubError) -> [HeldResult] {
        var held: [HeldResult] = []
        for row in try await rows("SELECT vehicle_id, item_id, id, version FROM result ORDER BY vehicle_id, id") {
            do {
                let (vehicle, item, id, version) = try row.decode((String, String, UUID, Int).self)
                held.append(HeldResult(vehicleID: vehicle, itemID: item, id: id, version: version))
            } catch {
                throw HubError.database(error, at: url)
            }
        }
        return held
    }

    /// The bytes of every bundle the hub took, as its sender signed it, in the order taken.
    public func receivedBundles() async throws(HubError) -> [Data] {
        var bundles: [Data] = []
        for row in try await rows("SELECT bundle FROM receipt ORDER BY seq") {
            do {
                bundles.append(try row.decode(Data.self))
            } catch {
                throw HubError.database(error, at: url)
            }
        }
        return bundles
    }
}
