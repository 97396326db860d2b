import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 requests written byte by byte to a server on 127.0.0.1, so that a test can send what a
/// hostile page or a careless client would: any `Host`, any `Origin`, any length.
public enum RawHTTP {
    /// What the server answered.
    public struct Response: Sendable {
        /// The status code.
        public var status: Int
        /// Header names in lower case.
        public var headers: [String: String]
        /// The body as received.
        public var body: Data
    }

    /// Sends `head` (request line and headers, without the blank line) and `body`, and reads the response
    /// until the server closes the connection.
    public static func send(port: Int, head: [String], body: Data = Data()) throws -> Response {
        let socket = try RawConnection.connected(to: port)
        defer { close(socket) }
        // A server that answers early (a 413) stops reading: sending then gives up instead of blocking.
        var sendTimeout = timeval(tv_sec: 2, tv_usec: 0)
        var receiveTimeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &receiveTimeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Data((head + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8) + body
        // The server may answer and close before the whole body is sent (a 413): that is not an error here.
        _ = request.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.send(socket, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { break }
                offset += written
            }
            return offset
        }
        shutdown(socket, Int32(SHUT_WR))
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: chunk[0..<count])
        }
        return try parse(received)
    }

    private static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw TestSupportError.network("no response") }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestSupportError.network("no status line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
