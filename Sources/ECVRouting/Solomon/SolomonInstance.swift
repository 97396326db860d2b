import Foundation

/// A VRPTW instance in Solomon's text format: a name, fleet size and capacity, then one row per node
/// (number, x, y, demand, ready time, due date, service time) with the depot as node 0.
public struct SolomonInstance: Sendable {
    /// The instance's name, as the file's first line gives it (`C101`).
    public var name: String
    /// How many vehicles the fleet has.
    public var vehicleCount: Int
    /// Each vehicle's capacity.
    public var capacity: Int
    /// The depot (node 0), then the customers, in file order.
    public var nodes: [Node]

    /// One row of the customer table.
    public struct Node: Sendable, Equatable {
        /// The node's number in the file.
        public var number: Int
        /// The x coordinate.
        public var x: Double
        /// The y coordinate.
        public var y: Double
        /// The customer's demand.
        public var demand: Int
        /// The earliest service start.
        public var ready: Double
        /// The latest service start.
        public var due: Double
        /// How long the service takes.
        public var service: Double
    }

    /// Why a file is not a Solomon instance; carries the line for the message.
    public struct FormatError: Error, CustomStringConvertible, Equatable {
        /// The 1-based line of the file.
        public var line: Int
        /// What is wrong there.
        public var message: String

        /// `line: message`.
        public var description: String { "\(line): \(message)" }
    }

    /// Parses the text of an instance file (LF or CRLF line ends).
    public init(parsing text: String) throws(FormatError) {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        func nextNonEmpty() -> (Int, String)? {
            while index < lines.count {
                defer { index += 1 }
                if !lines[index].isEmpty { return (index + 1, lines[index]) }
            }
            return nil
        }
        guard let (_, name) = nextNonEmpty() else { throw FormatError(line: 1, message: "empty file") }
        self.name = name
        var fleet: (Int, Int)?
        var nodes: [Node] = []
        while let (number, line) = nextNonEmpty() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let numbers = fields.compactMap { Double($0) }
            guard numbers.count == fields.count else { continue }  // headings
            if fleet == nil {
                guard numbers.count == 2, let count = Int(exactly: numbers[0]), let capacity = Int(exactly: numbers[1]),
                    count > 0, capacity > 0
                else { throw FormatError(line: number, message: "expected fleet size and capacity, found `\(line)`") }
                fleet = (count, capacity)
                continue
            }
            guard numbers.count == 7, let id = Int(exactly: numbers[0]), let demand = Int(exactly: numbers[3]),
                numbers.allSatisfy(\.isFinite), numbers[4] <= numbers[5], numbers[6] >= 0, demand >= 0
            else { throw FormatError(line: number, message: "expected 7 numbers of a customer row, found `\(line)`") }
            guard id == nodes.count else {
                throw FormatError(line: number, message: "expected customer \(nodes.count), found \(id)")
            }
            nodes.append(
                Node(
                    number: id, x: numbers[1], y: numbers[2], demand: demand, ready: numbers[4], due: numbers[5],
                    service: numbers[6]))
        }
        guard let (vehicleCount, capacity) = fleet else { throw FormatError(line: 1, message: "no fleet line") }
        guard nodes.count >= 2 else { throw FormatError(line: lines.count, message: "no customers") }
        self.vehicleCount = vehicleCount
        self.capacity = capacity
        self.nodes = nodes
    }

    /// The instance as a routing problem: Euclidean distances in double precision, travel time equal to
    /// distance, service allowed to start inside [ready, due], return to the depot by its due date.
    public var problem: RoutingProblem {
        let size = nodes.count
        var distances = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size {
                let dx = nodes[i].x - nodes[j].x
                let dy = nodes[i].y - nodes[j].y
                distances[i * size + j] = (dx * dx + dy * dy).squareRoot()
            }
        }
        let depot = nodes[0]
        let jobs = nodes.dropFirst().map { node in
            RoutingProblem.Job(
                location: node.number, serviceDuration: node.service, windows: [TimeWindow(node.ready, node.due)],
                demand: node.demand)
        }
        let vehicle = RoutingProblem.Vehicle(
            startLocation: 0, endLocation: 0, shift: TimeWindow(depot.ready, depot.due), capacity: capacity)
        return RoutingProblem(
            jobs: jobs, vehicles: Array(repeating: vehicle, count: vehicleCount),
            matrix: TravelMatrix(size: size, distances: distances, durations: distances))
    }
}
