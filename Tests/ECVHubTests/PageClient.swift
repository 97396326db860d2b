import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A browser's part in a page test: requests to the hub's pages with the cookies the hub set, no redirects followed.
final class PageClient: @unchecked Sendable {
    let port: Int
    private let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    private let lock = NSLock()
    private var jar: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    func shutdown() async throws {
        try await client.shutdown()
    }

    /// A reply: its status, headers and body.
    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: String

        /// The `Set-Cookie` header of cookie `name`.
        func setCookie(_ name: String) -> String? {
            headers["Set-Cookie"].first { $0.hasPrefix("\(name)=") }
        }

        /// The value of the hidden field `name` on the page.
        func hiddenField(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send("GET", path, body: nil, headers: headers)
    }

    /// Posts `fields` as a form.
    func post(_ path: String, _ fields: [(String, String)]) async throws -> Reply {
        let body = fields.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        return try await send(
            "POST", path, body: body, headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    /// Forgets cookie `name`, or sets it to `value`.
    func setCookie(_ name: String, _ value: String?) {
        lock.withLock { jar[name] = value }
    }

    func cookie(_ name: String) -> String? { lock.withLock { jar[name] } }

    private func send(_ method: String, _ path: String, body: String?, headers: [(String, String)]) async throws
        -> Reply
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let cookies = lock.withLock { jar.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        for header in response.headers["Set-Cookie"] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            let removed = header.lowercased().contains("max-age=0")
            lock.withLock { jar[name] = removed || value.isEmpty ? nil : value }
        }
        return Reply(
            status: Int(response.status.code), headers: response.headers,
            body: String(decoding: bytes.readableBytesView, as: UTF8.self))
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
