import ECVModel
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
    /// The receiver's audit lines with the ids of the bundle's: one may come again, naming the same record only.
    let held: [UUID: AuditedRecord]

    static let maximumJSONBytes = EntryLimits.standard.auditLineBytes

    func run() throws(BundleError) {
        // Each record by its key (the last of two alike), and how many lines name it, by its place in the bundle.
        let results = AuditCheck.places(of: bundle.results) { "\($0.id.text)#\($0.version)" }
        let photos = AuditCheck.places(of: bundle.photos) { $0.photo.id.text }
        let inspections = AuditCheck.places(of: bundle.inspections) { $0.id.text }
        var resultLines = Array(repeating: 0, count: bundle.results.count)
        var photoLines = Array(repeating: 0, count: bundle.photos.count)
        var starts = Array(repeating: 0, count: bundle.inspections.count)
        var ends = Array(repeating: 0, count: bundle.inspections.count)
        var ids: Set<UUID> = []
        ids.reserveCapacity(bundle.audit.count)
        var describer = ResultDescriber()
        for (offset, entry) in bundle.audit.enumerated() {
            let line = firstLine + offset
            func refuse(_ reason: String) -> BundleError { .refused("line \(line): audit line \(reason)") }
            guard ids.insert(entry.id).inserted else { throw refuse("\(entry.id) twice") }
            if let here = held[entry.id], here != AuditedRecord(entity: entry.entity, entityID: entry.entityID) {
                throw refuse("\(entry.id) is here already, for \(here.entity) \(here.entityID)")
            }
            guard entry.laptop == bundle.laptop else {
                throw refuse("of laptop `\(entry.laptop)`, not \(bundle.laptop)")
            }
            guard entry.at <= bundle.created, entry.at >= ImportRules.earliest else {
                throw refuse("dated \(DatabaseTime.text(entry.at)), after the bundle's export time or before 2000")
            }
            guard entry.new.utf8.count <= AuditCheck.maximumJSONBytes,
                (entry.old?.utf8.count ?? 0) <= AuditCheck.maximumJSONBytes,
                entry.who.utf8.count <= ImportRules.maximumTextBytes
            else { throw refuse("too long") }
            switch entry.entity {
            case "result":
                guard let place = results[entry.entityID] else { throw refuse("names no result of the bundle") }
                let result = bundle.results[place]
                guard entry.who == result.recordedBy, entry.vehicleID == vehicles[result.inspectionID],
                    (entry.old == nil) == (result.version == 1), describer.describes(entry.new, result)
                else { throw refuse("does not say what result \(entry.entityID) says") }
                resultLines[place] += 1
            case "photo":
                guard let place = photos[entry.entityID] else { throw refuse("names no photo of the bundle") }
                let photo = bundle.photos[place].photo
                guard entry.who == photo.takenBy, entry.vehicleID == photo.vehicleID, entry.old == nil,
                    AuditCheck.describes(entry.new, photo)
                else {
                    throw refuse("does not say what photo \(entry.entityID) says")
                }
                photoLines[place] += 1
            case "inspection":
                guard let place = inspections[entry.entityID] else {
                    throw refuse("names no inspection of the bundle")
                }
                let inspection = bundle.inspections[place]
                guard entry.vehicleID == inspection.vehicleID else { throw refuse("names another vehicle") }
                if entry.old == nil {
                    guard entry.who == inspection.engineer else { throw refuse("names another engineer") }
                    starts[place] += 1
                } else {
                    guard inspection.finishedAt != nil else { throw refuse("finishes an open inspection") }
                    ends[place] += 1
                }
            default:
                throw refuse("of kind `\(entry.entity)`")
            }
        }
        for (key, place) in results where resultLines[place] != 1 {
            throw .refused("result \(key) has \(resultLines[place]) audit lines; it needs exactly one")
        }
        for (key, place) in photos where photoLines[place] != 1 {
            throw .refused("photo \(key) has \(photoLines[place]) audit lines; it needs exactly one")
        }
        for (place, inspection) in bundle.inspections.enumerated() {
            let key = inspection.id.text
            let counted = inspections[key] ?? place
            // An inspection here already may come again with its start (a bundle imported twice) or without.
            let allowed = fresh.contains(inspection.id) ? 1...1 : 0...1
            guard allowed.contains(starts[counted]), ends[counted] <= 1
            else { throw .refused("inspection \(key) needs exactly one audit line that starts it") }
        }
    }

    /// The place in `records` of each key `key` gives, the last place when two records have one key.
    private static func places<T>(of records: [T], key: (T) -> String) -> [String: Int] {
        var places: [String: Int] = [:]
        places.reserveCapacity(records.count)
        for (place, record) in records.enumerated() { places[key(record)] = place }
        return places
    }

    /// Whether an audit line's JSON describes `result`: the fields `ecv history` shows must agree.
    ///
    /// A laptop writes the line from the row itself, so the line is most often byte for byte the row's own
    /// audit JSON; only when it is not is it parsed and compared field by field.
    struct ResultDescriber {
        private let formatter = ISO8601DateFormatter()
        /// Recording times in the audit lines' form: a batch shares one time, and formatting is slow.
        private var texts: [Date: String] = [:]

        mutating func describes(_ json: String, _ result: ResultRecord) -> Bool {
            let text = texts[result.recordedAt] ?? formatter.string(from: result.recordedAt)
            texts[result.recordedAt] = text
            return result.auditObject(text).isFinished(as: json) || AuditCheck.describes(json, result)
        }
    }

    /// The fields of a photo's audit JSON: what the photo is, by its bytes.
    private struct AuditedPhoto: Decodable, Equatable {
        var bytes: Int
        var contentType: String
        var itemID: String
        var sha256: String
    }

    /// Whether a photo's audit JSON says what its row says: item, type, size and SHA-256.
    static func describes(_ json: String, _ photo: PhotoRecord) -> Bool {
        let line = try? JSONDecoder().decode(AuditedPhoto.self, from: Data(json.utf8))
        return line
            == AuditedPhoto(
                bytes: photo.bytes, contentType: photo.contentType, itemID: photo.itemID, sha256: photo.sha256)
    }

    static func describes(_ json: String, _ result: ResultRecord) -> Bool {
        guard let line = try? JSONDecoder().decode(AuditedResult.self, from: Data(json.utf8)) else { return false }
        return line.id == result.id && line.itemID == result.itemID && line.status == result.status
            && line.note == result.note && line.choice == result.choice && line.text == result.text
            && line.recordedBy == result.recordedBy && line.laptop == result.laptop && line.version == result.version
            && (line.value == result.value || (result.value.map { !$0.isFinite } ?? false))
    }
}

/// The fields of a result's audit line (its `old` or `new` JSON).
///
/// What `ecv history` shows and what the import checks against the result it describes, decoded once and typed; a
/// field a line lacks is `nil`.
public struct AuditedResult: Decodable, Sendable, Equatable {
    /// The result's record identity.
    public var id: UUID?
    /// The full item id.
    public var itemID: String?
    /// `pass`, `fail`, `na` or `untested`.
    public var status: String?
    /// The engineer's note.
    public var note: String?
    /// The chosen option.
    public var choice: String?
    /// The text answer.
    public var text: String?
    /// The engineer who recorded it.
    public var recordedBy: String?
    /// The laptop it was recorded on.
    public var laptop: String?
    /// The result's version.
    public var version: Int?
    /// The measured value.
    public var value: Double?

    /// The result described by an audit line's JSON; `nil` when it is not one.
    public init?(json: String?) {
        guard let json, let line = try? JSONDecoder().decode(AuditedResult.self, from: Data(json.utf8)) else {
            return nil
        }
        self = line
    }
}
