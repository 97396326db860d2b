import Foundation

/// Cuts the bytes a client sends into whole HTTP/1.1 requests, so that a fault lands on one request and a
/// duplicate repeats exactly one.
///
/// A request is its head (up to the empty line) and `Content-Length` bytes of body. A request with a body of
/// another framing (chunked) or a head larger than `maximumHeadBytes` is not cut: from there on the connection's
/// bytes pass through as they come, without faults.
struct RequestFramer {
    /// One request, whole, or bytes passed on as they are.
    enum Piece: Equatable {
        case request(line: String, bytes: [UInt8])
        case raw([UInt8])
    }

    /// Heads larger than this are no request the hub's clients send.
    static let maximumHeadBytes = 64 << 10

    private var pending: [UInt8] = []
    private(set) var isPassingThrough = false

    /// The pieces complete once `bytes` are added, in order; bytes of an incomplete request are kept.
    mutating func append(_ bytes: [UInt8]) -> [Piece] {
        if isPassingThrough { return [.raw(bytes)] }
        pending += bytes
        var pieces: [Piece] = []
        while let (headLength, line, bodyLength) = nextHead() {
            guard let bodyLength else {
                isPassingThrough = true
                pieces.append(.raw(pending))
                pending = []
                return pieces
            }
            let total = headLength + bodyLength
            guard pending.count >= total else { break }
            pieces.append(.request(line: line, bytes: Array(pending[..<total])))
            pending.removeFirst(total)
        }
        if nextHead() == nil && pending.count > Self.maximumHeadBytes {
            isPassingThrough = true
            pieces.append(.raw(pending))
            pending = []
        }
        return pieces
    }

    /// The pending request's head length (with its empty line), request line and body length; `nil` while the
    /// head is incomplete, a `nil` body length when the body is not framed by `Content-Length`.
    private func nextHead() -> (Int, String, Int?)? {
        guard let end = Self.endOfHead(in: pending) else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let line = String(lines.first ?? "")
        var length = 0
        for field in lines.dropFirst() {
            guard let colon = field.firstIndex(of: ":") else { continue }
            let name = field[..<colon].lowercased()
            let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "transfer-encoding" { return (end + 4, line, nil) }
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0 else { return (end + 4, line, nil) }
                length = parsed
            }
        }
        return (end + 4, line, length)
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
