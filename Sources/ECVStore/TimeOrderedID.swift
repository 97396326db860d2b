import Foundation
import Synchronization

/// UUIDs of version 7 (RFC 9562): Unix milliseconds first, then a counter, then random bits.
///
/// Ids made one after another sort one after another, so the rows of a batch land at the end of the
/// database's indexes instead of on random pages: with random (version 4) ids, the indexes on result and
/// audit ids alone cost more than the whole import may take. They stay unique across laptops through
/// their 62 random bits.
public enum TimeOrderedID {
    private static let last = Mutex<(milliseconds: UInt64, counter: UInt16)>((0, 0))

    /// A new id, greater than every id this process made before.
    public static func make() -> UUID {
        make(at: Date())
    }

    /// A new id for the moment `date`, greater than every id this process made before.
    public static func make(at date: Date) -> UUID {
        let now = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let (milliseconds, counter) = last.withLock { state in
            // Within one millisecond the 12-bit counter orders the ids; when it runs out, the clock is
            // stepped on by a millisecond, as RFC 9562 allows.
            if now > state.milliseconds {
                state = (now, 0)
            } else if state.counter < 0x0FFF {
                state.counter += 1
            } else {
                state = (state.milliseconds + 1, 0)
            }
            return state
        }
        var random = SystemRandomNumberGenerator()
        let tail = random.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * (15 - index))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
