import Crypto
import ECVSync
import Foundation
import PostgresNIO

/// A signed-in person's session: the token their cookie carries, kept at the hub only as its SHA-256.
public struct HubSession: Sendable, Equatable {
    /// Who signed in.
    public var user: HubUser
    /// The cookie's value: 32 random bytes, base64url.
    public var token: String
    /// When the session ends unless signed out before.
    public var expiresAt: Date

    /// The token a form of this session must carry: an HMAC of the session token, so another site cannot know it.
    public var formToken: String {
        let key = SymmetricKey(data: Data(token.utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Data("ecv-hub-form/1".utf8), using: key)).sha256Hex
    }

    /// How long a session lasts after signing in: a working day and its evening.
    public static let lifetime: TimeInterval = 12 * 3600
}

extension HubDatabase {
    /// Starts a session for `user`; its token goes in the cookie and nowhere else.
    public func startSession(for user: HubUser, at now: Date) async throws(HubError) -> HubSession {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let expires = now.addingTimeInterval(HubSession.lifetime)
        _ = try await rows(
            """
            INSERT INTO hub_session (token_sha256, user_name, created_at, expires_at)
            VALUES (\(Data(token.utf8).sha256Hex), \(user.name), \(now), \(expires))
            """)
        return HubSession(user: user, token: token, expiresAt: expires)
    }

    /// The session of `token` while it lasts; `nil` for an unknown, ended or expired one.
    public func session(_ token: String, at now: Date) async throws(HubError) -> HubSession? {
        guard token.utf8.count <= 64 else { return nil }
        guard
            let row = try await rows(
                """
                SELECT u.name, u.role, u.client_id, u.created_at, s.expires_at FROM hub_session s
                JOIN hub_user u ON u.name = s.user_name
                WHERE s.token_sha256 = \(Data(token.utf8).sha256Hex) AND s.expires_at > \(now)
                """
            ).first
        else { return nil }
        let expires: Date
        do {
            expires = try row.makeRandomAccess()[4].decode(Date.self)
        } catch {
            throw HubError.database("session row: \(error)")
        }
        return HubSession(user: try Self.user(row), token: token, expiresAt: expires)
    }

    /// Ends the session of `token`, and forgets every expired one.
    public func endSession(_ token: String, at now: Date) async throws(HubError) {
        _ = try await rows(
            """
            DELETE FROM hub_session WHERE token_sha256 = \(Data(token.utf8).sha256Hex) OR expires_at <= \(now)
            """)
    }
}
