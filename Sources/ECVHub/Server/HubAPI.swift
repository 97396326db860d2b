import ECVHubClient
import ECVSync
import Foundation
import OpenAPIRuntime

/// The handlers of `docs/hub-openapi.yaml`: each takes the signer `SignatureCheck` established and answers with the
/// API's replies; refusals carry their reason.
struct HubAPI: APIProtocol {
    let database: HubDatabase
    let now: @Sendable () -> Date
    let bodyLimit: Int

    func enrollKey(_ input: Operations.EnrollKey.Input) async throws -> Operations.EnrollKey.Output {
        guard RequestSender.current == .officeKey else {
            return .forbidden(.init(body: .json(.init(reason: "only the office key (`@office`) enrolls keys"))))
        }
        guard case .json(let body) = input.body else {
            return .unsupportedMediaType(.init(body: .json(.init(reason: "the body must be application/json"))))
        }
        let enrollment = Enrollment(
            name: body.name, role: body.role.rawValue, publicKey: body.publicKey, team: body.team,
            officeSignature: body.officeSignature)
        do {
            let (key, new) = try await database.enroll(enrollment)
            return .ok(
                .init(
                    body: .json(
                        .init(
                            name: key.enrollment.name, fingerprint: key.fingerprint,
                            role: .init(rawValue: key.enrollment.role) ?? .laptop, team: key.enrollment.team, new: new,
                            officeSignature: key.enrollment.officeSignature))))
        } catch EnrollmentRefusal.clash(let reason) {
            return .conflict(.init(body: .json(.init(reason: reason))))
        } catch EnrollmentRefusal.invalid(let reason) {
            return .unprocessableContent(.init(body: .json(.init(reason: reason))))
        }
    }

    func pushCatalog(_ input: Operations.PushCatalog.Input) async throws -> Operations.PushCatalog.Output {
        guard case .enrolled(let key) = RequestSender.current, key.isOffice else {
            return .forbidden(.init(body: .json(.init(reason: "only an office key pushes Routes/ and Checklists/"))))
        }
        guard case .json(let body) = input.body else {
            return .unsupportedMediaType(.init(body: .json(.init(reason: "the body must be application/json"))))
        }
        var files: [CatalogFile] = []
        for file in body.files {
            guard let content = Data(base64Encoded: file.content), content.sha256Hex == file.sha256 else {
                return .unprocessableContent(
                    .init(body: .json(.init(reason: "\(file.path.prefix(200)): content does not match its sha256"))))
            }
            files.append(CatalogFile(path: file.path, content: content))
        }
        do {
            let stored = try await database.pushCatalog(files, by: key.enrollment.name, at: now())
            return .ok(.init(body: .json(.init(stored: stored))))
        } catch let refusal as CatalogRefusal {
            return .unprocessableContent(.init(body: .json(.init(reason: refusal.description))))
        }
    }

    func pushBundle(_ input: Operations.PushBundle.Input) async throws -> Operations.PushBundle.Output {
        guard case .enrolled(let key) = RequestSender.current else {
            return .forbidden(.init(body: .json(.init(reason: "bundles are pushed with an enrolled bundle key"))))
        }
        guard case .binary(let body) = input.body else {
            return .unsupportedMediaType(
                .init(body: .json(.init(reason: "the body must be application/octet-stream"))))
        }
        let data = try await Data(collecting: body, upTo: bodyLimit)
        switch try await database.receive(data, from: key, at: now()) {
        case .success(let receipt):
            return .ok(
                .init(
                    body: .json(
                        .init(
                            sha256: receipt.sha256, new: receipt.new, alreadyHere: receipt.alreadyHere,
                            conflicts: receipt.conflicts))))
        case .failure(let refusal):
            return .unprocessableContent(.init(body: .json(.init(reason: refusal.description))))
        }
    }

    func pull(_ input: Operations.Pull.Input) async throws -> Operations.Pull.Output {
        guard case .enrolled(let key) = RequestSender.current else {
            return .forbidden(.init(body: .json(.init(reason: "pulls are made with an enrolled bundle key"))))
        }
        let pull = try await database.pull(for: key, since: input.query.since ?? 0)
        try await database.recordPull(by: key.enrollment.name, cursor: pull.cursor, at: now())
        return .ok(
            .init(
                body: .json(
                    .init(
                        format: .ecvPull1, cursor: pull.cursor,
                        keys: pull.keys.map { key in
                            .init(
                                name: key.name, publicKey: key.publicKey, role: .init(rawValue: key.role) ?? .laptop,
                                officeSignature: key.officeSignature)
                        },
                        bundles: pull.bundles.map { $0.base64EncodedString() },
                        files: pull.files.map {
                            .init(path: $0.path, sha256: $0.sha256, content: $0.content.base64EncodedString())
                        }))))
    }
}
