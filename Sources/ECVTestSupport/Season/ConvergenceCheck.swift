import ECVModel
import ECVStore

/// Office and laptops converge: after a full sync round every database holds the same results (each result's id
/// and version) and shows the same board (each vehicle's readiness and failed items) as the office's.
public struct ConvergenceCheck {
    /// Routes/ and Checklists/: whose vehicles' results and board rows are compared.
    public var catalog: Catalog

    /// The check over the vehicles of `catalog`.
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The breaches between the first of `stores` (the office) and each other one.
    public func breaches(among stores: [(name: String, store: Store)]) throws -> [InvariantBreach] {
        guard let office = stores.first else { return [] }
        let reference = try state(of: office.store)
        var breaches: [InvariantBreach] = []
        for other in stores.dropFirst() {
            let state = try state(of: other.store)
            let missing = reference.results.subtracting(state.results)
            let extra = state.results.subtracting(reference.results)
            if !missing.isEmpty || !extra.isEmpty {
                breaches.append(
                    InvariantBreach(
                        .converging,
                        "\(other.name) lacks \(missing.count) results of \(office.name) (\(missing.sorted().first ?? "-")) "
                            + "and holds \(extra.count) it lacks (\(extra.sorted().first ?? "-"))"))
            }
            let differing = reference.board.keys.filter { reference.board[$0] != state.board[$0] }.sorted()
            if let first = differing.first {
                breaches.append(
                    InvariantBreach(
                        .converging,
                        "\(other.name)'s board differs from \(office.name)'s for \(differing.count) vehicles: \(first) is "
                            + "\(state.board[first] ?? "-") there, \(reference.board[first] ?? "-") at \(office.name)"))
            }
        }
        return breaches
    }

    private func state(of store: Store) throws -> (results: Set<String>, board: [String: String]) {
        var results: Set<String> = []
        for vehicle in catalog.routes.flatMap(\.sites).flatMap(\.vehicles) {
            for record in try store.resultRecords(ofVehicle: vehicle.id) {
                results.insert("\(vehicle.id) \(record.itemID) \(record.id.uuidString)#\(record.version)")
            }
        }
        let board = Dictionary(
            try store.board(catalog).map { row in
                (
                    row.vehicle,
                    row.verdict.readiness.rawValue + " "
                        + row.verdict.failed.map(\.itemID).sorted().joined(separator: ",")
                )
            }, uniquingKeysWith: { first, _ in first })
        return (results, board)
    }
}
