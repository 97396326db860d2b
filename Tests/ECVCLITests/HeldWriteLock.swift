import Foundation
import GRDB

/// Another process's write lock on a database, as a second connection holding a write transaction open on
/// a thread of its own until `release()`.
final class HeldWriteLock: @unchecked Sendable {
    private let release = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    /// Takes the lock (`BEGIN EXCLUSIVE`) and returns once it is held.
    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        let held = DispatchSemaphore(value: 0)
        let failure = Tally<String?>(nil)
        Thread.detachNewThread { [release, done] in
            do {
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    held.signal()
                    release.wait()
                    try db.execute(sql: "ROLLBACK")
                }
            } catch {
                failure.change { $0 = "\(error)" }
                held.signal()
            }
            done.signal()
        }
        held.wait()
        if let message = failure.value {
            throw CocoaError(.fileLocking, userInfo: [NSDebugDescriptionErrorKey: message])
        }
    }

    /// Ends the transaction and waits until the lock is gone.
    func unlock() {
        release.signal()
        done.wait()
    }
}
