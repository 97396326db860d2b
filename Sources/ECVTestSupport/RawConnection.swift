import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP connection to a server on 127.0.0.1 kept open by the test, to send half a request, a byte at a time,
/// or nothing at all, and see whether the server closes it.
public final class RawConnection {
    private let socket: Int32

    /// Connects to `port`.
    public init(port: Int) throws {
        socket = try Self.connected(to: port)
    }

    /// A new socket connected to `port` on 127.0.0.1; the caller closes it.
    static func connected(to port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestSupportError.network("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw TestSupportError.network("connect to port \(port)")
        }
        return socket
    }

    deinit { close(socket) }

    /// Sends `text`; `false` once the server has closed the connection.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            return Glibc.send(socket, base, buffer.count, Int32(MSG_NOSIGNAL)) == buffer.count
        }
    }

    /// Whether the connection is still open, without waiting: no end of stream or reset has arrived.
    public var isOpen: Bool {
        var byte: UInt8 = 0
        let count = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if count == 0 { return false }
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK }
        return true
    }

    /// Whether the server closes the connection within `seconds`, reading and dropping whatever it sends first.
    public func isClosedByServer(within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }
}
