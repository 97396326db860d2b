/// What a password must be before it is hashed: long enough to resist guessing, short enough for bcrypt.
///
/// At least 12 characters, not one character repeated, not containing the user's name; at most 72 bytes of
/// UTF-8, because bcrypt reads no further and a longer password would match any other with the same start.
public enum PasswordRule {
    /// The fewest characters a password may have.
    public static let minimumCharacters = 12
    /// The most UTF-8 bytes bcrypt reads.
    public static let maximumBytes = 72

    /// Why a password is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooShort(Int)
        case tooLong(Int)
        case oneCharacter
        case containsName

        /// Why the password is refused, in one line.
        public var description: String {
            switch self {
            case .empty: return "the password is empty; type one on standard input"
            case .tooShort(let count):
                return
                    "the password is too weak: \(count) characters, at least \(PasswordRule.minimumCharacters) needed"
            case .tooLong(let bytes):
                return "the password is \(bytes) bytes; bcrypt reads only \(PasswordRule.maximumBytes)"
            case .oneCharacter: return "the password is too weak: one character repeated"
            case .containsName: return "the password is too weak: it contains the user's name"
            }
        }
    }

    /// The problem with `password` for user `name`, or `nil` when it may be used.
    public static func problem(with password: String, forUser name: String) -> Problem? {
        if password.isEmpty { return .empty }
        if password.count < minimumCharacters { return .tooShort(password.count) }
        if password.utf8.count > maximumBytes { return .tooLong(password.utf8.count) }
        if Set(password).count == 1 { return .oneCharacter }
        if password.lowercased().contains(name.lowercased()) { return .containsName }
        return nil
    }
}
