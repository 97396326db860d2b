import Foundation

/// Runs `work` as a task and blocks this thread until it ends: the season plays step by step on one thread, and
/// a sync with the hub is asynchronous.
///
/// Call it from a thread of its own (the season's), never from a task of the cooperative pool, which it would
/// hold while the work needs it.
func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    Task {
        do {
            outcome.end(.success(try await work()))
        } catch {
            outcome.end(.failure(error))
        }
    }
    return try outcome.wait().get()
}

/// What a task ended with, handed to the thread that waits for it.
final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    /// Keeps the first result and wakes the thread that waits.
    func end(_ result: Result<T, any Error>) {
        let first = lock.withLock {
            guard self.result == nil else { return false }
            self.result = result
            return true
        }
        if first { ended.signal() }
    }

    /// The result, once there is one.
    func wait() -> Result<T, any Error> {
        ended.wait()
        return lock.withLock { result ?? .failure(CancellationError()) }
    }

    /// The result, if there is one by `deadline`.
    func wait(until deadline: DispatchTime) -> Result<T, any Error>? {
        guard ended.wait(timeout: deadline) == .success else { return nil }
        return lock.withLock { result }
    }
}
