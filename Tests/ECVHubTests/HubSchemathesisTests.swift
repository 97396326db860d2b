import Crypto
import ECVTestSupport
import Foundation
import Testing

@testable import ECVHub

/// schemathesis sends requests made from `docs/hub-openapi.yaml` to a live hub, each signed (by the hook in
/// `Schemathesis/ecv_signing.py`) so that it reaches the handlers: no answer may be a server error, and every answer
/// must be one the spec describes, with the status, content type and body it gives.
@Suite(.needs(.postgresql, .schemathesis))
struct HubSchemathesisTests {
    /// Examples per operation: enough to reach every handler's refusals, few enough to keep the suite fast.
    static let examplesPerOperation = 20

    @Test func everyAnswerToRequestsMadeFromTheSpecIsOneTheSpecDescribesAndNoneIsAServerError() async throws {
        try await HubTestServer.with { hub in
            let sender = Curve25519.Signing.PrivateKey()
            _ = try await hub.office.enroll(hub.enrollment("office", sender.publicKey, role: "office"))
            #expect(try await hub.client(signedBy: "office", sender).pushCatalog(HubPushTests.catalogFiles()) > 0)
            let run = try await Self.schemathesis(port: hub.port, office: hub.officeKey, sender: ("office", sender))
            #expect(run.status == 0, "\(run.output)")
            // The run reached the handlers: signed requests were taken, not all refused at the door.
            #expect(try await hub.database.count("SELECT count(*) FROM seen_request") > 10)
        }
    }

    /// Runs `st run` on the spec against the hub at `port`, signing with the two keys; its status and output.
    static func schemathesis(
        port: Int, office: Curve25519.Signing.PrivateKey, sender: (name: String, key: Curve25519.Signing.PrivateKey)
    ) async throws -> (status: Int32, output: String) {
        let folder = try TemporaryFolder()
        let process = Process()
        process.executableURL = ExternalTool.executable(named: "st")
        process.arguments = [
            "run", ProjectPaths.packageRoot.appendingPathComponent("docs/hub-openapi.yaml").path,
            "--url", "http://127.0.0.1:\(port)",
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
            "--max-examples", "\(examplesPerOperation)", "--seed", "1", "--no-color",
            "--report-dir", folder.url.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] =
            ProjectPaths.packageRoot.appendingPathComponent("Tests/ECVHubTests/Schemathesis")
            .path
        environment["SCHEMATHESIS_HOOKS"] = "ecv_signing"
        environment["ECV_OFFICE_KEY"] = office.rawRepresentation.base64EncodedString()
        environment["ECV_SENDER_KEY"] = sender.key.rawRepresentation.base64EncodedString()
        environment["ECV_SENDER_NAME"] = sender.name
        process.environment = environment
        process.currentDirectoryURL = folder.url
        let output = folder.url.appendingPathComponent("st.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let log = try FileHandle(forWritingTo: output)
        process.standardOutput = log
        process.standardError = log
        // Waited for without holding a thread the hub's handlers may need.
        let status = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try log.close()
        return (status, try String(contentsOf: output, encoding: .utf8))
    }
}
