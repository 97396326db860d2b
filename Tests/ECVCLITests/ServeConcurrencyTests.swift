import ECVTestSupport
import Foundation
import Testing

/// `ecv serve` under answers that arrive at once, and beside another process that writes the database.
@Suite(.serialized) struct ServeConcurrencyTests {
    /// Posts one answer as the page's script does and returns the status and the reply's JSON.
    static func post(port: Int, csrf: String, item: String, value: String, note: String = "") throws -> Reply {
        let body = Data("csrf=\(csrf)&item=\(item)&value=\(value)&note=\(note)".utf8)
        let response = try RawHTTP.send(
            port: port,
            head: [
                "POST /vehicles/HLJ-FIRE-01/answers HTTP/1.1", "Host: 127.0.0.1:\(port)",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.count)",
                "Accept: application/json",
            ], body: body)
        let reply = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
        return Reply(
            status: response.status, saved: reply["status"] as? String, state: reply["state"] as? String,
            version: reply["version"] as? Int)
    }

    /// What a reply to an answer said.
    struct Reply: Sendable {
        var status: Int
        var saved: String?
        var state: String?
        var version: Int?
    }

    /// Runs `count` posts at once, each from its own thread; their results in the order of their index.
    static func atOnce<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let results = Tally<[Int: T]>([:])
        let group = DispatchGroup()
        // Threads of their own: the global queue would run only as many at once as there are cores.
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                let value = body(index)
                results.change { $0[index] = value }
                group.leave()
            }
        }
        group.wait()
        let all = results.value
        return (0..<count).compactMap { all[$0] }
    }

    @Test func everyReplyNamesTheAnswerAndTheVersionItSaved() throws {
        let server = try ServeRequestTests.Server()
        let csrf = try server.csrf()
        let port = server.port
        let replies = Self.atOnce(40) { index in
            let fail = index % 2 == 1
            return try? Self.post(
                port: port, csrf: csrf, item: "power.generator-start", value: fail ? "fail" : "pass",
                note: fail ? "relay-\(index)" : "")
        }
        #expect(replies.count == 40)
        var versions: [Int] = []
        for (index, reply) in replies.enumerated() {
            let sent = index % 2 == 1 ? "fail" : "pass"
            #expect(reply?.status == 200)
            #expect(reply?.saved == sent, "reply \(index): \(String(describing: reply))")
            #expect(reply?.state?.contains(sent == "fail" ? "不合格" : "· 合格") == true)
            if let version = reply?.version { versions.append(version) }
        }
        #expect(versions.sorted() == Array(1...40))
    }

    @Test func pagesAndTheSessionAnswerWhileAnotherProcessHoldsTheWriteLock() throws {
        let server = try ServeRequestTests.Server()
        let csrf = try server.csrf()
        let lock = try HeldWriteLock(path: server.folder.url.appendingPathComponent("ecv.sqlite").path)
        // More answers waiting for the lock than the server has cores: each would hold a thread if it waited
        // on one of Swift's.
        let waiting = ProcessInfo.processInfo.activeProcessorCount * 2 + 4
        let finished = Tally(0)
        let group = DispatchGroup()
        let port = server.port
        for _ in 0..<waiting {
            group.enter()
            Thread.detachNewThread {
                _ = try? Self.post(port: port, csrf: csrf, item: "power.grounding", value: "1.1")
                finished.change { $0 += 1 }
                group.leave()
            }
        }
        usleep(300_000)
        for path in ["/session", "/", "/vehicles/HLJ-FIRE-01/power", "/today"] {
            #expect(try server.get(path).status == 200, "\(path)")
        }
        // The pages did not wait for the answers to give up: those still wait for the lock.
        #expect(finished.value == 0)
        lock.unlock()
        group.wait()
        #expect(try server.history().contains("power.grounding: pass (1.1)"))
    }
}

/// A value changed from several threads.
final class Tally<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func change(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
