import Foundation

/// A user of this machine, by name and ids.
struct SystemUser: Sendable, Equatable {
    var name: String
    var uid: uid_t
    var gid: gid_t

    /// The user PostgreSQL's programs run as: `nil` when this process is not root (it runs them itself),
    /// else `postgres`, which Debian's package creates, or `nobody`.
    static func unprivileged() throws(ClusterError) -> SystemUser? {
        guard getuid() == 0 else { return nil }
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) {
                return SystemUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
            }
        }
        throw .noUnprivilegedUser
    }
}
