import ECVCatalog
import ECVModel
import ECVStore
import ECVSync
import ECVTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ECVServer

/// Photos of items through the web form: what is kept, what is refused.
@Suite struct PhotoUploadTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 200)

    static func multipart(_ fields: [(String, String)], photo: Data?, boundary: String = "ecv-test-boundary")
        -> (HTTPFields, ByteBuffer)
    {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let photo {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"../../etc/x.png\"\r\nContent-Type: image/png\r\n\r\n"
                    .utf8)
            body += photo + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(bytes: body))
    }

    @Test func aPhotoIsKeptUnderItsOwnNameAndShownWithTheItem() async throws {
        let fixture = try WebServerTests.Fixture()
        let csrf = fixture.server.csrf
        try await fixture.server.application().test(.router) { client in
            let (headers, body) = Self.multipart(
                [("csrf", csrf), ("item", "power.grounding")], photo: Self.png)
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/photos", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/vehicles/HLJ-FIRE-01/power#power.grounding")
            }
            let photo = try #require(try fixture.store.photos(ofVehicle: "HLJ-FIRE-01").first)
            #expect(photo.itemID == "power.grounding")
            #expect(photo.contentType == "image/png")
            let files = try FileManager.default.contentsOfDirectory(atPath: fixture.store.photoFolder.path)
            #expect(files == [photo.fileName])
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/power", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/photos/\(photo.fileName)\""))
            }
            try await client.execute(uri: "/photos/\(photo.fileName)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(Data(buffer: response.body) == Self.png)
            }
            try await client.execute(uri: "/photos/../ecv.sqlite", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func photosThatAreNotImagesOrNotFromTheFormAreRefused() async throws {
        let fixture = try WebServerTests.Fixture()
        let csrf = fixture.server.csrf
        try await fixture.server.application().test(.router) { client in
            let cases: [([(String, String)], Data?, HTTPResponse.Status)] = [
                (
                    [("csrf", csrf), ("item", "power.grounding")], Data("#!/bin/sh\nrm -rf /\n".utf8),
                    .unsupportedMediaType
                ),
                ([("csrf", "forged"), ("item", "power.grounding")], Self.png, .forbidden),
                ([("csrf", csrf), ("item", "power.warp-drive")], Self.png, .badRequest),
                ([("csrf", csrf), ("item", "power.grounding")], nil, .badRequest),
                (
                    [("csrf", csrf), ("item", "power.grounding")],
                    Self.png + Data(count: PhotoKind.maximumBytes), .contentTooLarge
                ),
            ]
            for (fields, photo, status) in cases {
                let (headers, body) = Self.multipart(fields, photo: photo)
                try await client.execute(
                    uri: "/vehicles/HLJ-FIRE-01/photos", method: .post, headers: headers, body: body
                ) {
                    response in
                    #expect(response.status == status)
                }
            }
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/photos", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "hello")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try fixture.store.photos(ofVehicle: "HLJ-FIRE-01").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.store.photoFolder.path))
    }
}
