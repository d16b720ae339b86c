import Foundation
import HummingbirdBcrypt

/// The service's accounts (contract §13): names, roles, passwords and API
/// tokens, each password and token secret kept only as a bcrypt hash
/// (`HummingbirdBcrypt`, cost 12 for passwords). Every change is logged with
/// who made it (`account_log`).
extension Registry {
    /// bcrypt's cost for passwords (2^12 rounds: a quarter of a second here), and for token secrets,
    /// which are 256 random bits and need no more than the minimum the library's users expect.
    static let passwordCost: UInt8 = 12
    static let tokenCost: UInt8 = 10

    public func addAccount(_ name: String, role: Role, password: String, by: String) throws {
        try AccountRules.checkName(name)
        try AccountRules.checkPassword(password, account: name)
        guard try store.insertAccount(name, role: role, passwordHash: Bcrypt.hash(password, cost: Registry.passwordCost), by: by) else {
            throw InvalidArgument(.account(name), "there is already an account of that name")
        }
    }

    public func accounts() throws -> [Account] { try store.accounts() }

    /// An account by its name (never its password's hash).
    public func account(named name: String) throws -> Account? { try store.account(named: name)?.0 }

    public func setRole(_ name: String, _ role: Role, by: String) throws {
        guard try store.updateAccount(name, role: role, by: by) else { throw noAccount(name) }
    }

    public func setPassword(_ name: String, _ password: String, by: String) throws {
        try AccountRules.checkPassword(password, account: name)
        guard try store.updateAccount(name, passwordHash: Bcrypt.hash(password, cost: Registry.passwordCost), by: by) else { throw noAccount(name) }
    }

    /// Disables an account and revokes its tokens, at once: its next request is refused.
    public func disableAccount(_ name: String, by: String) throws {
        guard try store.updateAccount(name, disable: true, by: by) else { throw noAccount(name) }
    }

    /// A new API token for the account, returned once (only its hash is kept):
    /// `lr1_<id>_<64 hex digits>`. The label names it for `revokeToken` (default `token-N`).
    public func newToken(for name: String, label: String? = nil, by: String) throws -> String {
        try newLabelledToken(for: name, label: label, by: by).token
    }

    /// A new API token as `newToken` makes it, with the label it was given (the one asked for, or `token-N`).
    public func newLabelledToken(for name: String, label: String? = nil, by: String) throws -> (label: String, token: String) {
        guard let (account, _) = try store.account(named: name) else { throw noAccount(name) }
        guard !account.disabled else { throw InvalidArgument(.account(name), "the account is disabled") }
        let used = try store.tokenLabels(name)
        let label = label ?? (1...).lazy.map { "token-\($0)" }.first { !used.contains($0) }!
        try AccountRules.checkLabel(label, account: name)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        guard let id = try store.insertToken(name, label: label, hash: Bcrypt.hash(secret, cost: Registry.tokenCost), by: by) else {
            throw InvalidArgument(.account(name), "the account has a token labelled '\(label)' already")
        }
        return (label, "lr1_\(id)_\(secret)")
    }

    public func revokeToken(of name: String, label: String, by: String) throws {
        guard try store.revokeToken(name, label: label, by: by) else {
            throw InvalidArgument(.account(name), "the account has no live token labelled '\(label)'")
        }
    }

    /// The account whose password this is (not disabled), or nil. As slow for an unknown name as for a known one.
    public func signIn(_ name: String, password: String) throws -> Account? {
        guard let (account, hash) = try store.account(named: name) else {
            _ = Bcrypt.verify(password, hash: Registry.unknownAccountHash)
            return nil
        }
        return Bcrypt.verify(password, hash: hash) && !account.disabled ? account : nil
    }

    private static let unknownAccountHash = Bcrypt.hash("no account has this password", cost: passwordCost)

    /// A token's id, as its text carries it (nil: not a landreg token).
    public static func tokenID(_ token: String) -> Int64? {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "lr1", parts[2].count == 64, parts[2].allSatisfy(\.isHexDigit) else { return nil }
        return Int64(parts[1])
    }

    /// The account a token gives, checked against its hash (slow: bcrypt), or nil
    /// when it is unknown, revoked, wrong or its account disabled.
    public func account(forToken token: String) throws -> Account? {
        guard let id = Registry.tokenID(token), let (hash, account) = try store.liveToken(id) else { return nil }
        return Bcrypt.verify(String(token.split(separator: "_")[2]), hash: hash) ? account : nil
    }

    /// The account of a token already checked against its hash, if the token is still live
    /// (not revoked, its account not disabled): one indexed read, no hash.
    public func account(forLiveToken id: Int64) throws -> Account? { try store.liveToken(id)?.account }

    /// Whether the registry has accounts at all, and an admin that may sign in.
    public func accountCounts() throws -> (accounts: Int, admins: Int) { try store.accountCounts() }

    private func noAccount(_ name: String) -> InvalidArgument { InvalidArgument(.account(name), "there is no account of that name") }
}
