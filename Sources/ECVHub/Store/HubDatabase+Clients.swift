import PostgresNIO

extension HubDatabase {
    /// Runs `body` in a transaction as role `ecv_client` with `ecv.client` set to `client`: row-level security
    /// then shows it that client organisation's inspections, results and photos only, whatever the query says.
    func asClient<T: Sendable>(_ client: String, _ body: (PostgresConnection) async throws -> T)
        async throws(HubError) -> T
    {
        try await transaction { connection in
            try await connection.query("SET LOCAL ROLE ecv_client", logger: logger)
            try await connection.query("SELECT set_config('ecv.client', \(client), true)", logger: logger)
            return try await body(connection)
        }
    }

    /// The vehicles of one client organisation that have inspections here, by id.
    public func vehicleIDsInspected(forClient client: String) async throws(HubError) -> [String] {
        try await asClient(client) { connection in
            try await connection.query("SELECT DISTINCT vehicle_id FROM inspection ORDER BY vehicle_id", logger: logger)
                .collect().map { try $0.decode(String.self) }
        }
    }
}
