import Foundation

/// Work started on another core, its value waited for where it is needed.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async {
            let value = work()
            self.lock.withLock { self.result = value }
            self.done.signal()
        }
    }

    /// The work's value, once it is done.
    var value: Value {
        done.wait()
        // Later readers do not wait again.
        done.signal()
        return lock.withLock { result } ?? work()
    }
}
