import ECVModel
import Foundation

/// Checks every value of a bundle before anything is written.
///
/// Vehicles and items are checked against the catalog,
/// times against the export time and the importer's clock, versions against their range and order,
/// laptops against the signer, photos against their bytes, and that each record has exactly its audit
/// lines. Asks the receiver what it holds of the records the bundle carries or refers to.
struct BundleCheck {
    let bundle: SyncBundle
    let rules: ImportRules
    /// The full ids of the items that apply to each vehicle met so far: bundles hold thousands of results
    /// of a few hundred vehicles.
    private let applicable = ApplicableItems()

    /// Throws the first problem found, as `BundleError.refused`.
    func run(_ holdings: some ReceiverHoldings) throws {
        let laptop = bundle.laptop
        guard laptop != rules.importer else { throw refused("it claims to come from this laptop, \(laptop)") }
        guard bundle.created <= rules.now.addingTimeInterval(ImportRules.clockSkew) else {
            throw refused("it was exported at \(bundle.created), later than this computer's clock plus a day")
        }
        try time(bundle.created, "the export time", line: 1)
        try checkPlan()
        var vehicles: [UUID: String] = [:]
        var fresh: Set<UUID> = []
        var line = 2
        // The inspections the bundle carries or its results and photos name, as the receiver holds them.
        let named =
            bundle.inspections.map(\.id) + bundle.results.map(\.inspectionID) + bundle.photos.map(\.photo.inspectionID)
        let storedInspections = try holdings.inspections(Array(Set(named)))
        for inspection in bundle.inspections {
            defer { line += 1 }
            guard vehicles[inspection.id] == nil else {
                throw refused("line \(line): inspection \(inspection.id) twice")
            }
            guard rules.catalog.placement(ofVehicle: inspection.vehicleID) != nil else {
                throw refused("line \(line): vehicle `\(inspection.vehicleID)` is not in Routes/")
            }
            if let stored = storedInspections[inspection.id] {
                guard stored.vehicleID == inspection.vehicleID else {
                    throw refused("line \(line): inspection \(inspection.id) is of \(stored.vehicleID) here")
                }
            } else {
                fresh.insert(inspection.id)
                guard inspection.laptop == laptop else {
                    throw refused(
                        "line \(line): an inspection of laptop `\(inspection.laptop)` in a bundle of \(laptop)")
                }
                try time(inspection.startedAt, "its start", line: line)
                if let finished = inspection.finishedAt {
                    guard finished >= inspection.startedAt else {
                        throw refused("line \(line): finished before it started")
                    }
                    try time(finished, "its end", line: line)
                }
                guard ["full", "recheck"].contains(inspection.kind) else {
                    throw refused("line \(line): inspection kind `\(inspection.kind)`")
                }
            }
            for text in [inspection.vehicleID, inspection.engineer, inspection.checklists, inspection.equipment] {
                try bounded(text, line: line)
            }
            vehicles[inspection.id] = inspection.vehicleID
        }
        var versions: Set<VersionKey> = []
        versions.reserveCapacity(bundle.results.count)
        let stored = try holdings.resultPlaces(Array(Set(bundle.results.map(\.id))))
        for result in bundle.results {
            defer { line += 1 }
            let vehicle = try vehicle(of: result.inspectionID, &vehicles, storedInspections, line: line)
            guard (1...ResultRecord.maximumVersion).contains(result.version) else {
                throw refused("line \(line): version \(result.version) is outside 1…\(ResultRecord.maximumVersion)")
            }
            guard versions.insert(VersionKey(id: result.id, version: result.version)).inserted else {
                throw refused("line \(line): result \(result.id.text)#\(result.version) twice")
            }
            guard result.laptop == laptop else {
                throw refused("line \(line): a result of laptop `\(result.laptop)` in a bundle of \(laptop)")
            }
            try applies(result.itemID, to: vehicle, line: line)
            guard ItemResult.Status(rawValue: result.status) != nil else {
                throw refused("line \(line): status `\(result.status)`")
            }
            guard result.value?.isFinite ?? true else { throw refused("line \(line): a value that is not a number") }
            try time(result.recordedAt, "its time", line: line)
            for text in [result.itemID, result.recordedBy, result.note, result.text, result.choice].compactMap({ $0 }) {
                try bounded(text, line: line)
            }
            if let here = stored[result.id], here.inspectionID != result.inspectionID || here.itemID != result.itemID {
                throw refused("line \(line): result \(result.id) is of another inspection or item here")
            }
        }
        try increasing(bundle.results)
        let firstAudit = line
        line += bundle.audit.count
        for bundled in bundle.photos {
            defer { line += 1 }
            try check(bundled, vehicles: &vehicles, storedInspections, line: line)
        }
        try AuditCheck(bundle: bundle, vehicles: vehicles, fresh: fresh, firstLine: firstAudit).run()
    }

    private func check(
        _ bundled: BundledPhoto, vehicles: inout [UUID: String], _ stored: [UUID: InspectionRecord], line: Int
    ) throws {
        let photo = bundled.photo
        let vehicle = try vehicle(of: photo.inspectionID, &vehicles, stored, line: line)
        guard photo.vehicleID == vehicle else {
            throw refused("line \(line): a photo of \(photo.vehicleID) in an inspection of \(vehicle)")
        }
        try applies(photo.itemID, to: vehicle, line: line)
        guard photo.laptop == bundle.laptop else {
            throw refused("line \(line): a photo of laptop `\(photo.laptop)` in a bundle of \(bundle.laptop)")
        }
        guard bundled.data.count <= PhotoKind.maximumBytes else {
            throw refused("line \(line): a photo of \(bundled.data.count) bytes; at most 10 MiB are kept")
        }
        guard let kind = PhotoKind(sniffing: bundled.data), kind.rawValue == photo.contentType,
            photo.bytes == bundled.data.count, bundled.data.sha256Hex == photo.sha256
        else { throw refused("line \(line): photo \(photo.id) is not the JPEG or PNG its row describes") }
        try time(photo.takenAt, "its time", line: line)
        try bounded(photo.takenBy, line: line)
    }

    /// The vehicle of an inspection in the bundle or already here.
    private func vehicle(
        of inspection: UUID, _ vehicles: inout [UUID: String], _ held: [UUID: InspectionRecord], line: Int
    ) throws -> String {
        if let vehicle = vehicles[inspection] { return vehicle }
        guard let stored = held[inspection] else {
            throw refused("line \(line): inspection \(inspection) is neither in the bundle nor here")
        }
        vehicles[inspection] = stored.vehicleID
        return stored.vehicleID
    }

    private func applies(_ item: String, to vehicle: String, line: Int) throws {
        guard applicable.items(of: vehicle, in: rules.catalog).contains(item) else {
            throw refused("line \(line): item `\(item)` does not apply to \(vehicle) in Checklists/")
        }
    }

    /// The versions of each result in the bundle grow with their times, and stay with one inspection and item.
    private func increasing(_ results: [ResultRecord]) throws {
        // Most results come in one version: only those of several are gathered.
        var first: [UUID: Int] = [:]
        first.reserveCapacity(results.count)
        var byID: [UUID: [ResultRecord]] = [:]
        for (place, result) in results.enumerated() {
            guard let earlier = first[result.id] else {
                first[result.id] = place
                continue
            }
            byID[result.id, default: [results[earlier]]].append(result)
        }
        for (id, versions) in byID {
            let sorted = versions.sorted { $0.version < $1.version }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                guard earlier.recordedAt <= later.recordedAt, earlier.inspectionID == later.inspectionID,
                    earlier.itemID == later.itemID
                else {
                    throw refused("result \(id): version \(later.version) does not follow version \(earlier.version)")
                }
            }
        }
    }

    /// The published plan a bundle carries: its version, times and size in range, and a readable plan.
    private func checkPlan() throws {
        guard let plan = bundle.plan else { return }
        let line = 2 + bundle.inspections.count + bundle.results.count + bundle.audit.count + bundle.photos.count
        guard (1...ResultRecord.maximumVersion).contains(plan.version) else {
            throw refused("line \(line): plan version \(plan.version) is outside 1…\(ResultRecord.maximumVersion)")
        }
        guard plan.json.utf8.count <= BundledPlan.maximumJSONBytes,
            (plan.inputFiles?.utf8.count ?? 0) <= BundledPlan.maximumJSONBytes
        else { throw refused("line \(line): the plan is larger than \(BundledPlan.maximumJSONBytes) bytes") }
        try time(plan.createdAt, "the plan's making", line: line)
        try time(plan.publishedAt, "the plan's publication", line: line)
        guard plan.publishedAt >= plan.createdAt else {
            throw refused("line \(line): the plan is published before it was made")
        }
        for text in [plan.inputsSHA256, plan.fromDay].compactMap({ $0 }) { try bounded(text, line: line) }
        if let problem = rules.planProblem(plan.json) { throw refused("line \(line): the plan: \(problem)") }
    }

    private func time(_ date: Date, _ what: String, line: Int) throws {
        guard date <= bundle.created || line == 1, date >= ImportRules.earliest else {
            throw refused("line \(line): \(what), \(date), is after the bundle's export time or before 2000")
        }
    }

    private func bounded(_ text: String, line: Int) throws {
        guard text.utf8.count <= ImportRules.maximumTextBytes else {
            throw refused("line \(line): a text of more than \(ImportRules.maximumTextBytes) bytes")
        }
    }

    private func refused(_ reason: String) -> BundleError { .refused(reason) }
}

/// The items that apply to each vehicle, computed once per vehicle.
private final class ApplicableItems {
    private var byVehicle: [String: Set<String>] = [:]
    /// The vehicle asked for last and its items: a bundle's results come inspection by inspection.
    private var last: (vehicle: String, items: Set<String>)?

    func items(of vehicle: String, in catalog: Catalog) -> Set<String> {
        if let last, last.vehicle == vehicle { return last.items }
        let items = known(vehicle, in: catalog)
        last = (vehicle, items)
        return items
    }

    private func known(_ vehicle: String, in catalog: Catalog) -> Set<String> {
        if let known = byVehicle[vehicle] { return known }
        let items = catalog.placement(ofVehicle: vehicle).map {
            Set(catalog.items(applyingTo: $0.vehicle).map(\.fullID))
        }
        byVehicle[vehicle] = items ?? []
        return items ?? []
    }
}

/// One version of one result.
private struct VersionKey: Hashable {
    let id: UUID
    let version: Int
}
