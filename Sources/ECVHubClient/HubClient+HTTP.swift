import AsyncHTTPClient

extension HubClient {
    /// Runs `body` with an HTTP client of its own, shut down afterwards.
    ///
    /// A hub that cannot be reached fails the attempt at once: the client's own retries (`attempts`, `firstBackoff`)
    /// say how long to keep trying, where the HTTP library would try to connect again for 90 seconds each time.
    func withHTTPClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return try await HTTPClient.withHTTPClient(configuration: configuration) { try await body($0) }
    }
}
