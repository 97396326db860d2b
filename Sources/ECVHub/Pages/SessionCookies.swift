import Foundation
import Hummingbird

/// The cookies of the hub's pages: the session, and the sign-in form's own token.
///
/// Both are HttpOnly (no script reads them) and SameSite=Strict (no other site's page sends them, so another
/// site cannot post a form with them). They are Secure when the hub speaks TLS. The hub serves plain HTTP only
/// on 127.0.0.1, to a browser on the same machine or to a reverse proxy; a Secure cookie would not be sent back
/// over that plain HTTP, and no one else can listen on the loopback interface, so there they are not Secure.
struct SessionCookies: Sendable {
    /// Whether the hub speaks TLS itself.
    let secure: Bool

    static let session = "ecv_hub_session"
    static let signInForm = "ecv_hub_form"

    /// The session's cookie, lasting as long as the session.
    func session(_ session: HubSession) -> Cookie {
        Cookie(
            name: Self.session, value: session.token, maxAge: Int(HubSession.lifetime), path: "/", secure: secure,
            httpOnly: true, sameSite: .strict)
    }

    /// A cookie that removes the session's.
    func ended() -> Cookie {
        Cookie(name: Self.session, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The sign-in form's token as a cookie: a post must carry the same value in the form and in the cookie, which
    /// another site can neither read nor set.
    func signInForm(_ token: String) -> Cookie {
        Cookie(
            name: Self.signInForm, value: token, maxAge: 3600, path: "/sign-in", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", random.next() as UInt64) }.joined()
    }
}

extension String {
    /// Whether two tokens are equal, compared in a time that does not depend on where they first differ.
    func isSameToken(as other: String) -> Bool {
        let left = Array(utf8)
        let right = Array(other.utf8)
        guard left.count == right.count, !left.isEmpty else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
