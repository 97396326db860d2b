import Foundation

/// What is known of one vehicle's inspections, as plain values: every inspection, every result recorded in
/// them and the photos, oldest first.
///
/// The last result of an item in `results` is the one that counts, as for the readiness board.
public struct VehicleHistory: Sendable, Equatable {
    /// The vehicle's id, as in its line's YAML.
    public var vehicleID: String
    /// Oldest first.
    public var inspections: [Inspection]
    /// Every result as recorded, in recording order (corrections after what they correct).
    public var results: [RecordedResult]
    /// In the order they were taken.
    public var photos: [Photo]

    /// One visit's work on the vehicle: a full inspection or a recheck after a repair.
    public struct Inspection: Sendable, Equatable {
        /// The inspection's record identity, the same on every laptop and the hub.
        public var id: UUID
        /// The engineer who opened the inspection.
        public var engineer: String
        /// When the first answer of the inspection was recorded.
        public var startedAt: Date
        /// A recheck records new results for the items that failed before, after their repair.
        public var isRecheck: Bool

        /// An inspection of these parts.
        public init(id: UUID, engineer: String, startedAt: Date, isRecheck: Bool) {
            self.id = id
            self.engineer = engineer
            self.startedAt = startedAt
            self.isRecheck = isRecheck
        }
    }

    /// A result with when, by whom and in which inspection it was recorded.
    public struct RecordedResult: Sendable, Equatable {
        /// The result itself: item, outcome, measured value, note.
        public var result: ItemResult
        /// The inspection the result belongs to.
        public var inspectionID: UUID
        /// When the engineer recorded it.
        public var recordedAt: Date

        /// A result of this inspection, recorded at this time.
        public init(result: ItemResult, inspectionID: UUID, recordedAt: Date) {
            self.result = result
            self.inspectionID = inspectionID
            self.recordedAt = recordedAt
        }
    }

    /// A photo of an item with its bytes, to embed.
    public struct Photo: Sendable, Equatable {
        /// The photo's record identity.
        public var id: UUID
        /// The checklist item it shows.
        public var itemID: String
        /// `image/jpeg` or `image/png`.
        public var contentType: String
        /// When the photo was taken.
        public var takenAt: Date
        /// The image bytes as stored.
        public var data: Data

        /// A photo with these parts.
        public init(id: UUID, itemID: String, contentType: String, takenAt: Date, data: Data) {
            self.id = id
            self.itemID = itemID
            self.contentType = contentType
            self.takenAt = takenAt
            self.data = data
        }
    }

    /// A history of these parts, empty by default.
    public init(
        vehicleID: String, inspections: [Inspection] = [], results: [RecordedResult] = [], photos: [Photo] = []
    ) {
        self.vehicleID = vehicleID
        self.inspections = inspections
        self.results = results
        self.photos = photos
    }

    /// A history of results only, all in one inspection at `date`: for examples and tests.
    public init(vehicleID: String, results: [ItemResult], at date: Date = Date(timeIntervalSince1970: 0)) {
        let inspection = Inspection(
            id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), engineer: "", startedAt: date,
            isRecheck: false)
        self.init(
            vehicleID: vehicleID, inspections: results.isEmpty ? [] : [inspection],
            results: results.map { RecordedResult(result: $0, inspectionID: inspection.id, recordedAt: date) })
    }

    /// The results alone, in recording order.
    public var itemResults: [ItemResult] { results.map(\.result) }
}
