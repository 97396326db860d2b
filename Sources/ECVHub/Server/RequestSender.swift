import ECVHubClient

/// Who signed the request being handled, as the signature check established it.
public enum RequestSender: Sendable, Equatable {
    /// The office key (`@office`): it enrolls keys.
    case officeKey
    /// An enrolled bundle key: a laptop's, or the office's own.
    case enrolled(EnrolledKey)

    /// The sender of the request this task handles; set by `SignatureCheck` around the handler.
    @TaskLocal static var current: RequestSender?

    /// The enrolled key's name, or `@office`.
    var name: String {
        switch self {
        case .officeKey: return SignedRequest.officeKeyName
        case .enrolled(let key): return key.enrollment.name
        }
    }
}
