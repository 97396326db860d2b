import Foundation

/// Bundles on their way: every bundle a laptop or the office wrote, and which databases have taken it.
///
/// Delivery is late, out of order and now and then twice, as USB sticks and mail are.
struct SeasonCourier {
    struct Parcel {
        /// The database that wrote it.
        var from: String
        var data: Data
        /// The databases that imported it.
        var taken: Set<String> = []
    }

    private(set) var parcels: [Parcel] = []

    mutating func send(_ data: Data, from sender: String) {
        parcels.append(Parcel(from: sender, data: data))
    }

    /// The parcels `receiver` has not taken, other than its own, in the order they were written.
    func waiting(for receiver: String, from senders: Set<String>? = nil) -> [Int] {
        parcels.indices.filter { index in
            let parcel = parcels[index]
            return parcel.from != receiver && !parcel.taken.contains(receiver)
                && (senders?.contains(parcel.from) ?? true)
        }
    }

    /// The parcels `receiver` has taken already, for a delivery made twice.
    func taken(by receiver: String) -> [Int] {
        parcels.indices.filter { parcels[$0].taken.contains(receiver) }
    }

    func data(_ index: Int) -> Data { parcels[index].data }

    mutating func markTaken(_ index: Int, by receiver: String) {
        parcels[index].taken.insert(receiver)
    }
}
