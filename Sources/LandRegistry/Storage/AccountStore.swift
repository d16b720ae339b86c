import GRDB

/// The accounts, their tokens and the log of who changed them. Hashes are
/// made and checked above (Operations); they only pass through here.
extension Store {
    private static func account(_ row: Row) -> Account {
        Account(name: row["name"], role: Role(rawValue: row["role"]) ?? .viewer, disabled: (row["disabled"] as Int) != 0,
                createdAt: row["created_at"])
    }

    private func log(_ db: Database, _ account: String, _ change: String, by: String) throws {
        try db.execute(sql: "INSERT INTO account_log (account, change, changed_by) VALUES (?, ?, ?)", arguments: [account, change, by])
    }

    /// Adds an account; false when the name is taken.
    func insertAccount(_ name: String, role: Role, passwordHash: String, by: String) throws -> Bool {
        try write(spatial: false) { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [name]) == nil else { return false }
            try db.execute(sql: "INSERT INTO accounts (name, role, password_hash) VALUES (?, ?, ?)", arguments: [name, role.rawValue, passwordHash])
            try log(db, name, "add \(role.rawValue)", by: by)
            return true
        }
    }

    /// Every account, by name, with its live tokens' labels.
    func accounts() throws -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, disabled, created_at FROM accounts ORDER BY name").map { row in
                var account = Store.account(row)
                account.tokens = try String.fetchAll(db, sql: "SELECT label FROM tokens WHERE account = ? AND revoked_at IS NULL ORDER BY label",
                                                     arguments: [account.name])
                return account
            }
        }
    }

    /// An account and its password's hash.
    func account(named name: String) throws -> (Account, String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT name, role, disabled, created_at, password_hash FROM accounts WHERE name = ?", arguments: [name])
                .map { (Store.account($0), $0["password_hash"] as String) }
        }
    }

    /// Changes an account (its role, its password's hash, or disables it); false when there is no such account.
    func updateAccount(_ name: String, role: Role? = nil, passwordHash: String? = nil, disable: Bool = false, by: String) throws -> Bool {
        try write(spatial: false) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role, disabled FROM accounts WHERE name = ?", arguments: [name]) else { return false }
            // The registry never loses its last admin that may sign in: no one could manage the accounts then.
            let losesAdmin = row["role"] as String == Role.admin.rawValue && row["disabled"] as Int == 0 && (disable || (role.map { $0 != .admin } ?? false))
            if losesAdmin, try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0") == 1 {
                throw InvalidArgument(.account(name), "it is the registry's last admin: make another account admin first")
            }
            if let role {
                try db.execute(sql: "UPDATE accounts SET role = ? WHERE name = ?", arguments: [role.rawValue, name])
                try log(db, name, "role \(role.rawValue)", by: by)
            }
            if let passwordHash {
                try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
                try log(db, name, "password", by: by)
            }
            if disable {
                try db.execute(sql: "UPDATE accounts SET disabled = 1 WHERE name = ?", arguments: [name])
                try db.execute(sql: "UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE account = ? AND revoked_at IS NULL",
                               arguments: [name])
                try log(db, name, "disable", by: by)
            }
            return true
        }
    }

    /// A new token's row: its id, or nil when the account has a live token of that label.
    func insertToken(_ account: String, label: String, hash: String, by: String) throws -> Int64? {
        try write(spatial: false) { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE account = ? AND label = ? AND revoked_at IS NULL",
                                   arguments: [account, label]) == nil else { return nil }
            try db.execute(sql: "INSERT INTO tokens (account, label, hash) VALUES (?, ?, ?)", arguments: [account, label, hash])
            let id = db.lastInsertedRowID
            try log(db, account, "token \(label)", by: by)
            return id
        }
    }

    /// The labels an account's tokens have had, to choose a new one.
    func tokenLabels(_ account: String) throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT label FROM tokens WHERE account = ?", arguments: [account])) }
    }

    /// Revokes an account's live token of that label; false when there is none.
    func revokeToken(_ account: String, label: String, by: String) throws -> Bool {
        try write(spatial: false) { db in
            try db.execute(sql: "UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE account = ? AND label = ? AND revoked_at IS NULL",
                           arguments: [account, label])
            guard db.changesCount > 0 else { return false }
            try log(db, account, "revoke \(label)", by: by)
            return true
        }
    }

    /// A live token (not revoked, its account not disabled): its hash and its account.
    func liveToken(_ id: Int64) throws -> (hash: String, account: Account)? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT t.hash, a.name, a.role, a.disabled, a.created_at FROM tokens t JOIN accounts a ON a.name = t.account
                WHERE t.id = ? AND t.revoked_at IS NULL AND a.disabled = 0
                """, arguments: [id]).map { ($0["hash"] as String, Store.account($0)) }
        }
    }

    /// How many accounts there are, and how many are admins that may sign in.
    func accountCounts() throws -> (accounts: Int, admins: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), count(*) FILTER (WHERE role = 'admin' AND disabled = 0) FROM accounts")!
            return (row[0], row[1])
        }
    }
}
