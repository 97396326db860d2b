import ECVModel
import ECVTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ECVServer

/// The form refuses what the office would refuse, in the reader's language, and saves nothing of it.
@Suite struct WebEntryLimitTests {
    @Test func anAnswerLongerThanARecordMayCarryGets422WithTheReason() async throws {
        let fixture = try WebFormTests.Fixture()
        let limit = EntryLimits.standard.textBytes
        try await fixture.server.application().test(.router) { client in
            let (headers, long) = fixture.answer(
                "power.generator-hours", String(repeating: "a", count: limit + 1), json: true)
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: long)
            { response in
                #expect(response.status == .unprocessableContent)
                let reply = try WebFormTests.json(response.body)
                #expect(reply["retry"] as? Bool == false)
                #expect(
                    reply["message"] as? String
                        == "power.generator-hours：答案有 16385 字节，超过上限 16384 字节，无法同步到办公室；请缩短")
            }
            var english = headers
            english[.cookie] = "ecv_lang=en"
            let (_, note) = fixture.answer(
                "power.generator-start", "fail", note: String(repeating: "b", count: limit + 1), json: true)
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: english, body: note)
            { response in
                #expect(response.status == .unprocessableContent)
                let reply = try WebFormTests.json(response.body)
                #expect(
                    reply["message"] as? String
                        == "power.generator-start: the note has 16385 bytes, more than the 16384 a record may carry to the office; shorten it"
                )
            }
            // A plain form post gets the page back with the reason, as NOT SAVED.
            var plain = headers
            plain[.accept] = "text/html"
            try await client.execute(uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: plain, body: long) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("16385"))
            }
            let (_, atLimit) = fixture.answer(
                "power.generator-hours", String(repeating: "a", count: limit), json: true)
            try await client.execute(
                uri: "/vehicles/HLJ-FIRE-01/answers", method: .post, headers: headers, body: atLimit
            ) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try fixture.store.results(ofVehicle: "HLJ-FIRE-01").map(\.itemID) == ["power.generator-hours"])
    }
}
