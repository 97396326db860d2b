import Foundation
import NIOCore
import NIOPosix

/// A TCP proxy on 127.0.0.1 between clients and a hub that, by a seeded policy, drops responses after the hub has
/// done the work, sends requests twice and holds requests back so that connections overtake each other.
///
/// Faults land on whole HTTP/1.1 requests (`RequestFramer`); the hub's clients send one request at a time on a
/// connection, so the bytes the hub sends after a request are that request's response.
public final class FaultProxy: Sendable {
    /// The port clients connect to.
    public let port: Int
    /// What the proxy did so far.
    public let log: ProxyLog
    private let server: Channel
    private let accepting: Task<Void, Never>

    private typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Listens on a free port of 127.0.0.1 and passes every connection on to `upstreamPort` on 127.0.0.1.
    public static func start(forwardingTo upstreamPort: Int, policy: FaultPolicy) async throws -> FaultProxy {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
            }
        let log = ProxyLog()
        let forwarding = Forwarding(upstreamPort: upstreamPort, draw: FaultDraw(policy), log: log)
        let accepting = Task<Void, Never> {
            // The listener ends when the proxy stops; its connections end with it.
            try? await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { inbound in
                    for try await connection in inbound {
                        log.update { $0.connections += 1 }
                        group.addTask { await forwarding.serve(connection) }
                    }
                }
            }
        }
        return FaultProxy(
            port: listener.channel.localAddress?.port ?? 0, log: log, server: listener.channel, accepting: accepting)
    }

    private init(port: Int, log: ProxyLog, server: Channel, accepting: Task<Void, Never>) {
        self.port = port
        self.log = log
        self.server = server
        self.accepting = accepting
    }

    /// `http://127.0.0.1:PORT`, the address clients use instead of the hub's.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Stops listening and ends every open connection.
    public func stop() async {
        accepting.cancel()
        try? await server.close()
        await accepting.value
    }
}

/// One client connection's life: a connection to the hub beside it, bytes both ways, faults on the way.
private struct Forwarding: Sendable {
    let upstreamPort: Int
    let draw: FaultDraw
    let log: ProxyLog

    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    func serve(_ client: Connection) async {
        // A connection ends when either side closes it or a fault ends it; neither is the proxy's failure.
        try? await client.executeThenClose { fromClient, toClient in
            let hub = try await connectToHub()
            try await hub.executeThenClose { fromHub, toHub in
                let awaited = AwaitedResponse()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        var framer = RequestFramer()
                        for try await buffer in fromClient {
                            for piece in framer.append(Array(buffer.readableBytesView)) {
                                try await pass(piece, to: toHub, awaiting: awaited)
                            }
                        }
                    }
                    group.addTask {
                        for try await buffer in fromHub {
                            switch awaited.take() {
                            case .dropResponse(let line):
                                log.update { $0.droppedResponses.append(line) }
                                return
                            case .duplicate(let bytes):
                                // The copy goes out once the hub has answered the original, and the client hears
                                // back after the copy's answer: the log is complete when the client has its reply.
                                let status = await replay(bytes)
                                log.update { $0.duplicateStatuses.append(status) }
                                try await toClient.write(buffer)
                            case nil:
                                try await toClient.write(buffer)
                            }
                        }
                    }
                    // Whichever way ends first ends the connection.
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    private func pass(
        _ piece: RequestFramer.Piece, to hub: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        awaiting awaited: AwaitedResponse
    )
        async throws
    {
        switch piece {
        case .raw(let bytes):
            try await hub.write(ByteBuffer(bytes: bytes))
        case .request(let line, let bytes):
            log.update { $0.requests += 1 }
            switch draw.fault(for: line) {
            case .none: break
            case .dropResponse: awaited.expect(.dropResponse(line))
            case .duplicate: awaited.expect(.duplicate(bytes))
            case .delay(let duration):
                log.update { $0.delayed += 1 }
                try await Task.sleep(for: duration)
            }
            try await hub.write(ByteBuffer(bytes: bytes))
        }
    }

    private func connectToHub() async throws -> Connection {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: upstreamPort) { channel in
                channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
            }
    }

    /// Sends `bytes` to the hub on a connection of their own and returns the response's status (0 for none).
    private func replay(_ bytes: [UInt8]) async -> Int {
        do {
            return try await connectToHub().executeThenClose { fromHub, toHub in
                try await toHub.write(ByteBuffer(bytes: bytes))
                var head: [UInt8] = []
                for try await buffer in fromHub {
                    head += buffer.readableBytesView
                    // "HTTP/1.1 200 …": the status is the second word of the first line.
                    let text = String(decoding: head, as: UTF8.self)
                    if let lineEnd = text.range(of: "\r\n") {
                        let words = text[..<lineEnd.lowerBound].split(separator: " ")
                        return words.count > 1 ? Int(words[1]) ?? 0 : 0
                    }
                }
                return 0
            }
        } catch {
            return 0
        }
    }
}

/// The fault waiting for the response to the request just passed on; the first bytes of that response take it.
private final class AwaitedResponse: @unchecked Sendable {
    enum Pending {
        case dropResponse(String)
        case duplicate([UInt8])
    }

    private let lock = NSLock()
    private var pending: Pending?

    func expect(_ fault: Pending) { lock.withLock { pending = fault } }

    func take() -> Pending? {
        lock.withLock {
            defer { pending = nil }
            return pending
        }
    }
}
