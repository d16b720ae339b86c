import GRDB

/// Versioned, append-only migrations, frozen as literal SQL: a migration
/// never changes once released (adding a property to a layer is a new
/// migration, never an edit of `MigrationSQL`). `Tests/…/Fixtures/schema.sql`
/// is the schema they make; a test compares it with a new registry's.
enum Migrations {
    static func migrator(srid: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 layers and settings") { db in try v1(db, srid: srid) }
        migrator.registerMigration("v2 check records") { db in try v2(db, srid: srid) }
        migrator.registerMigration("v3 settings log") { db in try v3(db) }
        migrator.registerMigration("v4 history and permits") { db in try v4(db) }
        migrator.registerMigration("v5 outside edits and permit notes") { db in try v5(db) }
        migrator.registerMigration("v6 monitoring, limits and remedies") { db in try v6(db) }
        migrator.registerMigration("v7 check dates") { db in try v7(db) }
        migrator.registerMigration("v8 outside edits index") { db in try v8(db) }
        migrator.registerMigration("v9 outside edits keep nested nulls") { db in try v9(db) }
        migrator.registerMigration("v10 accounts and tokens") { db in try v10(db) }
        migrator.registerMigration("v11 history indexes by layer") { db in try v11(db) }
        migrator.registerMigration("v12 history changes without inserts") { db in try v12(db) }
        return migrator
    }

    /// V1 layers and settings.
    private static func v1(_ db: Database, srid: Int) throws {
        try db.execute(sql: """
            CREATE TABLE settings (
                name TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
            """)
        try db.execute(sql: "INSERT INTO settings (name, value) VALUES ('srid', ?)", arguments: ["\(srid)"])
        try db.execute(sql: """
            INSERT INTO settings (name, value) VALUES
            ('overlap_min_m2', '1'), ('sequencing_distance_m', '500'),
            ('concentrated_farmland_distance_m', '1000'), ('county_seat_distance_m', '20000')
            """)
        for (table, sql) in MigrationSQL.v1Tables {
            try db.execute(sql: sql)
            let added = try Int.fetchOne(db, sql: "SELECT AddGeometryColumn(?, 'geom', ?, 'GEOMETRY', 'XY', 1)",
                                         arguments: [table, srid]) ?? 0
            guard added == 1 else { throw RegistryError("SpatiaLite could not add a geometry column to \(table)") }
            let indexed = try Int.fetchOne(db, sql: "SELECT CreateSpatialIndex(?, 'geom')", arguments: [table]) ?? 0
            guard indexed == 1 else { throw RegistryError("SpatiaLite could not index \(table)") }
        }
    }

    /// V2 check records.
    private static func v2(_ db: Database, srid: Int) throws {
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

    /// V3 settings log.
    private static func v3(_ db: Database) throws {
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

    /// V4 history and permits.
    private static func v4(_ db: Database) throws {
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
        for sql in MigrationSQL.v4Backfill { try db.execute(sql: sql) }
    }

    /// V5 outside edits and permit notes.
    private static func v5(_ db: Database) throws {
        // Set to 1 by landreg inside each of its write transactions (never seen outside them).
        try db.execute(sql: """
            CREATE TABLE landreg_writer (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                active INTEGER NOT NULL DEFAULT 0)
            """)
        try db.execute(sql: "INSERT INTO landreg_writer (id, active) VALUES (1, 0)")
        try db.execute(sql: "ALTER TABLE permits ADD COLUMN note TEXT")
        for sql in MigrationSQL.v5Triggers { try db.execute(sql: sql) }
    }

    /// V6 monitoring, limits and remedies (contract §10).
    private static func v6(_ db: Database) throws {
        for sql in MigrationSQL.v6Tables { try db.execute(sql: sql) }
    }

    /// V7 check dates: the date a check was made when it is entered later
    /// (`check --date`); NULL for a check made when recorded.
    private static func v7(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE check_runs ADD COLUMN check_date TEXT")
    }

    /// V8: the history rows other programs wrote, found without reading the
    /// whole history: their geometries were never validated by landreg, so
    /// the check tests them before it uses them.
    private static func v8(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX history_external ON history(layer, code) WHERE recorded_by = 'external'")
    }

    /// V9: the outside-edit triggers write the properties as landreg does
    /// (an extra property's nested nulls kept).
    private static func v9(_ db: Database) throws {
        for sql in MigrationSQL.v9Triggers { try db.execute(sql: sql) }
    }

    /// V10: the service's accounts (a role, a bcrypt hash of the password,
    /// never the password), their API tokens (a bcrypt hash of the secret;
    /// revoked, never deleted) and the log of every change to them.
    private static func v10(_ db: Database) throws {
        for sql in MigrationSQL.v10Tables { try db.execute(sql: sql) }
    }

    /// V11: the history found by layer — a feature's rows by (layer, code)
    /// in date order, a layer's rows of one kind of change by date — so that
    /// a layer's state on a date, or a quarter's reclassifications, read
    /// only their own rows, not every row of a county's million parcels.
    private static func v11(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX history_code")
        try db.execute(sql: "CREATE INDEX history_feature ON history(layer, code, effective_date, id)")
        try db.execute(sql: "CREATE INDEX history_change ON history(layer, action, effective_date)")
    }

    /// V12: the index of a layer's changes by kind leaves out the inserts —
    /// a million of them in one import, all alike, cost a sixth of it —
    /// which no query looked up by kind; the earliest date the history
    /// knows is read from `history_feature`, which covers every row.
    /// A query of the index says `action <> 'insert'` itself.
    private static func v12(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX history_change")
        try db.execute(sql: "CREATE INDEX history_change ON history(layer, action, effective_date) WHERE action <> 'insert'")
    }
}
