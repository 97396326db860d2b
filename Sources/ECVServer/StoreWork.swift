import Dispatch

/// Runs the store's blocking work away from Swift's cooperative threads, reads beside writes.
///
/// SQLite waits for a lock by blocking its thread (up to the store's busy timeout). Done on the cooperative
/// pool, which has one thread per core, a few answers waiting behind another process's write would leave no
/// thread for anything else: `GET /session`, the pages and the board would wait with them. Here reads run
/// on a queue of their own (WAL readers never wait for a writer) and writes one after the other on another,
/// so that a held write lock blocks one thread and only the answers that need it.
enum StoreWork {
    private static let readers = DispatchQueue(label: "ecv.serve.reads", attributes: .concurrent)
    private static let writer = DispatchQueue(label: "ecv.serve.writes")

    /// `body`, which only reads the store, run on a reader thread.
    static func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(on: readers, body)
    }

    /// `body`, which writes the store, run after the writes before it.
    static func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(on: writer, body)
    }

    private static func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T)
        async throws -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
