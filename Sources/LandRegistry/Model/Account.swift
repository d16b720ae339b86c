import Foundation

/// What an account may do (contract §13); each role includes the ones before it.
public enum Role: String, Term, Comparable {
    /// Read every layer, history and report.
    case viewer
    /// Check proposals and record checks, record permits.
    case clerk
    /// Every edit: import, features, stages, reclassification, monitoring, limits, remedies.
    case editor
    /// Accounts and settings.
    case admin

    public static let context = "role"
    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A person (or a program) the service knows, as the registry keeps it: never its password.
public struct Account: Sendable, Equatable {
    public let name: String
    public let role: Role
    public let disabled: Bool
    public let createdAt: String
    /// Its API tokens' labels that are not revoked.
    public var tokens: [String] = []
}

/// The rules an account's name, password and token label follow.
enum AccountRules {
    /// A name people can type and logs can show: 1–64 characters, no spaces, no control characters.
    static func checkName(_ name: String) throws {
        guard !name.isEmpty, name.count <= 64,
              !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || $0 == ":" }) else {
            throw InvalidArgument(.account(name), "a name is 1 to 64 characters without spaces, control characters or ':'")
        }
    }

    /// At least 10 characters; bcrypt reads no more than 72 bytes, so no more is taken.
    static func checkPassword(_ password: String, account: String) throws {
        guard password.count >= 10 else { throw InvalidArgument(.account(account), "a password has at least 10 characters") }
        guard password.utf8.count <= 72 else { throw InvalidArgument(.account(account), "a password has at most 72 bytes (bcrypt reads no more)") }
        guard !password.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw InvalidArgument(.account(account), "a password has no control characters")
        }
    }

    static func checkLabel(_ label: String, account: String) throws {
        guard !label.isEmpty, label.count <= 64, !label.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw InvalidArgument(.account(account), "a token's label is 1 to 64 characters without control characters")
        }
    }
}
