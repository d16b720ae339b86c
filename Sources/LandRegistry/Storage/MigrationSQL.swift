// Long file: the migrations' SQL, frozen by design: nothing here is edited
// once released. The statements made per layer (v4's backfill, the v5 and v9
// triggers) come from templates and a frozen table of the layers, held byte
// for byte to the released SQL by FrozenTriggerTests.

/// The SQL of the migrations that is too long to read inline.
enum MigrationSQL {
    /// v1: the nine layer tables (contract columns, extra properties as JSON,
    /// a geometry column in the registry's CRS with its R*Tree) and settings.
    static let v1Tables: [(table: String, sql: String)] = [
        ("risk_plots", """
            CREATE TABLE risk_plots (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "stage" TEXT,
                "name" TEXT,
                "former_use" TEXT,
                "toxic_history" INTEGER,
                "enterprise" TEXT,
                "town" TEXT,
                "stage_date" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("farmland", """
            CREATE TABLE farmland (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "class" TEXT,
                "town" TEXT,
                "crop" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("basic_farmland", """
            CREATE TABLE basic_farmland (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "concentrated" INTEGER,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("water_zones", """
            CREATE TABLE water_zones (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "level" TEXT,
                "source" TEXT,
                "source_type" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("rivers", """
            CREATE TABLE rivers (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("sections", """
            CREATE TABLE sections (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                "target_class" TEXT,
                "river" TEXT,
                "assessed_by" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("outfalls", """
            CREATE TABLE outfalls (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "type" TEXT,
                "name" TEXT,
                "river" TEXT,
                "status" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("enterprises", """
            CREATE TABLE enterprises (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                "key_supervised" INTEGER,
                "air_emitting" INTEGER,
                "permit_status" TEXT,
                "permit_date" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("admin", """
            CREATE TABLE admin (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "kind" TEXT,
                "name" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
    ]

    /// v4: the features already in the registry enter the history as
    /// inserts, effective on their own date where they have one.
    static let v4Backfill: [String] = outsideEditLayers.map { layer in
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT '\(layer.name)', code, 'insert', \(v4EffectiveDate[layer.name] ?? "date('now')"),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object(\(layer.properties.replacingOccurrences(of: "NEW.", with: "")))), extra), AsBinary(geom)
        FROM \(layer.table) ORDER BY code
        """
    }

    /// The effective date v4 gave a layer's existing features (else the migration's day; frozen).
    static let v4EffectiveDate: [String: String] = [
        "risk-plots": #"COALESCE("stage_date", date('now'))"#,
        "enterprises": #"COALESCE("permit_date", date('now'))"#,
    ]

    /// v5: changes made by other programs (QGIS, sqlite3) enter the history
    /// as `external` edits, effective the day they were made; landreg's own
    /// writes set `landreg_writer.active` inside their transaction, so they
    /// are not recorded twice. The geometry is stored as SpatiaLite's blob
    /// (the editing program may not have SpatiaLite's functions).
    static let v5Triggers: [String] = outsideEditLayers.flatMap { layer in
        ["insert", "update", "delete"].map { outsideEditTrigger($0, layer, properties: "json_patch(json_patch('{}', json_object(\(layer.properties))), NEW.extra)") }
    }

    /// The layers as v5 knew them: name, table, and the arguments of
    /// `json_object` that make a row's contract properties (frozen).
    static let outsideEditLayers: [(name: String, table: String, properties: String)] = [
        ("risk-plots", "risk_plots",
         #"'code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date""#),
        ("farmland", "farmland",
         #"'code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop""#),
        ("basic-farmland", "basic_farmland",
         #"'code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END"#),
        ("water-zones", "water_zones",
         #"'code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type""#),
        ("rivers", "rivers",
         #"'code', NEW."code", 'name', NEW."name""#),
        ("sections", "sections",
         #"'code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by""#),
        ("outfalls", "outfalls",
         #"'code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status""#),
        ("enterprises", "enterprises",
         #"'code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date""#),
        ("admin", "admin",
         #"'code', NEW."code", 'kind', NEW."kind", 'name', NEW."name""#),
    ]

    /// One trigger that records another program's insert, update or delete
    /// of a layer's row, `properties` the SQL of the row's properties (frozen).
    static func outsideEditTrigger(_ action: String, _ layer: (name: String, table: String, properties: String),
                                   properties: String) -> String {
        let record = action == "delete"
            ? """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
                VALUES ('\(layer.name)', OLD.code, 'delete', date('now'), 'external', 'external edit');
            """
            : """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
                VALUES ('\(layer.name)', NEW.code, '\(action)', date('now'), 'external', 'external edit', \(properties), NEW.geom);
            """
        return """
            CREATE TRIGGER landreg_\(action)_\(layer.table) AFTER \(action.uppercased()) ON \(layer.table)
            WHEN (SELECT active FROM landreg_writer) = 0
            BEGIN
            \(record)
            END
            """
    }

    /// v9: the outside-edit triggers write a feature's properties as every
    /// other producer does (`Layer.propertiesJSONSQL`): the members of
    /// `extra` spliced in as stored, where v5's merge patch dropped the nulls
    /// inside an extra property's value.
    static let v9Triggers: [String] = outsideEditLayers.flatMap { layer in
        ["insert", "update"].flatMap { action in
            ["DROP TRIGGER landreg_\(action)_\(layer.table)", outsideEditTrigger(action, layer, properties: """
                (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) \
                ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object(\(layer.properties))) AS c))
                """)]
        }
    }

    /// v6: monitoring values and targets with the imports that brought them
    /// (a value replaced by an upsert is kept in `monitoring_replaced`),
    /// discharge limits and remedies — both append-only: the latest row wins.
    static let v6Tables: [String] = [
        """
        CREATE TABLE monitor_imports (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            mode TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            replaced INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            recorded_by TEXT NOT NULL)
        """,
        """
        CREATE TABLE monitoring (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            month TEXT NOT NULL,
            parameter TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT,
            note TEXT,
            import_id INTEGER NOT NULL REFERENCES monitor_imports(id),
            UNIQUE (site, kind, date, parameter))
        """,
        "CREATE INDEX monitoring_month ON monitoring(month, kind)",
        """
        CREATE TABLE monitoring_replaced (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            parameter TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT,
            note TEXT,
            import_id INTEGER NOT NULL,
            replaced_by INTEGER NOT NULL REFERENCES monitor_imports(id))
        """,
        """
        CREATE TABLE discharge_limits (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            parameter TEXT NOT NULL,
            minimum REAL,
            maximum REAL,
            recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            recorded_by TEXT NOT NULL,
            note TEXT)
        """,
        """
        CREATE TABLE remedies (
            id INTEGER PRIMARY KEY,
            outfall TEXT NOT NULL,
            event TEXT NOT NULL,
            measure TEXT,
            responsible TEXT,
            deadline TEXT,
            event_date TEXT NOT NULL,
            note TEXT,
            recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            recorded_by TEXT NOT NULL)
        """,
        "CREATE INDEX remedies_outfall ON remedies(outfall)",
        """
        CREATE TRIGGER discharge_limits_append_only_update BEFORE UPDATE ON discharge_limits
        BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END
        """,
        """
        CREATE TRIGGER discharge_limits_append_only_delete BEFORE DELETE ON discharge_limits
        BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END
        """,
        """
        CREATE TRIGGER remedies_append_only_update BEFORE UPDATE ON remedies
        BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END
        """,
        """
        CREATE TRIGGER remedies_append_only_delete BEFORE DELETE ON remedies
        BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END
        """,
    ]

    /// v10: accounts, tokens, and who changed them.
    static let v10Tables: [String] = [
        """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('viewer', 'clerk', 'editor', 'admin')),
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
        """,
        """
        CREATE TABLE tokens (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL REFERENCES accounts(name),
            label TEXT NOT NULL,
            hash TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            revoked_at TEXT)
        """,
        "CREATE UNIQUE INDEX tokens_active ON tokens(account, label) WHERE revoked_at IS NULL",
        """
        CREATE TABLE account_log (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL,
            change TEXT NOT NULL,
            changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            changed_by TEXT NOT NULL)
        """,
    ]
}
