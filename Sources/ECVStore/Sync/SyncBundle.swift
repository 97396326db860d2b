import Foundation
import GRDB

/// A sync bundle (`*.ecvbundle`): what one laptop recorded since its last export, as JSON lines.
///
/// The first line is the manifest: format, bundle id, laptop, time, and per part (`inspections`,
/// `results`, `audit`, `photos`, in that order) the number of lines and the SHA-256 of those lines' bytes (each line
/// with its `\n`). Then come the parts' lines, one record per line. A bundle whose line counts or hashes
/// do not match its manifest is rejected as a whole.
public struct SyncBundle: Sendable, Equatable {
    public var id: UUID
    public var laptop: String
    public var created: Date
    public var inspections: [InspectionRecord]
    public var results: [ResultRecord]
    public var audit: [AuditRecord]
    public var photos: [BundledPhoto]

    public init(
        id: UUID, laptop: String, created: Date, inspections: [InspectionRecord], results: [ResultRecord],
        audit: [AuditRecord], photos: [BundledPhoto] = []
    ) {
        self.id = id
        self.laptop = laptop
        self.created = created
        self.inspections = inspections
        self.results = results
        self.audit = audit
        self.photos = photos
    }

    static let format = "ecv-bundle/1"
    static let partNames = ["inspections", "results", "audit", "photos"]

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
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(String.fromDatabaseValue(date.databaseValue) ?? "")
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Date.fromDatabaseValue(text.databaseValue) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// The bundle's bytes.
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
        let parts = [try lines(inspections), try lines(results), try lines(audit), try lines(photos)]
        let counts = [inspections.count, results.count, audit.count, photos.count]
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

    /// Reads and checks a bundle: every count and hash of the manifest must hold, every line must decode.
    public init(data: Data) throws(BundleError) {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { throw .truncated("the last line is cut off") }
        lines.removeLast()
        let decoder = SyncBundle.decoder()
        guard let first = lines.first, let manifest = try? decoder.decode(Manifest.self, from: Data(first)) else {
            throw .notABundle("the first line is not an ecv bundle manifest")
        }
        guard manifest.format == SyncBundle.format else {
            throw .notABundle("format `\(manifest.format)`, expected `\(SyncBundle.format)`")
        }
        // Bundles written before photos travelled have the first three parts only.
        let names = manifest.parts.map(\.name)
        guard names == SyncBundle.partNames || names == Array(SyncBundle.partNames.prefix(3)),
            manifest.parts.allSatisfy({ $0.lines >= 0 })
        else {
            throw .notABundle("the manifest must list the parts \(SyncBundle.partNames.joined(separator: ", "))")
        }
        let expected = manifest.parts.reduce(0) { $0 + $1.lines }
        guard lines.count - 1 == expected else {
            throw .truncated("the manifest lists \(expected) records, the file holds \(lines.count - 1)")
        }
        var start = 1
        var partLines: [[Data.SubSequence]] = []
        for part in manifest.parts {
            let slice = Array(lines[start..<start + part.lines])
            var bytes = Data()
            for line in slice {
                bytes.append(contentsOf: line)
                bytes.append(0x0A)
            }
            guard bytes.sha256Hex == part.sha256 else {
                throw .corrupted("the \(part.name) fail their SHA-256 check")
            }
            partLines.append(slice)
            start += part.lines
        }
        func decode<T: Decodable>(_ type: T.Type, _ part: Int) throws(BundleError) -> [T] {
            var values: [T] = []
            for (offset, line) in partLines[part].enumerated() {
                guard let value = try? decoder.decode(T.self, from: Data(line)) else {
                    let number = 2 + manifest.parts[..<part].reduce(0) { $0 + $1.lines } + offset
                    throw .corrupted("line \(number) is not a valid \(SyncBundle.partNames[part]) record")
                }
                values.append(value)
            }
            return values
        }
        self.init(
            id: manifest.id, laptop: manifest.laptop, created: manifest.created,
            inspections: try decode(InspectionRecord.self, 0), results: try decode(ResultRecord.self, 1),
            audit: try decode(AuditRecord.self, 2),
            photos: manifest.parts.count > 3 ? try decode(BundledPhoto.self, 3) : [])
    }

}

/// A photo as a bundle carries it: its row and its bytes.
public struct BundledPhoto: Codable, Sendable, Equatable {
    public var photo: PhotoRecord
    public var data: Data
}

/// Why a bundle cannot be imported; nothing is changed then.
public enum BundleError: Error, CustomStringConvertible, Equatable {
    case notABundle(String)
    case truncated(String)
    case corrupted(String)

    public var description: String {
        switch self {
        case .notABundle(let reason): return "not an ecv sync bundle: \(reason)"
        case .truncated(let reason): return "the bundle is truncated (\(reason)); nothing was imported"
        case .corrupted(let reason):
            return "the bundle is corrupted or was changed (\(reason)); nothing was imported"
        }
    }
}
