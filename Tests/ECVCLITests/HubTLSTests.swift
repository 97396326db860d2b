import ECVTestSupport
import Foundation
import Testing

/// The hub over TLS with a certificate of the office's own, made with OpenSSL: a laptop that trusts it
/// (`--hub-ca`) syncs, one that does not is refused in one line, and plain HTTP off the loopback address is refused.
@Suite(.serialized) struct HubTLSTests {
    @Test(.needs(.postgresql, .openssl))
    func aLaptopThatTrustsTheHubsCertificateSyncsAndOneThatDoesNotIsRefused() throws {
        let office = try SyncPlace()
        let laptop = try SyncPlace()
        try office.makeOfficeKeys()
        try laptop.makeLaptopKey("lap-a", officeAt: office)
        let certificates = try TemporaryFolder()
        let hubCertificate = try Self.selfSignedCertificate(named: "hub", in: certificates)
        let strangerCertificate = try Self.selfSignedCertificate(named: "stranger", in: certificates)
        let hub = try HubProcess.start([
            "--temporary-database", "--office-key", office.key("office-ed25519.pub"), "--port", "0",
            "--tls-cert", hubCertificate.certificate, "--tls-key", hubCertificate.key,
        ])
        defer { hub.stop() }
        #expect(hub.url.hasPrefix("https://127.0.0.1:"))
        let trusting = ["--hub", hub.url, "--hub-ca", hubCertificate.certificate]
        try office.run(["hub", "enroll"] + trusting + ["office", office.key("laptop-office-ed25519.pub"), "--office"])
        try office.run(["hub", "enroll"] + trusting + ["lap-a", laptop.key("laptop-lap-a-ed25519.pub")])
        try office.run(["sync"] + trusting)
        try laptop.run(["record", "HLJ-FIRE-01", "power.generator-start=fail", "--note", "power.generator-start=relay"])

        let untrusted =
            "is not trusted: its certificate is not signed by an authority trusted here (a hub with a certificate "
            + "of your own: give its authority's certificate with --hub-ca FILE)"
        // A hub whose certificate is for another name: trusted, but not the hub at this address.
        let elsewhere = try Self.selfSignedCertificate(named: "elsewhere", in: certificates, for: "DNS:hub.example")
        let misnamed = try HubProcess.start([
            "--temporary-database", "--office-key", office.key("office-ed25519.pub"), "--port", "0",
            "--tls-cert", elsewhere.certificate, "--tls-key", elsewhere.key,
        ])
        defer { misnamed.stop() }
        for (address, extra, reason) in [
            (hub.url, [String](), untrusted), (hub.url, ["--hub-ca", strangerCertificate.certificate], untrusted),
            (hub.url, ["--hub-ca", laptop.path("Routes/northeast.yaml")], "northeast.yaml: not a PEM certificate"),
            (
                misnamed.url, ["--hub-ca", elsewhere.certificate],
                "is not trusted: its certificate is not for 127.0.0.1"
            ),
        ] {
            let refused = try ECVRunner.run(["sync", "--hub", address] + extra + laptop.root)
            #expect(refused.status == 1)
            let lines = refused.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].contains(reason), "\(refused.stderr)")
        }
        // Refused before anything was sent: the work goes with the next sync that trusts the hub.
        let sent = try laptop.run(["sync"] + trusting).stdout
        #expect(sent.contains("sent 1 inspections, 1 results"), "\(sent)")
        let taken = try office.run(["sync"] + trusting).stdout
        #expect(taken.contains("imported from lap-a: 1 new inspections"), "\(taken)")
    }

    @Test func plainHTTPOffTheLoopbackAddressIsRefused() throws {
        let result = try ECVRunner.run([
            "hub", "serve", "--database", "postgres://ecv@127.0.0.1/ecv_hub", "--host", "0.0.0.0", "--port", "0",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("plain HTTP is served on 127.0.0.1 only; on 0.0.0.0 give --tls-cert and --tls-key"),
            "\(result.stderr)")
    }

    /// A key and a certificate signed by that key, for `subject` (127.0.0.1 unless told), made by `openssl` in
    /// `folder`.
    static func selfSignedCertificate(
        named name: String, in folder: TemporaryFolder, for subject: String = "IP:127.0.0.1"
    ) throws
        -> (certificate: String, key: String)
    {
        let certificate = folder.url.appendingPathComponent("\(name).crt").path
        let key = folder.url.appendingPathComponent("\(name).key").path
        let openssl = Process()
        openssl.executableURL = ExternalTool.executable(named: "openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=ecv hub \(name)", "-addext", "subjectAltName=\(subject)", "-keyout", key, "-out",
            certificate,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw TestSupportError.setup("openssl req -x509 failed") }
        return (certificate, key)
    }
}
