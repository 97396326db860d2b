import Foundation

/// A sync bundle (`*.ecvbundle`): what one laptop recorded since its last export, as JSON lines.
///
/// The first line is the manifest: format, bundle id, laptop, time, and per part (`inspections`,
/// `results`, `audit`, `photos`, in that order) the number of lines and the SHA-256 of those lines' bytes (each line
/// with its `\n`). Then come the parts' lines, one record per line, and last the signature line: the
/// laptop's Ed25519 signature over every byte before it (`BundleSignature`). A bundle whose line counts or
/// hashes do not match its manifest is rejected as a whole.
public struct SyncBundle: Sendable, Equatable {
    /// The bundle's identity: the same bundle twice is taken once.
    public var id: UUID
    /// The name of the bundle key that exports it.
    public var laptop: String
    /// When it was exported.
    public var created: Date
    /// The inspections opened or changed since the last export.
    public var inspections: [InspectionRecord]
    /// The result versions recorded since the last export.
    public var results: [ResultRecord]
    /// The audit lines written since the last export.
    public var audit: [AuditRecord]
    /// The photos taken since the last export, with their bytes.
    public var photos: [BundledPhoto]
    /// The published plan of the exporting database, for laptops to follow; `nil` when none is published.
    public var plan: BundledPlan?
    /// The signature line of a bundle read from bytes; `nil` when it had none.
    public var signature: BundleSignature?
    /// The bytes the signature covers: everything before the signature line.
    package var signedContent = Data()

    /// A bundle of these parts, unsigned.
    public init(
        id: UUID, laptop: String, created: Date, inspections: [InspectionRecord], results: [ResultRecord],
        audit: [AuditRecord], photos: [BundledPhoto] = [], plan: BundledPlan? = nil
    ) {
        self.id = id
        self.laptop = laptop
        self.created = created
        self.inspections = inspections
        self.results = results
        self.audit = audit
        self.photos = photos
        self.plan = plan
    }

    package static let format = "ecv-bundle/1"
    /// The largest bundle file read: a tour's results are far below it, a runaway file is refused.
    public static let maximumBytes = 1 << 30
    /// The longest line: a photo of `PhotoKind.maximumBytes` in base64, with its row.
    package static let maximumLineBytes = PhotoKind.maximumBytes / 3 * 4 + 64 * 1024
    /// The most records a bundle may hold.
    package static let maximumRecords = 4_000_000
    package static let partNames = ["inspections", "results", "audit", "photos", "plan"]

    struct Manifest: Codable {
        var format: String
        var id: UUID
        var laptop: String
        var created: Date
        var parts: [Part]

        struct Part: Codable {
            var name: String
            var lines: Int
            var sha256: String
        }
    }

    /// Times travel in the database's own form (`2027-03-14 04:54:20.123`, UTC), so that a time read
    /// back from a bundle is the very time the database held.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DatabaseTime.text(date))
        }
        return encoder
    }

    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = DatabaseTime.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// The bundle's bytes, signed with `key`: the signature line covers every byte before it.
    public func encoded(signedWith key: LaptopKey) throws -> Data {
        var data = try encoded()
        data.append(try key.signatureLine(for: data))
        return data
    }

    /// The bundle's bytes without a signature line.
    public func encoded() throws -> Data {
        let encoder = SyncBundle.encoder()
        func lines(_ values: [some Encodable]) throws -> Data {
            var data = Data()
            for value in values {
                data.append(try encoder.encode(value))
                data.append(0x0A)
            }
            return data
        }
        let plans = plan.map { [$0] } ?? []
        let parts = [
            try lines(inspections), try lines(results), try lines(audit), try lines(photos), try lines(plans),
        ]
        let counts = [inspections.count, results.count, audit.count, photos.count, plans.count]
        let manifest = Manifest(
            format: SyncBundle.format, id: id, laptop: laptop, created: created,
            parts: zip(SyncBundle.partNames, zip(counts, parts)).map { name, part in
                Manifest.Part(name: name, lines: part.0, sha256: part.1.sha256Hex)
            })
        var data = try encoder.encode(manifest)
        data.append(0x0A)
        for part in parts { data.append(part) }
        return data
    }
}

/// A photo as a bundle carries it: its row and its bytes.
public struct BundledPhoto: Codable, Sendable, Equatable {
    /// The photo's row.
    public var photo: PhotoRecord
    /// The image bytes; their SHA-256 is the row's `sha256`.
    public var data: Data

    /// A photo's row with its bytes.
    public init(photo: PhotoRecord, data: Data) {
        self.photo = photo
        self.data = data
    }
}

/// Why a bundle cannot be imported; nothing is changed then.
public enum BundleError: Error, CustomStringConvertible, Equatable {
    case notABundle(String)
    case truncated(String)
    case corrupted(String)
    case tooLarge(String)
    /// The bundle is well-formed, but what it says cannot be taken: a missing or wrong signature, an
    /// unknown vehicle, a time in the future, a version out of range.
    case refused(String)

    /// The reason in one line, ending with what happened to the receiver's data.
    public var description: String {
        switch self {
        case .notABundle(let reason): return "not an ecv sync bundle: \(reason)"
        case .truncated(let reason): return "the bundle is truncated (\(reason)); nothing was imported"
        case .corrupted(let reason):
            return "the bundle is corrupted or was changed (\(reason)); nothing was imported"
        case .tooLarge(let reason): return "the bundle is too large (\(reason)); nothing was imported"
        case .refused(let reason): return "the bundle is refused: \(reason); nothing was imported"
        }
    }
}
