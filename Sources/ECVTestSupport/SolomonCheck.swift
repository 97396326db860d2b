import ECVRouting

/// An independent check of a Solomon solution, written from the instance's rules and sharing no code
/// with the engine: every customer once, capacity, service start inside [ready, due] with waiting, back
/// at the depot by its due date, no more routes than vehicles, and the distance as reported.
public enum SolomonCheck {
    /// The first violated rule, or `nil` when the solution is feasible.
    public static func violation(_ solution: RoutingSolution, _ instance: SolomonInstance) -> String? {
        let nodes = instance.nodes
        func distance(_ a: Int, _ b: Int) -> Double {
            let dx = nodes[a].x - nodes[b].x
            let dy = nodes[a].y - nodes[b].y
            return (dx * dx + dy * dy).squareRoot()
        }
        if solution.routes.count > instance.vehicleCount {
            return "\(solution.routes.count) routes for \(instance.vehicleCount) vehicles"
        }
        var seen = [Int](repeating: 0, count: nodes.count)
        var total = 0.0
        for route in solution.routes {
            // Jobs are customers 1…n in file order.
            let customers = route.jobs.map { $0 + 1 }
            var load = 0
            var time = nodes[0].ready
            var at = 0
            for customer in customers {
                guard customer >= 1, customer < nodes.count else { return "unknown customer \(customer)" }
                seen[customer] += 1
                load += nodes[customer].demand
                total += distance(at, customer)
                time = max(time + nodes[at].service + distance(at, customer), nodes[customer].ready)
                if time > nodes[customer].due + 1e-9 {
                    return "customer \(customer) starts at \(time), due \(nodes[customer].due)"
                }
                at = customer
            }
            total += distance(at, 0)
            let back = time + nodes[at].service + distance(at, 0)
            if back > nodes[0].due + 1e-9 { return "route returns at \(back), depot due \(nodes[0].due)" }
            if load > instance.capacity { return "route load \(load) exceeds capacity \(instance.capacity)" }
        }
        if let customer = (1..<nodes.count).first(where: { seen[$0] != 1 }) {
            return "customer \(customer) served \(seen[customer]) times"
        }
        if abs(total - solution.distance) > 1e-6 * max(1, total) {
            return "reported distance \(solution.distance), recomputed \(total)"
        }
        return nil
    }

    /// Whether `solution` breaks none of the instance's rules.
    public static func isFeasible(_ solution: RoutingSolution, _ instance: SolomonInstance) -> Bool {
        violation(solution, instance) == nil
    }
}
