import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request has not arrived whole within `seconds` of its head.
///
/// The idle timeout closes a connection that sends nothing, and one whose request head never ends (a head is
/// read as one part, only once complete). A body sent a byte at a time would still keep a connection, and
/// a worker, for as long as the client likes: this handler gives every request one deadline, from its head
/// to its end. A request that arrived whole is answered however long the answer takes.
final class RequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: TimeAmount
    private var deadline: Scheduled<Void>?

    init(seconds: Double) {
        limit = .nanoseconds(Int64(seconds * 1_000_000_000))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: limit) { channel.close(promise: nil) }
        case .body: break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
