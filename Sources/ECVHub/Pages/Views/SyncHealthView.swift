import ECVModel
import Foundation

/// Sync health: each enrolled key's last push and pull, and the pushes refused with their reasons.
struct SyncHealthView: Encodable, Sendable {
    let keys: [Key]
    let refusals: [Refusal]
    /// Whether there are keys and refusals, for the tables' sections.
    let hasKeys: Bool
    let hasRefusals: Bool

    struct Key: Encodable, Sendable {
        let name: String
        let role: String
        let lastPush: String
        let lastPull: String
        let bundles: Int
        /// Whether it has never pushed nor pulled.
        let silent: Bool
    }

    struct Refusal: Encodable, Sendable {
        let signer: String
        let at: String
        let sha256: String
        let reason: String
    }

    init(_ health: SyncHealth, language: Language) {
        let messages = Messages(language)
        let never = messages("hub.sync.never")
        keys = health.keys.map { key in
            let role = messages("hub.sync.role.\(key.role)")
            return Key(
                name: key.name, role: key.team.map { "\(role) · \($0)" } ?? role,
                lastPush: key.lastPush.map { LocalText.minute($0) } ?? never,
                lastPull: key.lastPull.map { LocalText.minute($0) } ?? never,
                bundles: key.bundles, silent: key.lastPush == nil && key.lastPull == nil)
        }
        hasKeys = !health.keys.isEmpty
        hasRefusals = !health.refusals.isEmpty
        refusals = health.refusals.map { refusal in
            Refusal(
                signer: refusal.signer, at: LocalText.minute(refusal.at), sha256: String(refusal.sha256.prefix(12)),
                reason: refusal.reason)
        }
    }
}
