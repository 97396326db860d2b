import Foundation

/// Checks a bundle's audit lines: each is the signer's, dated inside the bundle, and names a record the
/// bundle carries with what that record says; each result and photo has exactly one line, each new
/// inspection exactly one line that starts it.
struct AuditCheck {
    let bundle: SyncBundle
    /// The vehicle of every inspection named.
    let vehicles: [UUID: String]
    /// The inspections that are not in the database yet.
    let fresh: Set<UUID>
    /// The bundle line of the first audit line.
    let firstLine: Int

    static let maximumJSONBytes = 64 * 1024

    func run() throws(BundleError) {
        var results: [String: ResultRecord] = [:]
        for result in bundle.results { results["\(result.id.text)#\(result.version)"] = result }
        var photos: [String: PhotoRecord] = [:]
        for bundled in bundle.photos { photos[bundled.photo.id.text] = bundled.photo }
        var inspections: [String: InspectionRecord] = [:]
        for inspection in bundle.inspections { inspections[inspection.id.text] = inspection }
        var ids: Set<UUID> = []
        var named: [String: Int] = [:]
        var describer = ResultDescriber(stamp: TimeStamp(bundle.created))
        for (offset, entry) in bundle.audit.enumerated() {
            let line = firstLine + offset
            func refuse(_ reason: String) -> BundleError { .refused("line \(line): audit line \(reason)") }
            guard ids.insert(entry.id).inserted else { throw refuse("\(entry.id) twice") }
            guard entry.laptop == bundle.laptop else {
                throw refuse("of laptop `\(entry.laptop)`, not \(bundle.laptop)")
            }
            guard entry.at <= bundle.created, entry.at >= ImportRules.earliest else {
                throw refuse("dated \(entry.at), after the bundle's export time or before 2000")
            }
            guard entry.new.utf8.count <= AuditCheck.maximumJSONBytes,
                (entry.old?.utf8.count ?? 0) <= AuditCheck.maximumJSONBytes,
                entry.who.utf8.count <= ImportRules.maximumTextBytes
            else { throw refuse("too long") }
            switch entry.entity {
            case "result":
                guard let result = results[entry.entityID] else { throw refuse("names no result of the bundle") }
                guard entry.who == result.recordedBy, entry.vehicleID == vehicles[result.inspectionID],
                    (entry.old == nil) == (result.version == 1), describer.describes(entry.new, result)
                else { throw refuse("does not say what result \(entry.entityID) says") }
                named["r" + entry.entityID, default: 0] += 1
            case "photo":
                guard let photo = photos[entry.entityID] else { throw refuse("names no photo of the bundle") }
                guard entry.who == photo.takenBy, entry.vehicleID == photo.vehicleID, entry.old == nil else {
                    throw refuse("does not say what photo \(entry.entityID) says")
                }
                named["p" + entry.entityID, default: 0] += 1
            case "inspection":
                guard let inspection = inspections[entry.entityID] else {
                    throw refuse("names no inspection of the bundle")
                }
                guard entry.vehicleID == inspection.vehicleID else { throw refuse("names another vehicle") }
                if entry.old == nil {
                    guard entry.who == inspection.engineer else { throw refuse("names another engineer") }
                    named["i" + entry.entityID, default: 0] += 1
                } else {
                    guard inspection.finishedAt != nil else { throw refuse("finishes an open inspection") }
                    named["f" + entry.entityID, default: 0] += 1
                }
            default:
                throw refuse("of kind `\(entry.entity)`")
            }
        }
        for key in results.keys where named["r" + key] != 1 {
            throw .refused("result \(key) has \(named["r" + key] ?? 0) audit lines; it needs exactly one")
        }
        for key in photos.keys where named["p" + key] != 1 {
            throw .refused("photo \(key) has \(named["p" + key] ?? 0) audit lines; it needs exactly one")
        }
        for inspection in bundle.inspections {
            let key = inspection.id.text
            // An inspection here already may come again with its start (a bundle imported twice) or without.
            let starts = fresh.contains(inspection.id) ? 1...1 : 0...1
            guard starts.contains(named["i" + key] ?? 0), (named["f" + key] ?? 0) <= 1
            else { throw .refused("inspection \(key) needs exactly one audit line that starts it") }
        }
    }

    /// Whether an audit line's JSON describes `result`: the fields `ecv history` shows must agree.
    ///
    /// A laptop writes the line from the row itself, so the line is most often byte for byte the row's own
    /// audit JSON; only when it is not is it parsed and compared field by field.
    struct ResultDescriber {
        let stamp: TimeStamp
        /// Recording times in the audit lines' form: a batch shares one time, and formatting is slow.
        private var texts: [Date: String] = [:]

        init(stamp: TimeStamp) {
            self.stamp = stamp
        }

        mutating func describes(_ json: String, _ result: ResultRecord) -> Bool {
            let text = texts[result.recordedAt] ?? stamp.format(result.recordedAt)
            texts[result.recordedAt] = text
            return json == result.auditJSON(text) || AuditCheck.describes(json, result)
        }
    }

    static func describes(_ json: String, _ result: ResultRecord) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return false
        }
        func text(_ key: String) -> String? { object[key] as? String }
        let value = (object["value"] as? NSNumber)?.doubleValue
        return text("id").flatMap(UUID.init(uuidString:)) == result.id && text("itemID") == result.itemID
            && text("status") == result.status && text("note") == result.note && text("choice") == result.choice
            && text("text") == result.text && text("recordedBy") == result.recordedBy
            && text("laptop") == result.laptop && (object["version"] as? NSNumber)?.intValue == result.version
            && (value == result.value || (result.value.map { !$0.isFinite } ?? false))
    }
}
