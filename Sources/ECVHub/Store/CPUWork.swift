import NIOPosix

/// Work that keeps a core busy for milliseconds — reading a pushed bundle, checking it, writing its rows out —
/// runs on NIO's thread pool rather than on the few cooperative threads every request's next step is queued for.
///
/// On the cooperative threads a quick request (a retried push whose receipt is here, a signature check, a page)
/// waits behind every such job queued before it; beside them, the system shares the cores between both.
enum CPUWork {
    /// `body`'s value, computed on the thread pool; what it throws is thrown.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
