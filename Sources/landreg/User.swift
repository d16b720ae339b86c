import ArgumentParser
import Foundation
import LandRegistry

#if canImport(Glibc)
import Glibc
#endif

/// `landreg user …` (contract §13): the service's accounts. Passwords come
/// from standard input (asked for without echo at a terminal), never from
/// the command line; tokens are printed once.
struct User: ParsableCommand {
    static let configuration = command("user", "The service's accounts: add, list, role, passwd, disable, token, revoke.",
        discussion: ["Roles: viewer (read), clerk (check, permits), editor (every edit), admin (accounts and settings); each includes the ones before it. Passwords and tokens are kept only as bcrypt hashes."],
        subcommands: [UserAdd.self, UserList.self, UserRole.self, UserPasswd.self, UserDisable.self, UserToken.self, UserRevoke.self])
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) {
        let words = ["查看": "viewer", "窗口": "clerk", "核查": "clerk", "编辑": "editor", "管理员": "admin"]
        self.init(rawValue: words[argument] ?? argument)
    }
}

/// A password from standard input: asked for without echo at a terminal, else its first line.
func readPassword(_ prompt: Phrase) throws -> String {
    if isatty(0) != 0, let typed = getpass(prompt.spoken(Speech.language)) { return String(cString: typed) }
    guard let line = readLine(strippingNewline: true) else { throw usageError("give the password on standard input") }
    return line
}

/// A change to one account, said in one line when done.
protocol AccountChange: CommonCommand {
    var recorder: Recorder { get }
    func change(_ registry: Registry, by: String) throws -> Phrase
}

extension AccountChange {
    func run(on registry: Registry) throws { say(try change(registry, by: recorder.name)) }
}

struct UserAdd: AccountChange {
    static let configuration = command("add", "Add an account; its password from standard input.")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @Option(help: manual("viewer, clerk, editor or admin.")) var role: Role
    @OptionGroup var recorder: Recorder

    func change(_ registry: Registry, by: String) throws -> Phrase {
        try registry.addAccount(name, role: role, password: try readPassword("Password: "), by: by)
        return "added \(name) (\(role.text(Speech.language)))"
    }
}

struct UserList: CommonCommand {
    static let configuration = command("list", "List the accounts: role, whether disabled, live tokens.")
    @OptionGroup var common: CommonOptions

    func run(on registry: Registry) throws {
        let language = Speech.language
        print(textTable(header: words(["name", "role", "disabled", "created_at", "tokens"]),
                        rows: try registry.accounts().map { [$0.name, $0.role.text(language), $0.disabled ? "✓" : "", $0.createdAt, $0.tokens.joined(separator: ", ")] }))
    }
}

struct UserRole: AccountChange {
    static let configuration = command("role", "Change an account's role.")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @Argument(help: manual("viewer, clerk, editor or admin.")) var role: Role
    @OptionGroup var recorder: Recorder

    func change(_ registry: Registry, by: String) throws -> Phrase {
        try registry.setRole(name, role, by: by)
        return "\(name): \(role.text(Speech.language))"
    }
}

struct UserPasswd: AccountChange {
    static let configuration = command("passwd", "Change an account's password (from standard input).")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @OptionGroup var recorder: Recorder

    func change(_ registry: Registry, by: String) throws -> Phrase {
        try registry.setPassword(name, try readPassword("New password: "), by: by)
        return "changed the password of \(name)"
    }
}

struct UserDisable: AccountChange {
    static let configuration = command("disable", "Disable an account and revoke its tokens, at once.")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @OptionGroup var recorder: Recorder

    func change(_ registry: Registry, by: String) throws -> Phrase {
        try registry.disableAccount(name, by: by)
        return "disabled \(name)"
    }
}

struct UserToken: CommonCommand {
    static let configuration = command("token", "Make a new API token for an account and print it (once: only its hash is kept).")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @Option(help: manual("What the token is for, to revoke it by (default token-N).")) var label: String?
    @OptionGroup var recorder: Recorder

    func run(on registry: Registry) throws {
        print(try registry.newToken(for: name, label: label, by: recorder.name))
    }
}

struct UserRevoke: AccountChange {
    static let configuration = command("revoke", "Revoke an account's token by its label, at once.")
    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The account's name.")) var name: String
    @Argument(help: manual("The token's label.")) var label: String
    @OptionGroup var recorder: Recorder

    func change(_ registry: Registry, by: String) throws -> Phrase {
        try registry.revokeToken(of: name, label: label, by: by)
        return "revoked \(name)'s token \(label)"
    }
}
