import Crypto
import Foundation

/// What the receiver of a bundle holds already, as far as the checks of a bundle need to know it.
///
/// A laptop's or an office's SQLite store answers from its tables, the hub from PostgreSQL; `HeldRecords` answers
/// from memory (a receiver that reads asynchronously fills one first). Each question names the ids a bundle
/// carries or refers to, all at once, so that a receiver answers in a few queries, not one per row.
public protocol ReceiverHoldings {
    /// The key laptop `name` is enrolled with, `nil` when it is not enrolled here.
    func enrolment(ofLaptop name: String) throws -> Enrolment?
    /// The inspections held of `ids`, by id.
    func inspections(_ ids: [UUID]) throws -> [UUID: InspectionRecord]
    /// Where each result of `ids` that is held belongs: its inspection and item.
    func resultPlaces(_ ids: [UUID]) throws -> [UUID: ResultPlace]
    /// What each audit line of `ids` that is held names: `entity` and `entityID`, as `result` and `ID#2`.
    func auditLines(_ ids: [UUID]) throws -> [UUID: AuditedRecord]
}

/// The record an audit line names: its kind and its id (`ID#VERSION` for a result).
public struct AuditedRecord: Sendable, Hashable {
    /// The record's kind: `inspection`, `result`, `photo`, `plan`.
    public var entity: String
    /// The record's id.
    public var entityID: String

    /// The record named by `entity` and `entityID`.
    public init(entity: String, entityID: String) {
        self.entity = entity
        self.entityID = entityID
    }
}

/// An enrolled key and what its holder may send.
public struct Enrolment: Sendable, Equatable {
    /// The enrolled public key.
    public var publicKey: Curve25519.Signing.PublicKey
    /// What the key may send.
    public var role: Role

    /// What a key may send: every key its own work, the office's key also the published plan.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case laptop
        case office
    }

    /// An enrolled key with its role.
    public init(publicKey: Curve25519.Signing.PublicKey, role: Role) {
        self.publicKey = publicKey
        self.role = role
    }

    /// Equal when both the key's bytes and the role are.
    public static func == (lhs: Enrolment, rhs: Enrolment) -> Bool {
        lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation && lhs.role == rhs.role
    }
}

/// The inspection and item a result belongs to: no version of it may move to another.
public struct ResultPlace: Sendable, Equatable {
    /// The inspection the result belongs to.
    public var inspectionID: UUID
    /// The full id of the item it answers.
    public var itemID: String

    /// The place of a result.
    public init(inspectionID: UUID, itemID: String) {
        self.inspectionID = inspectionID
        self.itemID = itemID
    }
}

/// A receiver's holdings in memory: for tests, and for a receiver that reads them before the check runs.
public struct HeldRecords: ReceiverHoldings, Sendable {
    /// Enrolled keys by laptop name.
    public var enrolments: [String: Enrolment]
    /// Held inspections by id.
    public var inspectionsByID: [UUID: InspectionRecord]
    /// Where each held result belongs, by id.
    public var results: [UUID: ResultPlace]
    /// What each held audit line names, by id.
    public var audit: [UUID: AuditedRecord]

    /// Holdings with the given records; nothing by default.
    public init(
        enrolments: [String: Enrolment] = [:], inspections: [UUID: InspectionRecord] = [:],
        results: [UUID: ResultPlace] = [:], audit: [UUID: AuditedRecord] = [:]
    ) {
        self.enrolments = enrolments
        self.inspectionsByID = inspections
        self.results = results
        self.audit = audit
    }

    /// The held audit lines among `ids`.
    public func auditLines(_ ids: [UUID]) -> [UUID: AuditedRecord] {
        let asked = Set(ids)
        return audit.filter { asked.contains($0.key) }
    }

    /// The enrolment of `name`, if held.
    public func enrolment(ofLaptop name: String) -> Enrolment? { enrolments[name] }

    /// The held inspections among `ids`.
    public func inspections(_ ids: [UUID]) -> [UUID: InspectionRecord] {
        let asked = Set(ids)
        return inspectionsByID.filter { asked.contains($0.key) }
    }

    /// The held results among `ids`, with their places.
    public func resultPlaces(_ ids: [UUID]) -> [UUID: ResultPlace] {
        let asked = Set(ids)
        return results.filter { asked.contains($0.key) }
    }
}
