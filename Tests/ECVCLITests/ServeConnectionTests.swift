import ECVTestSupport
import Foundation
import Testing

/// `ecv serve` against clients that connect and then send little or nothing: they are closed after the
/// stated seconds, and the server still answers everyone else.
@Suite(.serialized) struct ServeConnectionTests {
    @Test func aRequestHeadThatNeverEndsIsClosedAfterTheIdleTimeout() throws {
        let server = try ServeRequestTests.Server(["--idle-timeout", "1"])
        let connection = try RawConnection(port: server.port)
        #expect(connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nAccept: text/html\r\n"))
        // One second is stated; sixty leave room for a slow machine without ever passing a server that waits.
        #expect(connection.isClosedByServer(within: 60))
        #expect(try server.get("/").status == 200)
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws {
        let server = try ServeRequestTests.Server(["--idle-timeout", "1"])
        let connection = try RawConnection(port: server.port)
        #expect(connection.isClosedByServer(within: 60))
    }

    @Test func aBodySentAByteAtATimeIsClosedAtTheRequestDeadline() throws {
        let server = try ServeRequestTests.Server(["--request-timeout", "1", "--idle-timeout", "600"])
        let connection = try RawConnection(port: server.port)
        connection.send(
            "POST /vehicles/HLJ-FIRE-01/answers HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n")
        // A byte every tenth of a second keeps the connection busy far longer than the idle timeout allows
        // for nothing; only the request's own deadline closes it, within a minute however slow the machine.
        var closed = false
        for _ in 0..<600 where !closed {
            connection.send("a")
            usleep(100_000)
            closed = !connection.isOpen
        }
        #expect(closed)
        #expect(try server.get("/").status == 200)
    }

    @Test func manyIdleConnectionsNeverMakeTheServerUnreachable() throws {
        let server = try ServeRequestTests.Server(["--idle-timeout", "1", "--max-connections", "32"])
        let idle = try (0..<300).map { _ in try RawConnection(port: server.port) }
        // Served once the idle ones ahead of it are closed, a bounded number at a time.
        #expect(try server.get("/session").status == 200)
        #expect(idle[0].isClosedByServer(within: 60))
        #expect(idle[299].isClosedByServer(within: 60))
    }
}
