import Foundation

extension SyncBundle {
    /// Reads and checks a bundle's form: every count and hash of the manifest must hold, every line must
    /// decode, and no line or count may exceed the limits.
    ///
    /// The signature line, when there is one, is kept for `Store.importBundle` to verify against the
    /// enrolled key of the laptop; what the records say is checked there too, not here.
    public init(data: Data) throws(BundleError) {
        guard data.count <= SyncBundle.maximumBytes else {
            throw .tooLarge("\(data.count) bytes; a bundle may have at most \(SyncBundle.maximumBytes)")
        }
        guard data.last == 0x0A else { throw .truncated("the last line is cut off") }
        let lines = SyncBundle.lines(of: data)
        guard lines.count <= SyncBundle.maximumRecords + 2 else {
            throw .tooLarge("\(lines.count) lines; a bundle may hold at most \(SyncBundle.maximumRecords) records")
        }
        if let long = lines.firstIndex(where: { $0.count > SyncBundle.maximumLineBytes }) {
            throw .tooLarge("line \(long + 1) has more than \(SyncBundle.maximumLineBytes) bytes")
        }
        let decoder = SyncBundle.decoder()
        guard let first = lines.first, let manifest = try? decoder.decode(Manifest.self, from: Data(first)) else {
            throw .notABundle("the first line is not an ecv bundle manifest")
        }
        guard manifest.format == SyncBundle.format else {
            throw .notABundle("format `\(manifest.format)`, expected `\(SyncBundle.format)`")
        }
        // Bundles written before photos, and then plans, travelled have the first three or four parts only.
        let names = manifest.parts.map(\.name)
        guard (3...SyncBundle.partNames.count).contains(names.count),
            names == Array(SyncBundle.partNames.prefix(names.count))
        else {
            throw .notABundle("the manifest must list the parts \(SyncBundle.partNames.joined(separator: ", "))")
        }
        // Each count is checked against the lines there are before any is added up: no sum can overflow.
        guard manifest.parts.allSatisfy({ (0...lines.count).contains($0.lines) }) else {
            throw .truncated("the manifest lists more records than the file holds")
        }
        let expected = manifest.parts.reduce(0) { $0 + $1.lines }
        let records = lines.count - 1
        var signature: BundleSignature?
        var signedContent = Data()
        if records == expected + 1, let last = lines.last {
            guard let line = try? JSONDecoder().decode(BundleSignature.self, from: Data(last)) else {
                throw .corrupted("the last line is not a signature")
            }
            signature = line
            signedContent = data.prefix(upTo: last.startIndex)
        } else if records != expected {
            throw .truncated("the manifest lists \(expected) records, the file holds \(records)")
        }
        var start = 1
        var partLines: [ArraySlice<Data.SubSequence>] = []
        for part in manifest.parts {
            let slice = lines[start..<start + part.lines]
            // A part's lines lie one after the other, each with its newline: hashed as one run of bytes.
            let bytes = slice.first.map { first in data[first.startIndex..<(slice.last ?? first).endIndex + 1] }
            guard (bytes ?? Data()).sha256Hex == part.sha256 else {
                throw .corrupted("the \(part.name) fail their SHA-256 check")
            }
            partLines.append(slice)
            start += part.lines
        }
        func decode<T: Decodable & Sendable>(_ type: T.Type, _ part: Int) throws(BundleError) -> [T] {
            let slice = partLines[part]
            guard let values = ParallelDecoding.decode(T.self, Array(slice)) else {
                // The first line that does not decode, found again on one thread for the message.
                let decoder = SyncBundle.decoder()
                let offset =
                    slice.firstIndex { ParallelDecoding.value(T.self, of: $0, decoder) == nil } ?? slice.startIndex
                throw .corrupted("line \(offset + 1) is not a valid \(SyncBundle.partNames[part]) record")
            }
            return values
        }
        let plans = manifest.parts.count > 4 ? try decode(BundledPlan.self, 4) : []
        guard plans.count <= 1 else { throw .corrupted("the bundle carries \(plans.count) plans, at most one") }
        self.init(
            id: manifest.id, laptop: manifest.laptop, created: manifest.created,
            inspections: try decode(InspectionRecord.self, 0), results: try decode(ResultRecord.self, 1),
            audit: try decode(AuditRecord.self, 2),
            photos: manifest.parts.count > 3 ? try decode(BundledPhoto.self, 3) : [], plan: plans.first)
        self.signature = signature
        self.signedContent = signedContent
    }
}

extension SyncBundle {
    /// The lines of `data`, which ends with a newline, without their newlines.
    static func lines(of data: Data) -> [Data.SubSequence] {
        var lines: [Data.SubSequence] = []
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var start = 0
            // memchr finds each newline far faster than a byte-by-byte split of `Data`.
            while start < raw.count, let found = memchr(base + start, 0x0A, raw.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                lines.append(data[data.startIndex + start..<data.startIndex + end])
                start = end + 1
            }
        }
        return lines
    }
}

/// Decodes many JSON lines on every core: decoding is most of the time an import takes to read a bundle.
enum ParallelDecoding {
    /// The values of `lines`, in order; `nil` when any line does not decode.
    static func decode<T: Decodable & Sendable>(_ type: T.Type, _ lines: [Data.SubSequence]) -> [T]? {
        let chunks = lines.count < 2_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let size = (lines.count + chunks - 1) / max(chunks, 1)
        let results = ChunkResults<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = SyncBundle.decoder()
            let start = min(chunk * size, lines.count)
            let end = min(start + size, lines.count)
            var values: [T] = []
            values.reserveCapacity(end - start)
            for line in lines[start..<end] {
                guard let value = value(T.self, of: line, decoder) else {
                    results.set(chunk, nil)
                    return
                }
                values.append(value)
            }
            results.set(chunk, values)
        }
        return results.joined()
    }

    /// The value of one line: read directly when the record reads the compact form and the line is in it, else
    /// by `JSONDecoder`, which also refuses what is not a record.
    static func value<T: Decodable>(_ type: T.Type, of line: Data.SubSequence, _ decoder: JSONDecoder) -> T? {
        if let readable = T.self as? any CompactLineReadable.Type,
            let value = CompactLine.read(
                line, { line throws(CompactLine.NotCompact) in try readable.init(compact: &line) })
        {
            return value as? T
        }
        return try? decoder.decode(T.self, from: Data(line))
    }

    /// Each chunk's values, written by its own thread.
    private final class ChunkResults<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[T]?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ chunk: Int, _ decoded: [T]?) {
            lock.withLock { values[chunk] = decoded }
        }

        /// All values in order, `nil` when a chunk failed.
        func joined() -> [T]? {
            lock.withLock {
                guard values.allSatisfy({ $0 != nil }) else { return nil }
                return values.flatMap { $0 ?? [] }
            }
        }
    }
}
