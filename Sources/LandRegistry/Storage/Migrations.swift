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
        migrator.registerMigration("v4 history and permits") { db in
            // Every change to every feature, append-only. `after_*` is the
            // feature's whole state after the change (NULL for a deletion),
            // in the registry's CRS; the state before a change is the
            // previous row's `after_*`.
            try db.execute(sql: """
                CREATE TABLE history (
                    id INTEGER PRIMARY KEY,
                    layer TEXT NOT NULL,
                    code TEXT NOT NULL,
                    action TEXT NOT NULL,
                    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                    effective_date TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    command TEXT NOT NULL,
                    doc TEXT,
                    note TEXT,
                    after_properties TEXT,
                    after_geom BLOB)
                """)
            // By code alone: a small index is cheap to grow during a bulk import.
            try db.execute(sql: "CREATE INDEX history_code ON history(code)")
            try db.execute(sql: """
                CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
                BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END
                """)
            try db.execute(sql: """
                CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
                BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END
                """)
            try db.execute(sql: """
                CREATE TABLE permits (
                    id INTEGER PRIMARY KEY,
                    proposal_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    permit_date TEXT NOT NULL,
                    check_id INTEGER NOT NULL REFERENCES checks(id),
                    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                    recorded_by TEXT NOT NULL)
                """)
            try db.execute(sql: "CREATE INDEX permits_date ON permits(permit_date)")
            // Features already in the registry enter the history as inserts,
            // effective on their own date where they have one.
            for layer in Layer.allCases {
                let specs = layer.properties
                let dated = specs.first { $0.kind == .date }
                try db.execute(sql: """
                    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
                    SELECT ?, code, 'insert', \(dated.map { "COALESCE(\($0.column), date('now'))" } ?? "date('now')"),
                           'landreg', 'migration v4', \(Layer.propertiesJSONSQL(specs)), AsBinary(geom)
                    FROM \(layer.table) ORDER BY code
                    """, arguments: [layer.rawValue])
            }
        }
        return migrator
    }
}

extension Layer {
    /// SQL for a row's properties as one JSON object: the contract columns
    /// that are set, then the extra properties.
    static func propertiesJSONSQL(_ specs: [PropertySpec]) -> String {
        let pairs = specs.map { spec -> String in
            let value = spec.kind == .bool ? "CASE \(spec.column) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END"
                                           : spec.column
            return "'\(spec.name)', \(value)"
        }
        // Patching {} drops the properties that are NULL.
        return "json_patch(json_patch('{}', json_object(\(pairs.joined(separator: ", ")))), extra)"
    }
}

/// A number as text without a needless ".0".
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
