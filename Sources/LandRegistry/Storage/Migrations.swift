import GRDB

/// Versioned, append-only migrations: never edit a registered migration,
/// add a new one.
enum Migrations {
    static func migrator(srid: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 layers and settings") { db in
            try db.execute(sql: """
                CREATE TABLE settings (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL,
                    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
                """)
            try db.execute(sql: "INSERT INTO settings (name, value) VALUES ('srid', ?)", arguments: ["\(srid)"])
            for setting in Setting.allCases {
                try db.execute(sql: "INSERT INTO settings (name, value) VALUES (?, ?)",
                               arguments: [setting.rawValue, formatNumber(setting.defaultValue)])
            }
            for layer in Layer.allCases {
                let columns = layer.properties.map { spec in
                    "\(spec.column) \(spec.sqlType)\(spec.name == "code" ? " NOT NULL UNIQUE" : "")"
                }
                try db.execute(sql: """
                    CREATE TABLE \(layer.table) (
                        fid INTEGER PRIMARY KEY,
                        \(columns.joined(separator: ",\n    ")),
                        extra TEXT NOT NULL DEFAULT '{}')
                    """)
                let added = try Int.fetchOne(db, sql: "SELECT AddGeometryColumn(?, 'geom', ?, 'GEOMETRY', 'XY', 1)",
                                             arguments: [layer.table, srid]) ?? 0
                guard added == 1 else { throw RegistryError("SpatiaLite could not add a geometry column to \(layer.table)") }
                let indexed = try Int.fetchOne(db, sql: "SELECT CreateSpatialIndex(?, 'geom')", arguments: [layer.table]) ?? 0
                guard indexed == 1 else { throw RegistryError("SpatiaLite could not index \(layer.table)") }
            }
        }
        migrator.registerMigration("v2 check records") { db in
            try db.execute(sql: """
                CREATE TABLE check_runs (
                    id INTEGER PRIMARY KEY,
                    checked_at TEXT NOT NULL,
                    checked_by TEXT NOT NULL,
                    file TEXT NOT NULL,
                    proposals INTEGER NOT NULL DEFAULT 0,
                    block INTEGER NOT NULL DEFAULT 0,
                    condition INTEGER NOT NULL DEFAULT 0,
                    warn INTEGER NOT NULL DEFAULT 0,
                    clear INTEGER NOT NULL DEFAULT 0)
                """)
            try db.execute(sql: """
                CREATE TABLE checks (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES check_runs(id),
                    proposal_id TEXT NOT NULL,
                    use TEXT,
                    action TEXT NOT NULL,
                    verdict TEXT NOT NULL,
                    properties TEXT NOT NULL,
                    findings TEXT NOT NULL)
                """)
            try db.execute(sql: "CREATE INDEX checks_proposal ON checks(proposal_id)")
            let srid = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'srid'").flatMap(Int.init) ?? srid
            let added = try Int.fetchOne(db, sql: "SELECT AddGeometryColumn('checks', 'geom', ?, 'GEOMETRY', 'XY')",
                                         arguments: [srid]) ?? 0
            guard added == 1 else { throw RegistryError("SpatiaLite could not add a geometry column to checks") }
        }
        migrator.registerMigration("v3 settings log") { db in
            try db.execute(sql: """
                CREATE TABLE settings_log (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT NOT NULL,
                    changed_by TEXT NOT NULL,
                    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
                """)
        }
        return migrator
    }
}

/// A number as text without a needless ".0".
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
