import Foundation

/// What is known of one vehicle's inspections, as plain values: every inspection, every result recorded in
/// them and the photos, oldest first.
///
/// The last result of an item in `results` is the one that counts, as for the readiness board.
public struct VehicleHistory: Sendable, Equatable {
    public var vehicleID: String
    /// Oldest first.
    public var inspections: [Inspection]
    /// Every result as recorded, in recording order (corrections after what they correct).
    public var results: [RecordedResult]
    /// In the order they were taken.
    public var photos: [Photo]

    /// One visit's work on the vehicle: a full inspection or a recheck after a repair.
    public struct Inspection: Sendable, Equatable {
        public var id: UUID
        public var engineer: String
        public var startedAt: Date
        /// A recheck records new results for the items that failed before, after their repair.
        public var isRecheck: Bool

        public init(id: UUID, engineer: String, startedAt: Date, isRecheck: Bool) {
            self.id = id
            self.engineer = engineer
            self.startedAt = startedAt
            self.isRecheck = isRecheck
        }
    }

    /// A result with when, by whom and in which inspection it was recorded.
    public struct RecordedResult: Sendable, Equatable {
        public var result: ItemResult
        public var inspectionID: UUID
        public var recordedAt: Date

        public init(result: ItemResult, inspectionID: UUID, recordedAt: Date) {
            self.result = result
            self.inspectionID = inspectionID
            self.recordedAt = recordedAt
        }
    }

    /// A photo of an item with its bytes, to embed.
    public struct Photo: Sendable, Equatable {
        public var id: UUID
        public var itemID: String
        /// `image/jpeg` or `image/png`.
        public var contentType: String
        public var takenAt: Date
        public var data: Data

        public init(id: UUID, itemID: String, contentType: String, takenAt: Date, data: Data) {
            self.id = id
            self.itemID = itemID
            self.contentType = contentType
            self.takenAt = takenAt
            self.data = data
        }
    }

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
